import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import { apiTokens, invitations, memberships, sectorAdmins, users } from './accounts-tables.ts';
import { isInstitutionRole, type InstitutionRole } from './accounts-model.ts';

export interface User {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
}

export interface Invitation {
  id: string;
  institutionId: string;
  email: string;
  roles: InstitutionRole[];
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiToken {
  id: string;
  institutionId: string;
  name: string;
  roles: InstitutionRole[];
  displayPrefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const onlyRoles = (roles: string[]): InstitutionRole[] => roles.filter(isInstitutionRole);

export function createAccountsRepository(database: Database) {
  const { db } = database;
  const userColumns = {
    id: users.id,
    name: users.name,
    email: users.email,
    emailVerified: users.emailVerified,
  };

  return {
    async findUserByEmail(email: string): Promise<User | undefined> {
      const [row] = await db
        .select(userColumns)
        .from(users)
        .where(eq(users.email, email.trim().toLowerCase()));
      return row;
    },
    async findUser(id: string): Promise<User | undefined> {
      const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
      return row;
    },
    async markEmailVerified(userId: string, tx: Db = db): Promise<void> {
      await tx.update(users).set({ emailVerified: true }).where(eq(users.id, userId));
    },
    async rolesOf(userId: string): Promise<{ institutionId: string; role: InstitutionRole }[]> {
      const rows = await db
        .select({ institutionId: memberships.institutionId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, userId));
      return rows.filter((row): row is { institutionId: string; role: InstitutionRole } =>
        isInstitutionRole(row.role),
      );
    },
    async isSectorAdmin(userId: string): Promise<boolean> {
      const [row] = await db
        .select({ userId: sectorAdmins.userId })
        .from(sectorAdmins)
        .where(eq(sectorAdmins.userId, userId));
      return row !== undefined;
    },
    async grantSectorAdmin(userId: string, grantedBy: string): Promise<void> {
      await db.insert(sectorAdmins).values({ userId, grantedBy }).onConflictDoNothing();
    },
    async grantRoles(
      rows: { userId: string; institutionId: string; role: InstitutionRole; grantedBy: string }[],
      tx: Db = db,
    ): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await tx
        .insert(memberships)
        .values(rows)
        .onConflictDoNothing()
        .returning({ role: memberships.role });
      return inserted.length;
    },
    async revokeRole(
      userId: string,
      institutionId: string,
      role: InstitutionRole,
      tx: Db = db,
    ): Promise<boolean> {
      const deleted = await tx
        .delete(memberships)
        .where(
          and(
            eq(memberships.userId, userId),
            eq(memberships.institutionId, institutionId),
            eq(memberships.role, role),
          ),
        )
        .returning({ role: memberships.role });
      return deleted.length > 0;
    },
    async countAdmins(institutionId: string, tx: Db = db): Promise<number> {
      const [row] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.institutionId, institutionId), eq(memberships.role, 'admin')));
      return row?.count ?? 0;
    },
    async membersOf(institutionId: string): Promise<(User & { roles: InstitutionRole[] })[]> {
      const rows = await db
        .select({ ...userColumns, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.institutionId, institutionId))
        .orderBy(asc(users.name), asc(memberships.role));
      const byUser = new Map<string, User & { roles: InstitutionRole[] }>();
      for (const { role, ...user } of rows) {
        const member = byUser.get(user.id) ?? { ...user, roles: [] };
        if (isInstitutionRole(role)) member.roles.push(role);
        byUser.set(user.id, member);
      }
      return [...byUser.values()];
    },
    async usersByIds(ids: string[]): Promise<User[]> {
      if (ids.length === 0) return [];
      return db.select(userColumns).from(users).where(inArray(users.id, ids));
    },

    async insertInvitation(
      values: Omit<Invitation, 'id' | 'createdAt' | 'acceptedAt' | 'revokedAt'> & { tokenHash: string },
    ) {
      const [row] = await db.insert(invitations).values(values).returning({ id: invitations.id });
      if (!row) throw new Error('Insert returned no row');
      return row.id;
    },
    async findInvitationByTokenHash(tokenHash: string): Promise<Invitation | undefined> {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row ? { ...row, roles: onlyRoles(row.roles) } : undefined;
    },
    async pendingInvitations(institutionId: string): Promise<Invitation[]> {
      const rows = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.institutionId, institutionId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .orderBy(asc(invitations.createdAt));
      return rows.map((row) => ({ ...row, roles: onlyRoles(row.roles) }));
    },
    async markInvitationAccepted(id: string, at: Date, tx: Db = db): Promise<void> {
      await tx.update(invitations).set({ acceptedAt: at }).where(eq(invitations.id, id));
    },
    async revokeInvitation(id: string, institutionId: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ revokedAt: at })
        .where(
          and(
            eq(invitations.id, id),
            eq(invitations.institutionId, institutionId),
            isNull(invitations.acceptedAt),
          ),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
    },

    async insertApiToken(
      values: Omit<ApiToken, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'> & {
        tokenHash: string;
        createdAt: Date;
      },
      tx: Db = db,
    ) {
      const [row] = await tx.insert(apiTokens).values(values).returning({ id: apiTokens.id });
      if (!row) throw new Error('Insert returned no row');
      return row.id;
    },
    async findActiveTokenByHash(tokenHash: string): Promise<ApiToken | undefined> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      if (!row) return undefined;
      const { tokenHash: _hash, ...token } = row;
      return { ...token, roles: onlyRoles(token.roles) };
    },
    async touchToken(id: string, at: Date): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },
    async tokensOf(institutionId: string): Promise<ApiToken[]> {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.institutionId, institutionId))
        .orderBy(asc(apiTokens.createdAt));
      return rows.map(({ tokenHash: _hash, ...token }) => ({ ...token, roles: onlyRoles(token.roles) }));
    },
    async revokeToken(id: string, institutionId: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(
          and(eq(apiTokens.id, id), eq(apiTokens.institutionId, institutionId), isNull(apiTokens.revokedAt)),
        )
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
