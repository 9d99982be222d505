import type { Database, Db } from '../../platform/db/database.ts';
import { chainEvent, verifyChain, type AuditEvent, type ChainVerdict } from './audit-model.ts';
import { createAuditRepository } from './audit-repository.ts';

export interface AuditRecord {
  /** The institution id, or 'sector' for hub-wide events. */
  chainId: string;
  actor: { id: string; name: string };
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

export function createAuditTrail({ database, clock }: { database: Database; clock: () => Date }) {
  const repository = createAuditRepository(database);

  async function append(record: AuditRecord, tx: Db): Promise<AuditEvent> {
    await repository.lockChain(record.chainId, tx);
    const previous = await repository.lastOf(record.chainId, tx);
    const event = chainEvent(
      {
        chainId: record.chainId,
        sequence: (previous?.sequence ?? 0) + 1,
        occurredAt: clock().toISOString(),
        actorId: record.actor.id,
        actorName: record.actor.name,
        action: record.action,
        subjectType: record.subjectType,
        subjectId: record.subjectId,
        // JSON round trip: what is hashed must be exactly what the jsonb column gives back.
        before: record.before === undefined ? null : JSON.parse(JSON.stringify(record.before)),
        after: record.after === undefined ? null : JSON.parse(JSON.stringify(record.after)),
      },
      previous,
    );
    await repository.insert(event, tx);
    return event;
  }

  return {
    /** Appends an event inside the caller's transaction, so the change and its record commit together. */
    async record(record: AuditRecord, tx?: Db): Promise<AuditEvent> {
      if (tx) return append(record, tx);
      return database.db.transaction((inner) => append(record, inner));
    },
    historyOf: (subjectType: string, subjectId: string) => repository.historyOf(subjectType, subjectId),
    /** Recomputes every chain from its first event; reports the first broken link of each. */
    async verifyAll(): Promise<ChainVerdict[]> {
      const verdicts: ChainVerdict[] = [];
      for (const chainId of await repository.chainIds()) {
        verdicts.push(verifyChain(chainId, await repository.chain(chainId)));
      }
      return verdicts;
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
