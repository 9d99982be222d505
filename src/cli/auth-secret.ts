import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';

/**
 * Production must set AUTH_SECRET (config refuses to start without it). Elsewhere a secret is
 * generated once into the data folder, so that sessions survive restarts without any setup.
 */
export async function resolveAuthSecret(config: Config): Promise<string> {
  if (config.authSecret) return config.authSecret;
  const file = resolve(config.dataDir, 'auth-secret');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing.length >= 32) return existing;
  const secret = randomBytes(48).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  console.warn(
    `No AUTH_SECRET set: generated a development secret in ${file}. Set AUTH_SECRET in production.`,
  );
  return secret;
}

/** Like AUTH_SECRET: production must set KEY_ENCRYPTION_KEY; elsewhere one is generated once. */
export async function resolveKeyEncryptionKey(config: Config): Promise<string> {
  if (config.keyEncryptionKey) return config.keyEncryptionKey;
  const file = resolve(config.dataDir, 'key-encryption-key');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing.length >= 32) return existing;
  const secret = randomBytes(48).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  console.warn(
    `No KEY_ENCRYPTION_KEY set: generated a development key in ${file}. It encrypts the signing keys: set KEY_ENCRYPTION_KEY in production and keep it safe.`,
  );
  return secret;
}

/** Both generated development secrets at once, for the server and the command line. */
export async function resolveSecrets(config: Config): Promise<Config> {
  return {
    ...config,
    authSecret: await resolveAuthSecret(config),
    keyEncryptionKey: await resolveKeyEncryptionKey(config),
  };
}
