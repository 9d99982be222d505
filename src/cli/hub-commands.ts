import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { DatabaseInUseError, openDatabase, type Database } from '../platform/db/database.ts';
import { createServices, type Services } from '../services.ts';
import { seedDemoData } from '../seed.ts';
import {
  AccountsError,
  INSTITUTION_ROLES,
  isInstitutionRole,
  validateNewAccount,
} from '../modules/accounts/index.ts';
import { formatDemoAccounts, seedDemoAccounts } from '../modules/accounts/accounts-seed.ts';
import { resolveSecrets } from './auth-secret.ts';

export interface HubIo {
  out(line: string): void;
  err(line: string): void;
}

export interface OpenedHub {
  services: Services;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export interface HubDependencies {
  openServices(): Promise<OpenedHub>;
}

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_DATABASE_IN_USE = 2;
export const EXIT_AUDIT_BROKEN = 3;

/** Who the audit trail says did what the command line did: an operator with database access, not a signed-in user. */
export const CLI_ACTOR = { id: 'operator:cli', name: 'Operator (command line)' };

export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(
      `The hub server (process ${pid}) has the embedded database in ${dataDir} open. Stop the server first (Ctrl+C in its terminal), then run this command again — or run the hub on PostgreSQL (DATABASE_URL), where both can run at once.`,
    );
  }
}

/** Bad input or a refused operation: said in plain sentences, exit code 1. */
class HubRefusal extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const HUB = 'npm run hub --';

// ---- Opening the database ------------------------------------------------------------------

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, which still means the folder is taken.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process other than this one that holds DATA_DIR's lock, if any. */
export async function lockHolder(dataDir: string): Promise<number | undefined> {
  const owner = Number.parseInt(await readFile(resolve(dataDir, 'hub.lock'), 'utf8').catch(() => ''), 10);
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner) ? owner : undefined;
}

/**
 * Opens the configured database for one command. The lock is checked before anything is opened
 * or written: a second process on the embedded database's folder would corrupt it.
 */
export async function openHubServices(
  env: Record<string, string | undefined> = process.env,
): Promise<OpenedHub> {
  const loaded = loadConfig(env);
  if (!loaded.databaseUrl) {
    const holder = await lockHolder(loaded.dataDir);
    if (holder !== undefined) throw new EmbeddedDatabaseInUseError(holder, loaded.dataDir);
  }
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: loaded.databaseUrl, pgliteDataDir: loaded.dataDir });
  } catch (error) {
    // The server may have started between the check above and opening.
    if (error instanceof DatabaseInUseError)
      throw new EmbeddedDatabaseInUseError((await lockHolder(loaded.dataDir)) ?? 0, loaded.dataDir);
    throw error;
  }
  try {
    const config = await resolveSecrets(loaded);
    const services = createServices({ config, database, clock: () => new Date() });
    return { services, database, config, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

// ---- Options -------------------------------------------------------------------------------

interface OptionSpec {
  meaning: string;
  example: string;
  isRequired: boolean;
  isRepeatable?: boolean;
  /** A plain sentence saying what is wrong with one value, or undefined when it is fine. */
  check?: (value: string) => string | undefined;
}

type Values = Record<string, string[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const email: OptionSpec = {
  meaning: 'the account’s email address',
  example: 'ailsa@example.ac.uk',
  isRequired: true,
};
const institution: OptionSpec = {
  meaning: 'the institution’s slug, as in its address /institutions/<slug>',
  example: 'abertay-university',
  isRequired: true,
};
const roles: OptionSpec = {
  meaning: `a role: ${INSTITUTION_ROLES.join(', ')} (repeat --role for several)`,
  example: 'reviewer',
  isRequired: true,
  isRepeatable: true,
  check: (value) =>
    isInstitutionRole(value)
      ? undefined
      : `--role '${value}' is not a role. Use one of ${INSTITUTION_ROLES.join(', ')}.`,
};

interface Command {
  summary: string;
  example: string;
  options: Record<string, OptionSpec>;
  run(hub: OpenedHub, values: Values, io: HubIo): Promise<number>;
}

function usageOf(name: string, command: Command): string {
  const options = Object.entries(command.options).map(([option, spec]) => {
    const text = `--${option} ${option.toUpperCase()}${spec.isRepeatable ? ' [--' + option + ' ...]' : ''}`;
    return spec.isRequired ? text : `[${text}]`;
  });
  return [name, ...options].join(' ');
}

/** Reads the command's options, or says which one is wrong and how to put it right. */
function parseOptions(name: string, command: Command, args: string[]): Values {
  const help = `See \`${HUB} help\`.`;
  let parsed: Record<string, string | string[] | boolean | undefined>;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(
        Object.entries(command.options).map(([option, spec]) => [
          option,
          { type: 'string' as const, multiple: spec.isRepeatable === true },
        ]),
      ),
    }).values;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const quoted = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = Object.keys(command.options).map((option) => `--${option}`);
      throw new HubRefusal([
        `${name} has no option ${quoted}. ${known.length > 0 ? `Its options: ${known.join(', ')}.` : 'It takes no options.'} ${help}`,
      ]);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = quoted.split(' ')[0] ?? quoted;
      const spec = command.options[option.replace(/^--/, '')];
      throw new HubRefusal([`${option} needs a value${spec ? `, e.g. ${option} ${spec.example}` : ''}.`]);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new HubRefusal([
        `Unexpected '${quoted}': ${name} takes only options, like ${usageOf(name, command)}.`,
      ]);
    throw error;
  }
  const values: Values = {};
  const problems: string[] = [];
  for (const [option, spec] of Object.entries(command.options)) {
    const given = parsed[option];
    // `--role author,reviewer` reads as naturally as repeating the option.
    const list = (Array.isArray(given) ? given : typeof given === 'string' ? [given] : [])
      .flatMap((value) => (spec.isRepeatable ? value.split(',') : [value]))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (list.length === 0 && spec.isRequired)
      problems.push(`${name} needs --${option}: ${spec.meaning}, e.g. --${option} ${spec.example}.`);
    for (const value of list) {
      const problem = spec.check?.(value);
      if (problem) problems.push(problem);
    }
    values[option] = list;
  }
  if (problems.length > 0) throw new HubRefusal(problems);
  return values;
}

