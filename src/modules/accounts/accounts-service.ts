import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { Database } from '../../platform/db/database.ts';
import { isMachinePath } from '../../platform/http/machine-paths.ts';
import type { Access, AccessDecision } from '../../platform/http/access.ts';
import type { FieldError, Institution } from '../catalogue/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { AuditTrail } from '../audit/index.ts';
import { createAuth } from './accounts-auth.ts';
import {
  ANONYMOUS,
  ROLE_DESCRIPTIONS,
  decideAccess,
  isInstitutionRole,
  validateNewAccount,
  type InstitutionRole,
  type Principal,
} from './accounts-model.ts';
import { createAccountsRepository, type User } from './accounts-repository.ts';

/** How the accounts module finds institutions; the catalogue provides it. */
export interface InstitutionDirectory {
  findInstitution(slug: string): Promise<Institution | undefined>;
  institutionsByIds(ids: string[]): Promise<Institution[]>;
}

export interface AccountsDependencies {
  database: Database;
  mailer: Mailer;
  audit: AuditTrail;
  institutions: InstitutionDirectory;
  authSecret: string;
  publicUrl: string;
  isProduction: boolean;
  clock: () => Date;
}

export class AccountsError extends Error {
  constructor(
    readonly code: 'validation-failed' | 'not-found' | 'conflict',
    readonly errors: FieldError[],
  ) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
  }
}

export type SignInOutcome =
  | { ok: true; setCookies: string[] }
  | { ok: false; reason: 'invalid' | 'unverified' | 'rate-limited'; retryAfterSeconds?: number };

const INVITATION_DAYS = 14;
const TOKEN_PREFIX = 'mch_';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The institution named by the route's `:institution`, once access has been checked. */
    institution?: Institution;
  }
}

