import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import { issuanceJobItems, issuanceJobs, issuedCredentials, learnerResults } from './credentials-tables.ts';

export type ResultRow = typeof learnerResults.$inferSelect;
export type NewResult = typeof learnerResults.$inferInsert;
export type CredentialRow = typeof issuedCredentials.$inferSelect;
export type JobRow = typeof issuanceJobs.$inferSelect;

export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`another worker holds issuance job ${jobId}`);
  }
}

export function createCredentialsRepository(database: Database) {
  const db = database.db;
  return {
    async resultsOf(institutionId: string, offeringIds: string[], tx: Db = db): Promise<ResultRow[]> {
      if (offeringIds.length === 0) return [];
      return tx
        .select()
        .from(learnerResults)
        .where(
          and(
            eq(learnerResults.institutionId, institutionId),
            inArray(learnerResults.offeringId, offeringIds),
          ),
        );
    },

    async recentResults(institutionId: string, limit: number): Promise<ResultRow[]> {
      return db
        .select()
        .from(learnerResults)
        .where(eq(learnerResults.institutionId, institutionId))
        .orderBy(desc(learnerResults.updatedAt), asc(learnerResults.learnerEmail))
        .limit(limit);
    },

    async countResults(institutionId: string): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(learnerResults)
        .where(eq(learnerResults.institutionId, institutionId));
      return row?.count ?? 0;
    },

    async insertResult(values: NewResult, tx: Db): Promise<string> {
      const [row] = await tx.insert(learnerResults).values(values).returning({ id: learnerResults.id });
      if (!row) throw new Error('result insert returned nothing');
      return row.id;
    },

    async updateResult(id: string, values: Partial<NewResult>, tx: Db) {
      await tx.update(learnerResults).set(values).where(eq(learnerResults.id, id));
    },

    async findResults(ids: string[], tx: Db = db): Promise<ResultRow[]> {
      if (ids.length === 0) return [];
      return tx.select().from(learnerResults).where(inArray(learnerResults.id, ids));
    },

    async findCredential(id: string, tx: Db = db): Promise<CredentialRow | null> {
      const [row] = await tx.select().from(issuedCredentials).where(eq(issuedCredentials.id, id));
      return row ?? null;
    },

    async liveCredentialsOfResults(resultIds: string[], tx: Db = db): Promise<CredentialRow[]> {
      if (resultIds.length === 0) return [];
      return tx
        .select()
        .from(issuedCredentials)
        .where(and(inArray(issuedCredentials.resultId, resultIds), isNull(issuedCredentials.revokedAt)));
    },

    async credentialsOfInstitution(
      institutionId: string,
      limit: number,
      offset = 0,
    ): Promise<CredentialRow[]> {
      return db
        .select()
        .from(issuedCredentials)
        .where(eq(issuedCredentials.institutionId, institutionId))
        .orderBy(desc(issuedCredentials.issuedAt), asc(issuedCredentials.id))
        .limit(limit)
        .offset(offset);
    },

    async credentialsOfLearner(userId: string): Promise<CredentialRow[]> {
      return db
        .select()
        .from(issuedCredentials)
        .where(eq(issuedCredentials.claimedByUserId, userId))
        .orderBy(desc(issuedCredentials.issuedAt));
    },

    async findByClaimHash(hash: string, tx: Db = db): Promise<CredentialRow | null> {
      const [row] = await tx
        .select()
        .from(issuedCredentials)
        .where(eq(issuedCredentials.claimTokenHash, hash));
      return row ?? null;
    },

    async redeemClaim(id: string, tokenHash: string, userId: string, now: Date, tx: Db): Promise<boolean> {
      const rows = await tx
        .update(issuedCredentials)
        .set({ claimTokenHash: null, claimExpiresAt: null, claimedByUserId: userId, claimedAt: now })
        .where(and(eq(issuedCredentials.id, id), eq(issuedCredentials.claimTokenHash, tokenHash)))
        .returning({ id: issuedCredentials.id });
      return rows.length === 1;
    },

    async insertCredentials(rows: (typeof issuedCredentials.$inferInsert)[], tx: Db) {
      if (rows.length > 0) await tx.insert(issuedCredentials).values(rows);
    },

    async updateCredential(id: string, values: Partial<typeof issuedCredentials.$inferInsert>, tx: Db = db) {
      await tx.update(issuedCredentials).set(values).where(eq(issuedCredentials.id, id));
    },

    async insertJob(values: typeof issuanceJobs.$inferInsert, resultIds: string[], tx: Db): Promise<string> {
      const [job] = await tx.insert(issuanceJobs).values(values).returning({ id: issuanceJobs.id });
      if (!job) throw new Error('job insert returned nothing');
      for (let start = 0; start < resultIds.length; start += 1000) {
        await tx.insert(issuanceJobItems).values(
          resultIds.slice(start, start + 1000).map((resultId, offset) => ({
            jobId: job.id,
            position: start + offset,
            resultId,
            state: 'pending',
          })),
        );
      }
      return job.id;
    },

    async findJob(id: string): Promise<JobRow | null> {
      const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id));
      return row ?? null;
    },

    async jobsOf(institutionId: string, limit: number): Promise<JobRow[]> {
      return db
        .select()
        .from(issuanceJobs)
        .where(eq(issuanceJobs.institutionId, institutionId))
        .orderBy(desc(issuanceJobs.createdAt))
        .limit(limit);
    },

    /**
     * Takes the oldest job that is queued, or running under a lease that has run out (its worker
     * died), and leases it to this worker. SKIP LOCKED lets replicas share the queue.
     */
    async leaseNextJob(now: Date, leaseUntil: Date, owner: string): Promise<JobRow | null> {
      return db.transaction(async (tx) => {
        const [job] = await tx
          .select()
          .from(issuanceJobs)
          .where(
            sql`${issuanceJobs.state} = 'queued' or (${issuanceJobs.state} = 'running' and ${issuanceJobs.leaseUntil} < ${now})`,
          )
          .orderBy(asc(issuanceJobs.createdAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!job) return null;
        const [leased] = await tx
          .update(issuanceJobs)
          .set({ state: 'running', leaseUntil, leaseOwner: owner, startedAt: job.startedAt ?? now })
          .where(eq(issuanceJobs.id, job.id))
          .returning();
        return leased ?? null;
      });
    },

    async pendingItems(jobId: string, limit: number, tx: Db = db) {
      return tx
        .select()
        .from(issuanceJobItems)
        .where(and(eq(issuanceJobItems.jobId, jobId), eq(issuanceJobItems.state, 'pending')))
        .orderBy(asc(issuanceJobItems.position))
        .limit(limit);
    },

    async settleItems(
      jobId: string,
      settled: {
        position: number;
        state: 'issued' | 'skipped' | 'failed';
        credentialId: string | null;
        problem: string | null;
      }[],
      leaseUntil: Date,
      owner: string,
      tx: Db,
    ) {
      if (settled.length > 0) {
        // One statement for the whole chunk: a batch of thousands must not cost a round trip each.
        const values = sql.join(
          settled.map(
            (item) =>
              sql`(${item.position}::integer, ${item.state}::text, ${item.credentialId}::uuid, ${item.problem}::text)`,
          ),
          sql`, `,
        );
        await tx.execute(sql`
          update issuance_job_items as item
          set state = settled.state, credential_id = settled.credential_id, problem = settled.problem
          from (values ${values}) as settled(position, state, credential_id, problem)
          where item.job_id = ${jobId} and item.position = settled.position`);
      }
      const count = (state: string) => settled.filter((item) => item.state === state).length;
      const renewed = await tx
        .update(issuanceJobs)
        .set({
          issued: sql`${issuanceJobs.issued} + ${count('issued')}`,
          skipped: sql`${issuanceJobs.skipped} + ${count('skipped')}`,
          failed: sql`${issuanceJobs.failed} + ${count('failed')}`,
          leaseUntil,
        })
        .where(and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.leaseOwner, owner)))
        .returning({ id: issuanceJobs.id });
      // Another worker took the job over: this chunk must not count, so the transaction rolls back.
      if (renewed.length === 0) throw new LeaseLostError(jobId);
    },

    async finishJob(jobId: string, now: Date, owner: string | null, lastError: string | null = null) {
      await db
        .update(issuanceJobs)
        .set({
          state: lastError ? 'failed' : 'finished',
          finishedAt: now,
          leaseUntil: null,
          leaseOwner: null,
          lastError,
        })
        .where(
          owner === null
            ? eq(issuanceJobs.id, jobId)
            : and(eq(issuanceJobs.id, jobId), eq(issuanceJobs.leaseOwner, owner)),
        );
    },
  };
}

export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