const one = (values: Values, option: string): string => values[option]?.[0] ?? '';

// ---- Look-ups --------------------------------------------------------------------------------

async function findInstitution(hub: OpenedHub, slug: string) {
  const found = await hub.services.catalogue.findInstitution(slug);
  if (!found)
    throw new HubRefusal([
      `No institution '${slug}'. List them at ${hub.config.publicUrl}/institutions or with \`${HUB} list-institutions\`, and give the slug to --institution.`,
    ]);
  return found;
}

async function findUser(hub: OpenedHub, address: string) {
  const found = await hub.services.accounts.findUserByEmail(address);
  if (!found)
    throw new HubRefusal([
      `No account for ${address.trim().toLowerCase()}. Check --email, or create the account with \`${HUB} create-user --email ${address} --name "Their Name"\`.`,
    ]);
  return found;
}

function optionOf(field: string): string {
  return field === 'roles' ? '--role' : field === 'confirmPassword' ? '--password' : `--${field}`;
}

function when(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd(),
  );
}

// ---- The audit check -------------------------------------------------------------------------

/**
 * Recomputes every audit chain and reports each one; shared by `hub verify-audit` and
 * `npm run audit:verify`. Exit code 3 when any chain is broken, so a scheduled check can alert.
 */
export async function verifyAuditTrail(services: Services, io: HubIo): Promise<number> {
  const verdicts = await services.audit.verifyAll();
  if (verdicts.length === 0) {
    io.out('No audit events recorded yet: nothing to check.');
    return EXIT_OK;
  }
  const institutions = await services.catalogue.institutionsByIds(
    verdicts.map((verdict) => verdict.chainId).filter((id) => UUID.test(id)),
  );
  const names = new Map(institutions.map((found) => [found.id, found.name]));
  let broken = 0;
  let events = 0;
  for (const verdict of verdicts) {
    const chain = names.get(verdict.chainId) ?? verdict.chainId;
    if (verdict.isIntact) {
      events += verdict.length;
      io.out(`chain ${chain}: ${verdict.length} ${verdict.length === 1 ? 'event' : 'events'}, intact`);
    } else {
      broken += 1;
      io.out(`chain ${chain}: BROKEN at event ${verdict.brokenAt}: ${verdict.reason}`);
    }
  }
  if (broken === 0) {
    io.out(
      `All ${verdicts.length} audit ${verdicts.length === 1 ? 'chain is' : 'chains are'} intact (${events} events).`,
    );
    return EXIT_OK;
  }
  io.err(
    `${broken} of ${verdicts.length} audit ${verdicts.length === 1 ? 'chain is' : 'chains are'} broken: events from the broken one on cannot be trusted. Compare the audit_events table with a backup and find out who could write to the database.`,
  );
  return EXIT_AUDIT_BROKEN;
}

