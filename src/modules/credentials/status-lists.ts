import { randomInt } from 'node:crypto';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import type { Database, Db } from '../../platform/db/database.ts';
import { statusEntries, statusLists } from './credentials-tables.ts';
import { VC_V2_CONTEXT } from './achievement-credential-model.ts';

/**
 * Bitstring Status Lists (W3C): one bit per credential and purpose, at a random position so that
 * fetching a list tells nobody which credential is being checked. 131,072 entries is the size the
 * specification recommends as the smallest that gives that group privacy.
 */
export const STATUS_LIST_LENGTH = 131_072;
/** A new list starts once half the positions are taken, so random picks rarely collide. */
const OPEN_LIST_LIMIT = STATUS_LIST_LENGTH / 2;

export type StatusPurpose = 'revocation' | 'suspension';

export function statusListUrl(publicUrl: string, listId: string): string {
  return `${publicUrl}/status-lists/${listId}`;
}

export function statusListIdOf(publicUrl: string, url: string): string | null {
  const match = new RegExp(`^${escapeRegExp(publicUrl)}/status-lists/([0-9a-f-]{36})$`).exec(url);
  return match?.[1] ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function unsignedStatusListCredential(options: {
  url: string;
  issuer: string;
  purpose: StatusPurpose;
  encodedList: string;
  validFrom: string;
}) {
  return {
    '@context': [VC_V2_CONTEXT],
    id: options.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: options.validFrom,
    credentialSubject: {
      id: `${options.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.purpose,
      encodedList: options.encodedList,
    },
  };
}

/**
 * Stored bits as a list. The copy matters: the bitstring library views the whole underlying
 * ArrayBuffer, and a Buffer decoded from text may sit inside a larger shared one.
 */
export function listFromStored(bits: string): BitstringStatusList {
  return new BitstringStatusList({ buffer: new Uint8Array(Buffer.from(bits, 'base64url')) });
}

export async function encodeStoredBits(bits: string): Promise<string> {
  return listFromStored(bits).encode();
}

export function createStatusListStore({ database, clock }: { database: Database; clock: () => Date }) {
  const decodedLists = new Map<string, { version: number; list: BitstringStatusList }>();

  async function openList(institutionId: string, purpose: StatusPurpose, needed: number, tx: Db) {
    const [open] = await tx
      .select({ id: statusLists.id, allocated: statusLists.allocated })
      .from(statusLists)
      .where(
        and(
          eq(statusLists.institutionId, institutionId),
          eq(statusLists.purpose, purpose),
          lt(statusLists.allocated, OPEN_LIST_LIMIT - needed),
        ),
      )
      .orderBy(desc(statusLists.updatedAt))
      .limit(1)
      .for('update');
    if (open) return open.id;
    const [created] = await tx
      .insert(statusLists)
      .values({
        institutionId,
        purpose,
        length: STATUS_LIST_LENGTH,
        bits: Buffer.alloc(STATUS_LIST_LENGTH / 8).toString('base64url'),
        updatedAt: clock(),
      })
      .returning({ id: statusLists.id });
    if (!created) throw new Error('status list insert returned nothing');
    return created.id;
  }

  return {
    /**
     * Takes one random free position per credential on the institution's open list, inside the
     * caller's transaction. The primary key on (list, index) makes a collision a retry, never a
     * shared position.
     */
    async allocate(
      institutionId: string,
      purpose: StatusPurpose,
      credentialIds: string[],
      tx: Db,
    ): Promise<Map<string, { listId: string; index: number }>> {
      const result = new Map<string, { listId: string; index: number }>();
      if (credentialIds.length === 0) return result;
      const listId = await openList(institutionId, purpose, credentialIds.length, tx);
      let waiting = [...credentialIds];
      while (waiting.length > 0) {
        const wanted = waiting.map((credentialId) => ({
          listId,
          entryIndex: randomInt(STATUS_LIST_LENGTH),
          credentialId,
        }));
        const unique = [...new Map(wanted.map((entry) => [entry.entryIndex, entry])).values()];
        const taken = await tx
          .insert(statusEntries)
          .values(unique)
          .onConflictDoNothing()
          .returning({ credentialId: statusEntries.credentialId, entryIndex: statusEntries.entryIndex });
        for (const entry of taken) result.set(entry.credentialId, { listId, index: entry.entryIndex });
        waiting = waiting.filter((credentialId) => !result.has(credentialId));
      }
      await tx
        .update(statusLists)
        .set({ allocated: sql`${statusLists.allocated} + ${credentialIds.length}` })
        .where(eq(statusLists.id, listId));
      return result;
    },

    /** Sets or clears one bit under a row lock; returns the new bits for re-signing. */
    async setBit(listId: string, index: number, value: boolean, tx: Db) {
      const [row] = await tx.select().from(statusLists).where(eq(statusLists.id, listId)).for('update');
      if (!row) throw new Error(`status list ${listId} not found`);
      const list = listFromStored(row.bits);
      list.setStatus(index, value);
      const bits = Buffer.from((list as unknown as { bitstring: { bits: Uint8Array } }).bitstring.bits);
      await tx
        .update(statusLists)
        .set({
          bits: bits.toString('base64url'),
          signedCredential: null,
          updatedAt: clock(),
          version: sql`${statusLists.version} + 1`,
        })
        .where(eq(statusLists.id, listId));
      return { institutionId: row.institutionId, purpose: row.purpose as StatusPurpose };
    },

    async find(listId: string, tx: Db = database.db) {
      const [row] = await tx.select().from(statusLists).where(eq(statusLists.id, listId));
      return row ?? null;
    },

    async bitsOf(
      entries: { listId: string; index: number }[],
    ): Promise<{ institutionId: string | null; set: boolean | null }[]> {
      const listIds = [...new Set(entries.map((entry) => entry.listId))];
      if (listIds.length === 0) return [];
      const stamps = await database.db
        .select({
          id: statusLists.id,
          version: statusLists.version,
          institutionId: statusLists.institutionId,
        })
        .from(statusLists)
        .where(inArray(statusLists.id, listIds));
      const lists = new Map<string, BitstringStatusList>();
      for (const stamp of stamps) {
        const cached = decodedLists.get(stamp.id);
        if (cached && cached.version === stamp.version) lists.set(stamp.id, cached.list);
      }
      const stale = stamps.filter((stamp) => !lists.has(stamp.id)).map((stamp) => stamp.id);
      if (stale.length > 0) {
        const rows = await database.db
          .select({ id: statusLists.id, bits: statusLists.bits, version: statusLists.version })
          .from(statusLists)
          .where(inArray(statusLists.id, stale));
        if (decodedLists.size > 1000) decodedLists.clear();
        for (const row of rows) {
          const list = listFromStored(row.bits);
          decodedLists.set(row.id, { version: row.version, list });
          lists.set(row.id, list);
        }
      }
      const institutions = new Map(stamps.map((stamp) => [stamp.id, stamp.institutionId]));
      return entries.map((entry) => {
        const list = lists.get(entry.listId);
        const isOnList =
          Number.isInteger(entry.index) && entry.index >= 0 && entry.index < (list?.length ?? 0);
        return {
          institutionId: institutions.get(entry.listId) ?? null,
          set: list && isOnList ? list.getStatus(entry.index) : null,
        };
      });
    },

    async storeSigned(listId: string, signed: string, signedVersion: number) {
      // Only if no bit changed while signing: a stale list must never overwrite a newer one.
      await database.db
        .update(statusLists)
        .set({ signedCredential: signed })
        .where(and(eq(statusLists.id, listId), eq(statusLists.version, signedVersion)));
    },
  };
}

export type StatusListStore = ReturnType<typeof createStatusListStore>;
