import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../mail/index.ts';
import { MIN_PASSWORD_LENGTH } from './accounts-model.ts';
import { authAccounts, rateLimits, sessions, users, verifications } from './accounts-tables.ts';

export interface AuthOptions {
  database: Database;
  secret: string;
  publicUrl: string;
  mailer: Mailer;
  isProduction: boolean;
}

export const SIGN_IN_LIMIT = { window: 60, max: 5 };

/**
 * better-auth keeps identities, password hashes, sessions, email verification and reset tokens,
 * and counts sign-in attempts. The hub draws its own pages and calls it from the server, so
 * its JSON endpoints are never exposed to browsers directly.
 */
export function createAuth({ database, secret, publicUrl, mailer, isProduction }: AuthOptions) {
  return betterAuth({
    appName: 'Micro-credentials Hub',
    baseURL: publicUrl,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(database.db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: authAccounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }) => {
        await mailer.send({
          to: user.email,
          subject: 'Reset your Micro-credentials Hub password',
          body: [
            `Hello ${user.name},`,
            '',
            'Someone asked to reset the password of your Micro-credentials Hub account. If it was you, choose a new password here within the next hour:',
            '',
            `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
            '',
            'If it was not you, ignore this mail: your password has not changed.',
          ].join('\n'),
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, token }) => {
        await mailer.send({
          to: user.email,
          subject: 'Confirm your email address for the Micro-credentials Hub',
          body: [
            `Hello ${user.name},`,
            '',
            'Confirm your email address to finish creating your Micro-credentials Hub account:',
            '',
            `${publicUrl}/verify-email?token=${encodeURIComponent(token)}`,
            '',
            'The link works for 24 hours. If you did not create an account, ignore this mail.',
          ].join('\n'),
        });
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      // In the database, so every replica counts the same attempts.
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': SIGN_IN_LIMIT,
        '/sign-up/email': { window: 60, max: 5 },
        '/request-password-reset': { window: 60, max: 3 },
      },
    },
    advanced: {
      cookiePrefix: 'hub',
      useSecureCookies: isProduction,
      database: { generateId: () => randomUUID() },
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    telemetry: { enabled: false },
    logger: { disabled: true },
  });
}

export type Auth = ReturnType<typeof createAuth>;
