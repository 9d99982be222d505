import { asc, desc, eq, and, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import type { AuditEvent } from './audit-model.ts';
import { auditEvents } from './audit-tables.ts';

function toEvent(row: typeof auditEvents.$inferSelect): AuditEvent {
  return {
    chainId: row.chainId,
    sequence: row.sequence,
    // Stored as timestamptz; read back in the same ISO form it was hashed in.
    occurredAt: new Date(row.occurredAt).toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: row.before ?? null,
    after: row.after ?? null,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

export function createAuditRepository(database: Database) {
  const { db } = database;
  return {
    /** Serialises appends to one chain until the transaction ends, on every replica. */
    async lockChain(chainId: string, tx: Db): Promise<void> {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${chainId}))`);
    },
    async lastOf(chainId: string, tx: Db = db): Promise<AuditEvent | undefined> {
      const [row] = await tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.chainId, chainId))
        .orderBy(desc(auditEvents.sequence))
        .limit(1);
      return row ? toEvent(row) : undefined;
    },
    async insert(event: AuditEvent, tx: Db): Promise<void> {
      await tx
        .insert(auditEvents)
        .values({ ...event, before: event.before ?? null, after: event.after ?? null });
    },
    async chainIds(): Promise<string[]> {
      const rows = await db
        .selectDistinct({ chainId: auditEvents.chainId })
        .from(auditEvents)
        .orderBy(asc(auditEvents.chainId));
      return rows.map((row) => row.chainId);
    },
    async chain(chainId: string): Promise<AuditEvent[]> {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.chainId, chainId))
        .orderBy(asc(auditEvents.sequence));
      return rows.map(toEvent);
    },
    async historyOf(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, subjectType), eq(auditEvents.subjectId, subjectId)))
        .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.sequence));
      return rows.map(toEvent);
    },
  };
}