// ---- The commands ----------------------------------------------------------------------------

const COMMANDS: Record<string, Command> = {
  'create-user': {
    summary:
      'Create an account whose address counts as confirmed. Without --password a strong one is generated and shown once (a password typed here stays in your shell history).',
    example: `${HUB} create-user --email ailsa@example.ac.uk --name "Ailsa Grant"`,
    options: {
      email,
      name: { meaning: 'the person’s full name', example: '"Ailsa Grant"', isRequired: true },
      password: {
        meaning: 'their first password, 10 characters or more',
        example: '"three random words"',
        isRequired: false,
      },
    },
    async run(hub, values, io) {
      const generated = values['password']?.length ? undefined : randomBytes(18).toString('base64url');
      const password = generated ?? one(values, 'password');
      const input = { name: one(values, 'name'), email: one(values, 'email'), password };
      const problems = validateNewAccount({ ...input, confirmPassword: password });
      if (problems.length > 0)
        throw new HubRefusal(problems.map((problem) => `${optionOf(problem.field)}: ${problem.message}.`));
      const user = await hub.services.accounts.createUser({ ...input, isEmailVerified: true });
      io.out(`Created the account ${user.name} <${user.email}>; its address counts as confirmed.`);
      if (generated) {
        io.out(`Password: ${generated}`);
        io.out(
          `It is shown only this once. Pass it on privately; they can change it at ${hub.config.publicUrl}/forgot-password.`,
        );
      }
      return EXIT_OK;
    },
  },

  'grant-role': {
    summary: 'Give a person one or more roles at an institution.',
    example: `${HUB} grant-role --email ailsa@example.ac.uk --institution abertay-university --role author --role reviewer`,
    options: { email, institution, role: roles },
    async run(hub, values, io) {
      const [user, place] = await Promise.all([
        findUser(hub, one(values, 'email')),
        findInstitution(hub, one(values, 'institution')),
      ]);
      const wanted = [...new Set(values['role'] ?? [])].filter(isInstitutionRole);
      const principal = await hub.services.accounts.principalForUser(user);
      const held =
        principal.kind === 'user'
          ? (principal.memberships.find((membership) => membership.institutionId === place.id)?.roles ?? [])
          : [];
      const added = wanted.filter((role) => !held.includes(role));
      if (added.length > 0)
        await hub.services.accounts.grantRoles(
          { userId: user.id, institutionId: place.id },
          added,
          CLI_ACTOR,
        );
      const already = wanted.filter((role) => held.includes(role));
      if (added.length > 0) io.out(`Granted ${added.join(', ')} at ${place.name} to ${user.email}.`);
      if (already.length > 0)
        io.out(`${user.email} already held ${already.join(', ')} at ${place.name}; left as it was.`);
      return EXIT_OK;
    },
  },

  'revoke-role': {
    summary: 'Take one or more roles at an institution away from a person.',
    example: `${HUB} revoke-role --email ailsa@example.ac.uk --institution abertay-university --role reviewer`,
    options: { email, institution, role: roles },
    async run(hub, values, io) {
      const [user, place] = await Promise.all([
        findUser(hub, one(values, 'email')),
        findInstitution(hub, one(values, 'institution')),
      ]);
      for (const role of new Set((values['role'] ?? []).filter(isInstitutionRole))) {
        try {
          await hub.services.accounts.revokeRole(
            { userId: user.id, institutionId: place.id },
            role,
            CLI_ACTOR,
          );
        } catch (error) {
          if (error instanceof AccountsError && error.code === 'not-found')
            throw new HubRefusal([
              `--role ${role}: ${user.email} does not hold the ${role} role at ${place.name}; nothing changed.`,
            ]);
          if (error instanceof AccountsError && error.code === 'conflict')
            throw new HubRefusal([
              `--role ${role}: ${user.email} is the only admin of ${place.name}. Make someone else an admin first (\`${HUB} grant-role --role admin ...\`), then revoke this one.`,
            ]);
          throw error;
        }
        io.out(`Revoked ${role} at ${place.name} from ${user.email}.`);
      }
      return EXIT_OK;
    },
  },

  'grant-sector-admin': {
    summary: 'Make a person a sector administrator, who manages institutions across the hub.',
    example: `${HUB} grant-sector-admin --email ops@microcredentials.scot`,
    options: { email },
    async run(hub, values, io) {
      const user = await findUser(hub, one(values, 'email'));
      const principal = await hub.services.accounts.principalForUser(user);
      if (principal.kind === 'user' && principal.isSectorAdmin) {
        io.out(`${user.email} is already a sector administrator; nothing changed.`);
        return EXIT_OK;
      }
      await hub.services.accounts.grantSectorAdmin(user.id, CLI_ACTOR.id);
      // The accounts service does not record this grant; the most powerful role must leave a trace.
      await hub.services.audit.record({
        chainId: 'sector',
        actor: CLI_ACTOR,
        action: 'sector-admin.granted',
        subjectType: 'user',
        subjectId: user.id,
      });
      io.out(`${user.email} is now a sector administrator.`);
      return EXIT_OK;
    },
  },

  'create-token': {
    summary:
      'Create an API token for an institution’s own system, with the roles it may act in. The token is shown once.',
    example: `${HUB} create-token --institution abertay-university --name "Student records" --role registry`,
    options: {
      institution,
      name: { meaning: 'which system uses the token', example: '"Student records"', isRequired: true },
      role: roles,
    },
    async run(hub, values, io) {
      const place = await findInstitution(hub, one(values, 'institution'));
      const created = await hub.services.accounts.createApiToken(
        place,
        { name: one(values, 'name'), roles: values['role'] ?? [] },
        CLI_ACTOR,
      );
      io.out(`Created the API token "${one(values, 'name')}" for ${place.name} (id ${created.id}).`);
      io.out(`Token: ${created.token}`);
      io.out(
        'It is not shown again: the hub keeps only a hash of it. Put it in the system that uses it now; if it is lost, revoke it and create another.',
      );
      return EXIT_OK;
    },
  },

  'revoke-token': {
    summary: 'Revoke an institution’s API token at once; the id is in `list-tokens`.',
    example: `${HUB} revoke-token --institution abertay-university --id 3f0c5f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b`,
    options: {
      institution,
      id: {
        meaning: 'the token’s id, from list-tokens',
        example: '3f0c5f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
        isRequired: true,
        check: (value) =>
          UUID.test(value)
            ? undefined
            : `--id '${value}' is not a token id: ids look like 3f0c5f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b. List them with \`${HUB} list-tokens --institution <slug>\`.`,
      },
    },
    async run(hub, values, io) {
      const place = await findInstitution(hub, one(values, 'institution'));
      const id = one(values, 'id').toLowerCase();
      const token = (await hub.services.accounts.tokensOf(place.id)).find((candidate) => candidate.id === id);
      if (!token || !(await hub.services.accounts.revokeApiToken(place.id, id, CLI_ACTOR)))
        throw new HubRefusal([
          `--id ${id}: ${place.name} has no ${token ? 'unrevoked ' : ''}API token with that id. List them with \`${HUB} list-tokens --institution ${place.slug}\`.`,
        ]);
      io.out(
        `Revoked the API token "${token.name}" (${token.displayPrefix}…) of ${place.name}. Requests with it are refused from now on.`,
      );
      return EXIT_OK;
    },
  },

  'list-tokens': {
    summary:
      'List an institution’s API tokens: the first characters, roles and last use, never the tokens themselves.',
    example: `${HUB} list-tokens --institution abertay-university`,
    options: { institution },
    async run(hub, values, io) {
      const place = await findInstitution(hub, one(values, 'institution'));
      const tokens = await hub.services.accounts.tokensOf(place.id);
      if (tokens.length === 0) {
        io.out(
          `${place.name} has no API tokens. Create one with \`${HUB} create-token --institution ${place.slug} ...\`.`,
        );
        return EXIT_OK;
      }
      io.out(`API tokens of ${place.name}:`);
      for (const line of table([
        ['id', 'name', 'starts with', 'roles', 'created', 'last used', 'status'],
        ...tokens.map((token) => [
          token.id,
          token.name,
          `${token.displayPrefix}…`,
          token.roles.join(', '),
          when(token.createdAt),
          when(token.lastUsedAt),
          token.revokedAt ? `revoked ${when(token.revokedAt)}` : 'active',
        ]),
      ]))
        io.out(line);
      return EXIT_OK;
    },
  },

  'list-institutions': {
    summary: 'List the institutions and their slugs, which the other commands take as --institution.',
    example: `${HUB} list-institutions`,
    options: {},
    async run(hub, _values, io) {
      const institutions = await hub.services.catalogue.listInstitutions();
      if (institutions.length === 0) {
        io.out(`There are no institutions yet. Load the demo ones with \`${HUB} seed-demo\`.`);
        return EXIT_OK;
      }
      for (const line of table([['slug', 'name'], ...institutions.map((found) => [found.slug, found.name])]))
        io.out(line);
      return EXIT_OK;
    },
  },

  'verify-audit': {
    summary:
      'Recompute every institution’s audit chain and report any event changed since it was recorded (same as `npm run audit:verify`).',
    example: `${HUB} verify-audit`,
    options: {},
    run: (hub, _values, io) => verifyAuditTrail(hub.services, io),
  },

  'seed-demo': {
    summary:
      'Load the demo catalogue into an empty database, and create the demo accounts (README, "Demo accounts") that are missing. Refused in production.',
    example: `${HUB} seed-demo`,
    options: {},
    async run(hub, _values, io) {
      if (hub.config.env === 'production')
        throw new HubRefusal([
          'seed-demo is refused when NODE_ENV=production: the demo accounts share a published password.',
        ]);
      const seeded = await seedDemoData(hub.database, new Date());
      io.out(
        seeded.institutions === 0
          ? 'The catalogue already has institutions; no demo data was loaded.'
          : `Loaded ${seeded.institutions} institutions, ${seeded.microCredentials} micro-credentials and ${seeded.glossaryTerms} glossary terms.`,
      );
      const accounts = await seedDemoAccounts(hub.services);
      for (const line of accounts.skipped) io.out(line);
      if (accounts.accounts.length > 0) {
        const created = accounts.accounts.filter((account) => account.isNew).length;
        io.out(`Created ${created} demo accounts; ${accounts.accounts.length - created} were already there.`);
        for (const line of formatDemoAccounts(accounts)) io.out(line);
      }
      return EXIT_OK;
    },
  },
};