export function createAccountsService(deps: AccountsDependencies) {
  const { database, mailer, audit, institutions, publicUrl, clock } = deps;
  const repository = createAccountsRepository(database);
  const auth = createAuth({
    database,
    secret: deps.authSecret,
    publicUrl,
    mailer,
    isProduction: deps.isProduction,
  });

  async function principalForUser(user: { id: string; name: string; email: string }): Promise<Principal> {
    const [roles, isSectorAdmin] = await Promise.all([
      repository.rolesOf(user.id),
      repository.isSectorAdmin(user.id),
    ]);
    const ids = [...new Set(roles.map((row) => row.institutionId))];
    const found = await institutions.institutionsByIds(ids);
    return {
      kind: 'user',
      userId: user.id,
      name: user.name,
      email: user.email,
      isSectorAdmin,
      memberships: found
        .map((institution) => ({
          institutionId: institution.id,
          institutionSlug: institution.slug,
          institutionName: institution.name,
          roles: roles.filter((row) => row.institutionId === institution.id).map((row) => row.role),
        }))
        .sort((a, b) => a.institutionName.localeCompare(b.institutionName)),
    };
  }

  async function principalOf(request: FastifyRequest): Promise<Principal> {
    if (request.principal) return request.principal;
    let principal: Principal = ANONYMOUS;
    if (isMachinePath(request.url)) {
      // The API takes institution tokens only, never cookies: a browser cannot be tricked into using it.
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (match?.[1]) {
        const token = await repository.findActiveTokenByHash(hashSecret(match[1]));
        if (token) {
          await repository.touchToken(token.id, clock());
          principal = {
            kind: 'token',
            tokenId: token.id,
            name: token.name,
            institutionId: token.institutionId,
            roles: token.roles,
          };
        }
      }
    } else if (request.headers.cookie?.includes('hub.session_token')) {
      const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
      if (session) principal = await principalForUser(session.user);
    }
    request.principal = principal;
    return principal;
  }

  async function createUser(input: {
    name: string;
    email: string;
    password: string;
    isEmailVerified: boolean;
  }): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (await repository.findUserByEmail(email))
      throw new AccountsError('conflict', [
        { field: 'email', message: `There is already an account for ${email}` },
      ]);
    const context = await auth.$context;
    const user = await context.internalAdapter.createUser(
      { name: input.name.trim(), email, emailVerified: input.isEmailVerified },
      { method: 'email-password' },
    );
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: await context.password.hash(input.password),
    });
    return { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified };
  }

  async function signIn(email: string, password: string, ip: string): Promise<SignInOutcome> {
    // Through better-auth's own request handler, so that its database-backed rate limit applies.
    const response = await auth.handler(
      new Request(`${publicUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: publicUrl, 'x-forwarded-for': ip },
        body: JSON.stringify({ email: email.trim().toLowerCase(), password, rememberMe: true }),
      }),
    );
    if (response.ok) return { ok: true, setCookies: response.headers.getSetCookie() };
    if (response.status === 429)
      return {
        ok: false,
        reason: 'rate-limited',
        retryAfterSeconds: Number(response.headers.get('x-retry-after') ?? 60),
      };
    if (response.status === 403) return { ok: false, reason: 'unverified' };
    return { ok: false, reason: 'invalid' };
  }

  return {
    auth,
    principalOf,
    principalForUser,
    createUser,
    signIn,
    findUserByEmail: (email: string) => repository.findUserByEmail(email),

    /** The access check behind every route (see platform/http/access.ts). */
    async authorize(request: FastifyRequest, access: Access): Promise<AccessDecision> {
      const principal = await principalOf(request);
      let institution: Institution | null | undefined;
      if (typeof access === 'object') {
        const slug = (request.params as { institution?: string } | undefined)?.institution;
        institution = slug ? ((await institutions.findInstitution(slug)) ?? null) : null;
        if (institution) request.institution = institution;
      }
      return decideAccess(principal, access, { institution, isProduction: deps.isProduction });
    },

    async signUp(input: { name: string; email: string; password: string; confirmPassword: string }) {
      const errors = validateNewAccount(input);
      if (errors.length > 0) throw new AccountsError('validation-failed', errors);
      const email = input.email.trim().toLowerCase();
      // Saying whether an address has an account would let anyone test addresses: the existing
      // owner is told by mail instead, and the page says the same in both cases.
      const existing = await repository.findUserByEmail(email);
      if (existing) {
        await mailer.send({
          to: email,
          subject: 'You already have a Micro-credentials Hub account',
          body: `Someone tried to create an account with this address, which already has one.\n\nSign in at ${publicUrl}/sign-in, or reset your password at ${publicUrl}/forgot-password.`,
        });
        return;
      }
      await auth.api.signUpEmail({ body: { name: input.name.trim(), email, password: input.password } });
    },

    async verifyEmail(token: string): Promise<boolean> {
      try {
        await auth.api.verifyEmail({ query: { token } });
        return true;
      } catch {
        return false;
      }
    },

    async requestPasswordReset(email: string): Promise<void> {
      if (!(await repository.findUserByEmail(email))) return;
      await auth.api.requestPasswordReset({
        body: { email: email.trim().toLowerCase(), redirectTo: `${publicUrl}/reset-password` },
      });
    },

    async resetPassword(token: string, newPassword: string): Promise<boolean> {
      try {
        await auth.api.resetPassword({ body: { token, newPassword } });
        return true;
      } catch {
        return false;
      }
    },

    async signOut(request: FastifyRequest): Promise<string[]> {
      const result = await auth.api.signOut({
        headers: fromNodeHeaders(request.headers),
        returnHeaders: true,
      });
      return result.headers.getSetCookie();
    },

    // ---- Roles ------------------------------------------------------------------------------

    async grantRoles(
      target: { userId: string; institutionId: string },
      roles: InstitutionRole[],
      actor: { id: string; name: string },
    ): Promise<number> {
      return database.db.transaction(async (tx) => {
        const granted = await repository.grantRoles(
          roles.map((role) => ({ ...target, role, grantedBy: actor.id })),
          tx,
        );
        if (granted > 0)
          await audit.record(
            {
              chainId: target.institutionId,
              actor,
              action: 'member.roles-granted',
              subjectType: 'user',
              subjectId: target.userId,
              after: { roles },
            },
            tx,
          );
        return granted;
      });
    },

    async revokeRole(
      target: { userId: string; institutionId: string },
      role: InstitutionRole,
      actor: { id: string; name: string },
    ) {
      return database.db.transaction(async (tx) => {
        if (role === 'admin' && (await repository.countAdmins(target.institutionId, tx)) <= 1)
          throw new AccountsError('conflict', [
            {
              field: 'role',
              message: 'This is the institution’s only admin: make someone else an admin first',
            },
          ]);
        const revoked = await repository.revokeRole(target.userId, target.institutionId, role, tx);
        if (!revoked)
          throw new AccountsError('not-found', [
            { field: 'role', message: `They do not hold the ${role} role` },
          ]);
        await audit.record(
          {
            chainId: target.institutionId,
            actor,
            action: 'member.role-revoked',
            subjectType: 'user',
            subjectId: target.userId,
            before: { role },
          },
          tx,
        );
      });
    },

    grantSectorAdmin: (userId: string, grantedBy: string) => repository.grantSectorAdmin(userId, grantedBy),
    membersOf: (institutionId: string) => repository.membersOf(institutionId),
    usersByIds: (ids: string[]) => repository.usersByIds(ids),

    // ---- Invitations ------------------------------------------------------------------------

    async invite(
      institution: { id: string; name: string },
      input: { email: string; roles: string[] },
      actor: { id: string; name: string },
    ): Promise<void> {
      const errors: FieldError[] = [];
      const email = input.email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        errors.push({
          field: 'email',
          message: 'Enter an email address in the correct format, like name@example.ac.uk',
        });
      const roles = input.roles.filter(isInstitutionRole);
      if (roles.length === 0)
        errors.push({ field: 'roles', message: 'Choose at least one role for the new member' });
      if (errors.length > 0) throw new AccountsError('validation-failed', errors);
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      await repository.insertInvitation({
        institutionId: institution.id,
        email,
        roles,
        tokenHash: hashSecret(token),
        invitedBy: actor.id,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      });
      await mailer.send({
        to: email,
        subject: `You are invited to join ${institution.name} on the Micro-credentials Hub`,
        body: [
          `${actor.name} has invited you to join ${institution.name} on the Micro-credentials Hub as: ${roles.map((role) => ROLE_DESCRIPTIONS[role].label).join(', ')}.`,
          '',
          `Accept the invitation within ${INVITATION_DAYS} days:`,
          '',
          `${publicUrl}/invitations/${token}`,
        ].join('\n'),
      });
    },

    async findInvitation(token: string) {
      const invitation = await repository.findInvitationByTokenHash(hashSecret(token));
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= clock())
        return undefined;
      const [institution] = await institutions.institutionsByIds([invitation.institutionId]);
      if (!institution) return undefined;
      return { ...invitation, institution };
    },

    /** Accepting proves the address: the invitation reached it. Single use. */
    async acceptInvitation(
      token: string,
      user: { id: string; name: string; email: string },
    ): Promise<boolean> {
      const invitation = await repository.findInvitationByTokenHash(hashSecret(token));
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= clock())
        return false;
      if (invitation.email !== user.email.toLowerCase()) return false;
      await database.db.transaction(async (tx) => {
        await repository.markInvitationAccepted(invitation.id, clock(), tx);
        await repository.markEmailVerified(user.id, tx);
        await repository.grantRoles(
          invitation.roles.map((role) => ({
            userId: user.id,
            institutionId: invitation.institutionId,
            role,
            grantedBy: invitation.invitedBy,
          })),
          tx,
        );
        await audit.record(
          {
            chainId: invitation.institutionId,
            actor: { id: user.id, name: user.name },
            action: 'member.invitation-accepted',
            subjectType: 'user',
            subjectId: user.id,
            after: { roles: invitation.roles },
          },
          tx,
        );
      });
      return true;
    },

    pendingInvitations: (institutionId: string) => repository.pendingInvitations(institutionId),
    revokeInvitation: (id: string, institutionId: string) =>
      repository.revokeInvitation(id, institutionId, clock()),

    // ---- API tokens -------------------------------------------------------------------------

    /** Returns the token itself once; only its hash is kept. */
    async createApiToken(
      institution: { id: string },
      input: { name: string; roles: string[] },
      actor: { id: string; name: string },
    ): Promise<{ id: string; token: string }> {
      const errors: FieldError[] = [];
      if (input.name.trim().length === 0)
        errors.push({
          field: 'name',
          message: 'Enter a name that says which system uses the token, like "Student records"',
        });
      const roles = input.roles.filter(isInstitutionRole);
      if (roles.length === 0)
        errors.push({ field: 'roles', message: 'Choose at least one role for the token' });
      if (errors.length > 0) throw new AccountsError('validation-failed', errors);
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const id = await database.db.transaction(async (tx) => {
        const created = await repository.insertApiToken(
          {
            institutionId: institution.id,
            name: input.name.trim(),
            roles,
            tokenHash: hashSecret(token),
            displayPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
            createdBy: actor.id,
            createdAt: clock(),
          },
          tx,
        );
        await audit.record(
          {
            chainId: institution.id,
            actor,
            action: 'api-token.created',
            subjectType: 'api-token',
            subjectId: created,
            after: { name: input.name.trim(), roles },
          },
          tx,
        );
        return created;
      });
      return { id, token };
    },

    tokensOf: (institutionId: string) => repository.tokensOf(institutionId),

    async revokeApiToken(
      institutionId: string,
      tokenId: string,
      actor: { id: string; name: string },
    ): Promise<boolean> {
      const revoked = await repository.revokeToken(tokenId, institutionId, clock());
      if (revoked)
        await audit.record({
          chainId: institutionId,
          actor,
          action: 'api-token.revoked',
          subjectType: 'api-token',
          subjectId: tokenId,
        });
      return revoked;
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
