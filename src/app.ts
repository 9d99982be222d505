import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from './config.ts';
import type { Database } from './platform/db/database.ts';
import { enforceAccess, requireDeclaredAccess } from './platform/http/access.ts';
import { registerCsrfProtection, requireCsrfToken } from './platform/http/csrf.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { requestLogSerializer } from './platform/http/log-redaction.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { healthRoutes } from './platform/http/health.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import { catalogueApi, cataloguePages } from './modules/catalogue/index.ts';
import { frameworkApi, frameworkPages } from './modules/framework/index.ts';
import { hubErrorPageRenderer } from './modules/site/index.ts';
import { mailPages } from './modules/mail/index.ts';
import { accountsPages, sectorAdminPages, showSignedInAccount } from './modules/accounts/index.ts';
import { createServices } from './services.ts';
import { approvalsApi, approvalsPages } from './modules/approvals/index.ts';
import {
  credentialsDocuments,
  learnerCredentialPages,
  registryPages,
  vcApi,
  verifyPages,
} from './modules/credentials/index.ts';
import { sitePages } from './modules/site/site-pages.tsx';

export interface AppDependencies {
  config: Config;
  database: Database;
  /** The hub's notion of now; tests pass a fixed clock. */
  clock?: () => Date;
}

const designSystemDist = fileURLToPath(
  new URL('../node_modules/@scottish-government/design-system/dist/', import.meta.url),
);
const hubAssets = fileURLToPath(new URL('./platform/views/assets/', import.meta.url));

export async function buildApp({
  config,
  database,
  clock = () => new Date(),
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            serializers: { req: requestLogSerializer },
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
          },
    trustProxy: config.env === 'production',
    ajv: {
      // Refuse what we do not know rather than drop it silently; list every problem at once.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  });

  const isProduction = config.env === 'production';
  if (config.authSecret.length < 32)
    throw new Error('buildApp needs config.authSecret (32 characters or more)');
  if (config.keyEncryptionKey.length < 32)
    throw new Error('buildApp needs config.keyEncryptionKey (32 characters or more)');
  await registerSecurityHeaders(app, { isProduction });
  await app.register(formbody);
  // File uploads (results CSV, a certificate PDF to verify): fields and files arrive as the body,
  // so form tokens and schemas work as for any other form. Files are small; larger is refused.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 20 },
  });
  await registerRequestContext(app);
  await registerCsrfProtection(app, { cookieSecret: config.authSecret, isProduction });
  await app.register(fastifyStatic, {
    root: designSystemDist,
    prefix: '/assets/ds/',
    maxAge: config.env === 'production' ? '7d' : 0,
    logLevel: 'warn',
  });
  await app.register(fastifyStatic, {
    root: hubAssets,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: config.env === 'production' ? '1h' : 0,
    logLevel: 'warn',
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Micro-credentials Hub API',
        version: '1.0.0',
        description:
          "Scotland's catalogue of micro-credentials and small qualifications: search, details, institutions and the glossary.",
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An institution API token' },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The hub makes no requests elsewhere: no online validator badge.
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(/ ?validator\.swagger\.io/g, '')
        .replace(config.env === 'production' ? /$^/ : / ?upgrade-insecure-requests;?/g, ''),
    logLevel: 'warn',
  });

  const { framework, catalogue, mailer, audit, accounts, approvals, credentials } = createServices({
    config,
    database,
    clock,
    log: app.log,
  });
  const isDemo = config.seedDemoData;
  // Batches left unfinished by a stopped server resume as soon as it is back.
  app.addHook('onReady', async () => credentials.worker.wake());
  app.addHook('onClose', async () => credentials.worker.stop());
  registerErrorHandling(app, {
    showDetails: config.env === 'development',
    renderErrorPage: hubErrorPageRenderer({ isDemo, publicUrl: config.publicUrl }),
  });

  await app.register(async (routes) => {
    requireDeclaredAccess(routes);
    enforceAccess(routes, accounts.authorize);
    requireCsrfToken(routes);
    showSignedInAccount(routes, accounts);
    routes.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
    await routes.register(healthRoutes, { database });
    await routes.register(catalogueApi, { catalogue, publicUrl: config.publicUrl });
    await routes.register(frameworkApi, { framework, publicUrl: config.publicUrl });
    await routes.register(cataloguePages, { catalogue, framework, publicUrl: config.publicUrl, isDemo });
    await routes.register(frameworkPages, { framework, isDemo, publicUrl: config.publicUrl });
    await routes.register(sitePages, { catalogue, isDemo, publicUrl: config.publicUrl });
    await routes.register(accountsPages, { accounts, isDemo, publicUrl: config.publicUrl, isProduction });
    await routes.register(mailPages, { mailer, isDemo, publicUrl: config.publicUrl });
    await routes.register(sectorAdminPages, {
      accounts,
      catalogue,
      framework,
      audit,
      isDemo,
      publicUrl: config.publicUrl,
    });
    await routes.register(approvalsPages, { approvals, catalogue, isDemo, publicUrl: config.publicUrl });
    await routes.register(approvalsApi, { approvals, catalogue, publicUrl: config.publicUrl });
    await routes.register(credentialsDocuments, { credentials });
    await routes.register(vcApi, { credentials, catalogue, publicUrl: config.publicUrl, clock });
    await routes.register(registryPages, {
      credentials,
      catalogue,
      isDemo,
      publicUrl: config.publicUrl,
      clock,
    });
    await routes.register(learnerCredentialPages, {
      credentials,
      catalogue,
      accounts,
      clock,
      isDemo,
      publicUrl: config.publicUrl,
    });
    await routes.register(verifyPages, {
      credentials,
      isDemo,
      publicUrl: config.publicUrl,
      allowPrivateAddresses: config.verifyAllowPrivateAddresses,
    });
  });

  return app;
}
