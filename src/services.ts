import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { createCatalogueService } from './modules/catalogue/index.ts';
import { createFrameworkService } from './modules/framework/index.ts';
import { createMailer } from './modules/mail/index.ts';
import { createAuditTrail } from './modules/audit/index.ts';
import { createAccountsService } from './modules/accounts/index.ts';
import { createApprovalsService } from './modules/approvals/index.ts';
import { createCredentialsService } from './modules/credentials/index.ts';
import { createSafeFetcher } from './platform/net/safe-fetch.ts';

export interface ServiceDependencies {
  config: Config;
  database: Database;
  clock: () => Date;
  log?: FastifyBaseLogger | undefined;
}

/**
 * Builds the hub's services once, for the web app and for the `hub` command line alike, so both
 * apply the same rules to the same database.
 */
export function createServices({ config, database, clock, log }: ServiceDependencies) {
  const framework = createFrameworkService(database);
  const catalogue = createCatalogueService({ database, framework, clock });
  const mailer = createMailer({ database, smtpUrl: config.smtpUrl, from: config.mailFrom, clock, log });
  const audit = createAuditTrail({ database, clock });
  const accounts = createAccountsService({
    database,
    mailer,
    audit,
    institutions: catalogue,
    authSecret: config.authSecret,
    publicUrl: config.publicUrl,
    isProduction: config.env === 'production',
    clock,
  });
  const approvals = createApprovalsService({
    database,
    catalogue,
    accounts,
    audit,
    mailer,
    clock,
    publicUrl: config.publicUrl,
  });
  const credentials = createCredentialsService({
    database,
    catalogue,
    audit,
    mailer,
    clock,
    publicUrl: config.publicUrl,
    keyEncryptionSecret: config.keyEncryptionKey,
    fetcher: createSafeFetcher({
      allowPrivateAddresses: config.verifyAllowPrivateAddresses,
      allowHttp: config.verifyAllowPrivateAddresses,
    }),
    log,
  });
  return { framework, catalogue, mailer, audit, accounts, approvals, credentials };
}

export type Services = ReturnType<typeof createServices>;