export function hubUsage(): string[] {
  return [
    `Usage: ${HUB} <command> [options]`,
    '',
    'Commands:',
    ...Object.entries(COMMANDS).flatMap(([name, command]) => [
      `  ${usageOf(name, command)}`,
      `      ${command.summary}`,
      `      e.g. ${command.example}`,
    ]),
    `  help`,
    '      Show this text.',
    '',
    'Exit codes: 0 done; 1 bad input or a refused operation; 2 the embedded database is open in the running hub server;',
    '3 the audit check found a broken chain.',
    'With the embedded database (no DATABASE_URL), stop the hub server before running a command. On PostgreSQL both can run at once.',
  ];
}

/**
 * Runs one `hub` command. Never exits the process: it returns the exit code, so that tests can
 * run commands against a test database and read what a person would see.
 */
export async function runHubCommand(argv: string[], io: HubIo, deps: HubDependencies): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    for (const line of hubUsage()) io.out(line);
    return EXIT_OK;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command || name === undefined) {
    io.err(name === undefined ? 'Say which command to run.' : `There is no command '${name}'.`);
    for (const line of hubUsage()) io.err(line);
    return EXIT_REFUSED;
  }
  let hub: OpenedHub | undefined;
  try {
    const values = parseOptions(name, command, args);
    hub = await deps.openServices();
    return await command.run(hub, values, io);
  } catch (error) {
    if (error instanceof HubRefusal) {
      for (const line of error.lines) io.err(line);
      return EXIT_REFUSED;
    }
    if (error instanceof AccountsError) {
      for (const problem of error.errors) io.err(`${optionOf(problem.field)}: ${problem.message}.`);
      return EXIT_REFUSED;
    }
    if (error instanceof ConfigError) {
      io.err(error.message);
      return EXIT_REFUSED;
    }
    if (error instanceof EmbeddedDatabaseInUseError || error instanceof DatabaseInUseError) {
      io.err(error.message);
      return EXIT_DATABASE_IN_USE;
    }
    throw error;
  } finally {
    await hub?.close();
  }
}
