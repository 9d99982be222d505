/**
 * The audit trail's rules: each institution's events form a hash chain, so editing, deleting or
 * reordering a recorded event is detectable by recomputing the chain. Pure: hashing only, no I/O.
 */
import { createHash } from 'node:crypto';

export interface AuditEventContent {
  /** The institution id, or 'sector' for hub-wide events. */
  chainId: string;
  /** 1, 2, 3... within the chain. */
  sequence: number;
  /** ISO timestamp. */
  occurredAt: string;
  /** A user id, 'token:<id>' or 'system'. */
  actorId: string;
  actorName: string;
  /** e.g. 'proposal.submitted'. */
  action: string;
  /** e.g. 'proposal'. */
  subjectType: string;
  subjectId: string;
  /** A JSON value, or null. */
  before: unknown;
  /** A JSON value, or null. */
  after: unknown;
}

export interface AuditEvent extends AuditEventContent {
  previousHash: string;
  hash: string;
}

/** What the first event of every chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

export class AuditChainError extends Error {
  readonly code = 'audit-chain-broken';
}

/**
 * JSON with one spelling per value, so the same content always hashes the same: object keys
 * sorted by UTF-16 code units (as RFC 8785 does), no whitespace, arrays in order. Undefined
 * object members are dropped and undefined array items become null, exactly as a JSON round trip
 * through the database does; values JSON cannot hold (NaN, Infinity, functions, bigint, symbols,
 * Maps and other class instances) throw instead of being silently lost from the record.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, '$');
}

function serialise(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'object':
      return serialiseObject(value, path);
    default:
      throw new TypeError(`${path} is a ${typeof value}, which JSON cannot hold`);
  }
}

function serialiseObject(value: object, path: string): string {
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    return `[${items.map((item, index) => (item === undefined ? 'null' : serialise(item, `${path}[${index}]`))).join(',')}]`;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    // Dates and the like say how they become JSON; anything else would turn into {} and lose data.
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return serialise(toJSON.call(value), path);
    throw new TypeError(
      `${path} is a ${value.constructor?.name ?? 'non-plain object'}, which JSON cannot hold`,
    );
  }
  const members = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const member: unknown = (value as Record<string, unknown>)[key];
      return member === undefined ? [] : [`${JSON.stringify(key)}:${serialise(member, `${path}.${key}`)}`];
    });
  return `{${members.join(',')}}`;
}

/**
 * The event's fingerprint: covers every content field and the previous event's hash, so changing
 * one event changes its hash and every link after it. Fields are picked by name because rows may
 * carry columns of their own that were never hashed.
 */
export function hashEvent(content: AuditEventContent, previousHash: string): string {
  const hashed: AuditEventContent & { previousHash: string } = {
    chainId: content.chainId,
    sequence: content.sequence,
    occurredAt: content.occurredAt,
    actorId: content.actorId,
    actorName: content.actorName,
    action: content.action,
    subjectType: content.subjectType,
    subjectId: content.subjectId,
    before: content.before,
    after: content.after,
    previousHash,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** Seals a new event onto the end of its chain; `previous` is the chain's last event, if any. */
export function chainEvent(content: AuditEventContent, previous: AuditEvent | undefined): AuditEvent {
  if (previous !== undefined && previous.chainId !== content.chainId)
    throw new AuditChainError(
      `An event for chain ${content.chainId} cannot follow an event of chain ${previous.chainId}`,
    );
  const expected = (previous?.sequence ?? 0) + 1;
  if (content.sequence !== expected)
    throw new AuditChainError(
      `Event ${content.sequence} cannot follow ${previous ? `event ${previous.sequence}` : 'the start'} of chain ${content.chainId}: the next event must be ${expected}`,
    );
  const previousHash = previous?.hash ?? GENESIS_HASH;
  return { ...content, previousHash, hash: hashEvent(content, previousHash) };
}

export type ChainVerdict =
  | { isIntact: true; chainId: string; length: number }
  | {
      isIntact: false;
      chainId: string;
      /** The sequence number from which the chain can no longer be trusted. */
      brokenAt: number;
      /** What is wrong, in plain words. */
      reason: string;
    };

/**
 * Recomputes a chain from its first event (events in sequence order, as stored) and reports the
 * first broken link. Later links are not checked: once one link is broken, nothing after it can
 * be trusted anyway.
 */
export function verifyChain(chainId: string, events: readonly AuditEvent[]): ChainVerdict {
  const broken = (brokenAt: number, reason: string): ChainVerdict => ({
    isIntact: false,
    chainId,
    brokenAt,
    reason,
  });
  let previous: AuditEvent | undefined;
  for (const [index, event] of events.entries()) {
    const expected = (previous?.sequence ?? 0) + 1;
    if (event.chainId !== chainId)
      return broken(expected, `event ${event.sequence} belongs to chain ${event.chainId}, not ${chainId}`);
    if (event.sequence !== expected) {
      const reason = sequenceProblem(event.sequence, previous?.sequence ?? 0, events.slice(index + 1));
      return broken(expected, reason);
    }
    if (event.hash !== hashEvent(event, event.previousHash))
      return broken(
        event.sequence,
        `event ${event.sequence} was changed after it was recorded: its content no longer matches its hash`,
      );
    if (event.previousHash !== (previous?.hash ?? GENESIS_HASH))
      return broken(
        event.sequence,
        previous === undefined
          ? `event ${event.sequence} does not start the chain: its previous hash is not the starting hash`
          : `event ${event.sequence} does not follow event ${previous.sequence}: its previous hash does not match`,
      );
    previous = event;
  }
  return { isIntact: true, chainId, length: events.length };
}

function sequenceProblem(found: number, last: number, rest: readonly AuditEvent[]): string {
  const expected = last + 1;
  if (found === last) return `event ${found} appears twice`;
  if (found < last) return `the events are out of order: event ${found} comes after event ${last}`;
  if (rest.some((event) => event.sequence === expected))
    return `the events are out of order: event ${found} comes before event ${expected}`;
  const missing =
    found - expected === 1
      ? `event ${expected} is missing`
      : `events ${expected} to ${found - 1} are missing`;
  return `${missing}: the chain jumps from ${last} to ${found}`;
}
