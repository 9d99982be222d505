import { desc, eq } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import { outbox } from './mail-tables.ts';

export interface OutboxMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  failure: string | null;
}

export function createMailRepository(database: Database) {
  const { db } = database;
  return {
    async insert(mail: { recipient: string; subject: string; body: string; createdAt: Date }, tx: Db = db) {
      const [row] = await tx.insert(outbox).values(mail).returning();
      if (!row) throw new Error('Insert returned no row');
      return row as OutboxMail;
    },
    async insertMany(
      mails: { recipient: string; subject: string; body: string; createdAt: Date }[],
      tx: Db,
    ): Promise<OutboxMail[]> {
      if (mails.length === 0) return [];
      return (await tx.insert(outbox).values(mails).returning()) as OutboxMail[];
    },
    async markSent(id: string, sentAt: Date): Promise<void> {
      await db.update(outbox).set({ sentAt, failure: null }).where(eq(outbox.id, id));
    },
    async markFailed(id: string, failure: string): Promise<void> {
      await db.update(outbox).set({ failure }).where(eq(outbox.id, id));
    },
    async latest(limit: number, recipient?: string): Promise<OutboxMail[]> {
      const query = db.select().from(outbox);
      const filtered = recipient ? query.where(eq(outbox.recipient, recipient.toLowerCase())) : query;
      return (await filtered.orderBy(desc(outbox.createdAt)).limit(limit)) as OutboxMail[];
    },
    async find(id: string): Promise<OutboxMail | undefined> {
      const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
      return row as OutboxMail | undefined;
    },
  };
}
