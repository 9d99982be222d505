/**
 * A hub process that only drains the issuance queue of an embedded database, printing one line
 * per chunk. The durability test kills it with SIGKILL part-way through a batch.
 */
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createServices } from '../../src/services.ts';

const dataDir = process.env['HUB_TEST_DATA_DIR'];
if (!dataDir) throw new Error('HUB_TEST_DATA_DIR is required');
const database = await openDatabase({ pgliteDataDir: dataDir });
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://hub.test',
  AUTH_SECRET: 'test-secret-that-is-long-enough-for-the-hub-0123456789',
  KEY_ENCRYPTION_KEY: 'test-key-encryption-key-long-enough-0123456789',
  SEED_DEMO_ACCOUNTS: 'false',
});
const progressLog = {
  info: (fields: unknown, message?: string) => {
    if (message === 'issuance job progress') process.stdout.write(`progress ${JSON.stringify(fields)}\n`);
  },
  warn: () => undefined,
  error: (fields: unknown) => process.stderr.write(`${JSON.stringify(fields)}\n`),
  debug: () => undefined,
};
// Only the log methods the credentials service calls are needed; the rest of pino's surface is not.
const services = createServices({
  config,
  database,
  clock: () => new Date(),
  log: progressLog as unknown as FastifyBaseLogger,
});
services.credentials.worker.wake();
await services.credentials.worker.idle();
process.stdout.write('idle\n');
await database.close();
