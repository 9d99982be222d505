import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { DatabaseInUseError, openDatabase, type Database } from './platform/db/database.ts';
import { seedDemoData } from './seed.ts';
import { resolveSecrets } from './cli/auth-secret.ts';
import { createServices } from './services.ts';
import { formatDemoAccounts, seedDemoAccounts } from './modules/accounts/accounts-seed.ts';
import { seedDemoCredentials } from './modules/credentials/credentials-seed.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

let database: Database;
try {
  database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.dataDir });
} catch (error) {
  if (error instanceof DatabaseInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
config = await resolveSecrets(config);
const app = await buildApp({ config, database });

if (config.seedDemoData) {
  const seeded = await seedDemoData(database, new Date());
  if (seeded.microCredentials > 0) {
    app.log.info(seeded, 'loaded the demo catalogue into the empty database');
  }
}

// Off in production whatever SEED_DEMO_ACCOUNTS says (see config.ts): the password is published.
const demoAccounts = config.seedDemoAccounts
  ? await seedDemoAccounts(createServices({ config, database, clock: () => new Date(), log: app.log }))
  : undefined;
for (const skipped of demoAccounts?.skipped ?? []) app.log.info(skipped);
if (config.seedDemoAccounts && config.seedDemoData) {
  const issued = await seedDemoCredentials(
    createServices({ config, database, clock: () => new Date(), log: app.log }),
    new Date(),
  );
  if (issued > 0) app.log.info({ issued }, 'issued demo credentials; claim links are in /dev/outbox');
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  // Stop taking requests and finish those in flight before the database goes away.
  await app.close();
  await database.close();
});

await app.listen({ host: config.host, port: config.port });
app.log.info(`Micro-credentials Hub is running at ${config.publicUrl} (database: ${database.kind})`);
if (demoAccounts && demoAccounts.accounts.length > 0 && config.logLevel !== 'silent') {
  app.log.info({ demoAccounts: demoAccounts.accounts.length }, 'demo accounts ready (development only)');
  // A plain table on the terminal rather than a JSON log line: a developer reads it to sign in.
  process.stdout.write(`\n${formatDemoAccounts(demoAccounts).join('\n')}\n\n`);
}
