import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Every setting the hub reads, with its type, default and meaning. The README's
 * configuration table is checked against this schema by a unit test, so the two
 * cannot drift apart.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'production', 'test'], {
    default: 'development',
    description: 'development, production or test. Production hides error details and requires PUBLIC_URL.',
  }),
  HOST: Type.String({
    default: '0.0.0.0',
    minLength: 1,
    description: 'Interface the web server listens on.',
  }),
  PORT: Type.Integer({
    default: 3000,
    minimum: 0,
    maximum: 65535,
    description: 'TCP port of the web server.',
  }),
  PUBLIC_URL: Type.String({
    default: '',
    pattern: '^(https?://[^\\s]+)?$',
    description:
      'Absolute URL people reach the hub at (used in links, JSON-LD and the API document). Defaults to http://localhost:PORT; required in production.',
  }),
  DATABASE_URL: Type.String({
    default: '',
    pattern: '^(postgres(ql)?://[^\\s]+)?$',
    description: 'PostgreSQL connection string. Empty: use the embedded PGlite database in DATA_DIR.',
  }),
  DATA_DIR: Type.String({
    default: './data',
    minLength: 1,
    description: 'Folder for the embedded database and other local files; created on first start.',
  }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
    description: 'Least severe log level written.',
  }),
  SEED_DEMO_DATA: Type.Enum(['true', 'false'], {
    default: 'true',
    description: 'Load the demo catalogue into an empty database at start.',
  }),
  AUTH_SECRET: Type.String({
    default: '',
    pattern: '^(.{32,})?$',
    description:
      'Secret (32 characters or more) that signs session and form cookies. Required in production; in development one is generated once into DATA_DIR.',
  }),
  SMTP_URL: Type.String({
    default: '',
    pattern: '^(smtps?://[^\\s]+)?$',
    description:
      'Mail server, e.g. smtps://user:password@smtp.example.org. Empty: mail is kept in the outbox only, readable at /dev/outbox outside production.',
  }),
  MAIL_FROM: Type.String({
    default: 'Micro-credentials Hub <no-reply@microcredentials.scot>',
    minLength: 3,
    description: "Sender of the hub's mail.",
  }),
  KEY_ENCRYPTION_KEY: Type.String({
    default: '',
    pattern: '^(.{32,})?$',
    description:
      "Secret (32 characters or more) that encrypts institutions' signing keys at rest. Required in production and never to be changed without re-encrypting the keys; in development one is generated once into DATA_DIR.",
  }),
  VERIFY_ALLOW_PRIVATE_ADDRESSES: Type.Enum(['true', 'false'], {
    default: 'false',
    description:
      'Let the verifier fetch did:web documents and status lists from private and loopback addresses (tests and local development only).',
  }),
  SEED_DEMO_ACCOUNTS: Type.Enum(['true', 'false'], {
    default: 'true',
    description:
      'Outside production, create one demo account per role (listed in the README) and print them at start.',
  }),
});

export type RawConfig = Static<typeof ConfigSchema>;

export interface Config {
  env: RawConfig['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  seedDemoData: boolean;
  /** Empty until resolved: main.ts generates a development secret when none is configured. */
  authSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  seedDemoAccounts: boolean;
  /** Empty until resolved: main.ts generates a development key when none is configured. */
  keyEncryptionKey: string;
  verifyAllowPrivateAddresses: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Reads the known keys from an environment, applies defaults and reports every bad key at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const keys = Object.keys(ConfigSchema.properties) as (keyof RawConfig)[];
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Default(ConfigSchema, raw);
  const converted = Value.Convert(ConfigSchema, withDefaults) as Record<string, unknown>;
  const problemsByKey = new Map<string, string>();
  for (const error of Value.Errors(ConfigSchema, converted)) {
    const key = error.instancePath.replace(/^\//, '');
    if (problemsByKey.has(key)) continue;
    const property = ConfigSchema.properties[key as keyof RawConfig] as { description?: string } | undefined;
    const allowed = (property as { enum?: string[] } | undefined)?.enum;
    const fix = allowed ? `use one of ${allowed.join(', ')}` : error.message;
    problemsByKey.set(
      key,
      `${key}=${JSON.stringify(env[key])}: ${fix}. ${property?.description ?? ''}`.trim(),
    );
  }
  const problems = [...problemsByKey.values()];
  const parsed = converted as RawConfig;
  if (problems.length === 0 && parsed.NODE_ENV === 'production' && parsed.PUBLIC_URL === '') {
    problems.push('PUBLIC_URL: required in production, e.g. https://microcredentials.scot');
  }
  if (problems.length === 0 && parsed.NODE_ENV === 'production' && parsed.AUTH_SECRET === '') {
    problems.push(
      'AUTH_SECRET: required in production: 32 or more random characters, e.g. from `openssl rand -base64 48`',
    );
  }
  if (problems.length === 0 && parsed.NODE_ENV === 'production' && parsed.KEY_ENCRYPTION_KEY === '') {
    problems.push(
      'KEY_ENCRYPTION_KEY: required in production: 32 or more random characters, e.g. from `openssl rand -base64 48`; keep it safe, signing keys cannot be read without it',
    );
  }
  if (
    problems.length === 0 &&
    parsed.NODE_ENV === 'production' &&
    parsed.VERIFY_ALLOW_PRIVATE_ADDRESSES === 'true'
  ) {
    problems.push(
      'VERIFY_ALLOW_PRIVATE_ADDRESSES: must be false in production, or anyone could make the hub fetch from its own network',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    publicUrl: (parsed.PUBLIC_URL || `http://localhost:${parsed.PORT}`).replace(/\/$/, ''),
    databaseUrl: parsed.DATABASE_URL || undefined,
    dataDir: parsed.DATA_DIR,
    logLevel: parsed.LOG_LEVEL,
    seedDemoData: parsed.SEED_DEMO_DATA === 'true',
    authSecret: parsed.AUTH_SECRET,
    smtpUrl: parsed.SMTP_URL || undefined,
    mailFrom: parsed.MAIL_FROM,
    seedDemoAccounts: parsed.SEED_DEMO_ACCOUNTS === 'true' && parsed.NODE_ENV !== 'production',
    keyEncryptionKey: parsed.KEY_ENCRYPTION_KEY,
    verifyAllowPrivateAddresses: parsed.VERIFY_ALLOW_PRIVATE_ADDRESSES === 'true',
  };
}
