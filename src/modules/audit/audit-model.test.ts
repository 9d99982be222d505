import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AuditChainError,
  GENESIS_HASH,
  canonicalJson,
  chainEvent,
  hashEvent,
  verifyChain,
  type AuditEvent,
  type AuditEventContent,
} from './audit-model.ts';

const CHAIN = 'institution-1';

function content(sequence: number, overrides: Partial<AuditEventContent> = {}): AuditEventContent {
  return {
    chainId: CHAIN,
    sequence,
    occurredAt: `2027-01-${String(10 + sequence).padStart(2, '0')}T09:30:00.000Z`,
    actorId: 'user-7',
    actorName: 'Morag Campbell',
    action: 'proposal.submitted',
    subjectType: 'proposal',
    subjectId: `proposal-${sequence}`,
    before: sequence === 1 ? null : { status: 'draft', credits: sequence },
    after: { status: 'submitted', credits: sequence, outcomes: ['Explain', 'Apply'] },
    ...overrides,
  };
}

/** A chain of `length` events built the way the audit trail appends them. */
function aChain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let sequence = 1; sequence <= length; sequence++) {
    events.push(chainEvent(content(sequence), events.at(-1)));
  }
  return events;
}

/** A copy of the chain with one event replaced, as someone editing the table directly would leave it. */
function withEvent(events: AuditEvent[], sequence: number, change: (event: AuditEvent) => AuditEvent) {
  return events.map((event) => (event.sequence === sequence ? change(event) : event));
}

describe('canonicalJson', () => {
  it('when objects hold the same members in a different order, they are written the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [3, { y: null, z: true }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('when arrays hold the same items in a different order, they are written differently', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('when keys differ only beyond ASCII, they sort by code unit, not by locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4 })).toBe('{"Z":3,"a":4,"z":2,"é":1}');
  });

  it('when a member is undefined, it is dropped, as a JSON round trip would', () => {
    const value = { kept: 1, dropped: undefined, nested: { gone: undefined } };
    expect(canonicalJson(value)).toBe('{"kept":1,"nested":{}}');
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('when an array item is undefined, it becomes null, as a JSON round trip would', () => {
    expect(canonicalJson([1, undefined, 3])).toBe('[1,null,3]');
  });

  it('when text has quotes, newlines or other scripts, it is escaped as JSON', () => {
    expect(canonicalJson({ text: 'Gàidhlig "quoted"\nline' })).toBe(
      '{"text":"Gàidhlig \\"quoted\\"\\nline"}',
    );
  });

  it('when a value is a date, it is written as its ISO string', () => {
    expect(canonicalJson({ at: new Date('2027-01-11T09:30:00Z') })).toBe('{"at":"2027-01-11T09:30:00.000Z"}');
  });

  it('when a value has no JSON form, it throws rather than lose it from the record', () => {
    expect(() => canonicalJson({ credits: Number.NaN })).toThrow(/credits is NaN/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(() => canonicalJson({ run: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ big: 10n })).toThrow(/bigint/);
    expect(() => canonicalJson(Symbol('x'))).toThrow(TypeError);
    expect(() => canonicalJson({ seen: new Map([['a', 1]]) })).toThrow(/Map/);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('when given plain values, it writes them as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1.5e21)).toBe('1.5e+21');
    expect(canonicalJson('text')).toBe('"text"');
    expect(canonicalJson(Object.create(null))).toBe('{}');
  });
});

describe('hashEvent', () => {
  it('is the SHA-256 of the canonical content and the previous hash', () => {
    const event = content(1);
    const expected = createHash('sha256')
      .update(canonicalJson({ ...event, previousHash: GENESIS_HASH }))
      .digest('hex');
    expect(hashEvent(event, GENESIS_HASH)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when the same content has its keys in another order, the hash is the same', () => {
    const event = content(2);
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as unknown as AuditEventContent;
    expect(hashEvent(reordered, 'a'.repeat(64))).toBe(hashEvent(event, 'a'.repeat(64)));
  });

  it('when a stored row carries extra columns, they are not part of the hash', () => {
    const event = content(1);
    expect(hashEvent({ ...event, id: 'row-9' } as AuditEventContent, GENESIS_HASH)).toBe(
      hashEvent(event, GENESIS_HASH),
    );
  });

  it('when the previous hash differs, the hash differs', () => {
    expect(hashEvent(content(1), GENESIS_HASH)).not.toBe(hashEvent(content(1), 'f'.repeat(64)));
  });
});

describe('chainEvent', () => {
  it('when a chain starts, the first event points back to the genesis hash', () => {
    const first = chainEvent(content(1), undefined);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(first.previousHash).toBe(GENESIS_HASH);
    expect(first.hash).toBe(hashEvent(content(1), GENESIS_HASH));
  });

  it('when an event follows another, it carries that event’s hash', () => {
    const [first, second] = aChain(2);
    expect(second?.previousHash).toBe(first?.hash);
  });

  it('when the sequence does not follow on, the event is refused', () => {
    const [first] = aChain(1);
    expect(() => chainEvent(content(3), first)).toThrow(AuditChainError);
    expect(() => chainEvent(content(1), first)).toThrow(/the next event must be 2/);
    expect(() => chainEvent(content(2), undefined)).toThrow(/the next event must be 1/);
  });

  it('when the previous event belongs to another chain, the event is refused', () => {
    const [first] = aChain(1);
    expect(() => chainEvent(content(2, { chainId: 'institution-2' }), first)).toThrow(AuditChainError);
  });
});

describe('verifyChain', () => {
  it('when the chain is empty, it is intact with length 0', () => {
    expect(verifyChain(CHAIN, [])).toEqual({ isIntact: true, chainId: CHAIN, length: 0 });
  });

  it('when no event was touched, the chain is intact', () => {
    expect(verifyChain(CHAIN, aChain(8))).toEqual({ isIntact: true, chainId: CHAIN, length: 8 });
  });

  it('when events have been through a JSON round trip, as from the database, the chain is still intact', () => {
    const stored = JSON.parse(JSON.stringify(aChain(5))) as AuditEvent[];
    expect(verifyChain(CHAIN, stored).isIntact).toBe(true);
  });

  const edits: [string, (event: AuditEvent) => AuditEvent][] = [
    ['after', (event) => ({ ...event, after: { status: 'approved', credits: 20, outcomes: ['Explain'] } })],
    [
      'a value deep inside after',
      (event) => ({ ...event, after: { ...(event.after as object), credits: 99 } }),
    ],
    ['before', (event) => ({ ...event, before: { status: 'withdrawn' } })],
    ['actorId', (event) => ({ ...event, actorId: 'user-8' })],
    ['actorName', (event) => ({ ...event, actorName: 'Someone Else' })],
    ['occurredAt', (event) => ({ ...event, occurredAt: '2026-12-31T23:59:59.000Z' })],
    ['action', (event) => ({ ...event, action: 'proposal.approved' })],
    ['subjectType', (event) => ({ ...event, subjectType: 'version' })],
    ['subjectId', (event) => ({ ...event, subjectId: 'proposal-999' })],
    ['previousHash', (event) => ({ ...event, previousHash: 'b'.repeat(64) })],
    ['hash', (event) => ({ ...event, hash: 'c'.repeat(64) })],
  ];

  for (const [field, edit] of edits) {
    it(`when ${field} of an event is edited, the chain breaks at that event`, () => {
      for (const sequence of [1, 4, 7]) {
        expect(verifyChain(CHAIN, withEvent(aChain(7), sequence, edit))).toEqual({
          isIntact: false,
          chainId: CHAIN,
          brokenAt: sequence,
          reason: `event ${sequence} was changed after it was recorded: its content no longer matches its hash`,
        });
      }
    });
  }

  it('when an edited event is re-hashed to hide the edit, the chain breaks at the next event', () => {
    const tampered = withEvent(aChain(9), 8, (event) => {
      const edited = { ...event, after: { status: 'approved' } };
      return { ...edited, hash: hashEvent(edited, edited.previousHash) };
    });
    expect(verifyChain(CHAIN, tampered)).toEqual({
      isIntact: false,
      chainId: CHAIN,
      brokenAt: 9,
      reason: 'event 9 does not follow event 8: its previous hash does not match',
    });
  });

  it('when the first event is replaced by one re-sealed on another start, the chain breaks at event 1', () => {
    const tampered = withEvent(aChain(3), 1, (event) => {
      const previousHash = 'd'.repeat(64);
      return { ...event, previousHash, hash: hashEvent(event, previousHash) };
    });
    expect(verifyChain(CHAIN, tampered)).toMatchObject({
      isIntact: false,
      brokenAt: 1,
      reason: 'event 1 does not start the chain: its previous hash is not the starting hash',
    });
  });

  it('when an event is deleted, the chain breaks where it is missing', () => {
    const events = aChain(7).filter((event) => event.sequence !== 5);
    expect(verifyChain(CHAIN, events)).toEqual({
      isIntact: false,
      chainId: CHAIN,
      brokenAt: 5,
      reason: 'event 5 is missing: the chain jumps from 4 to 6',
    });
  });

  it('when several events in a row are deleted, the reason names them all', () => {
    const events = aChain(7).filter((event) => event.sequence < 3 || event.sequence > 5);
    expect(verifyChain(CHAIN, events)).toMatchObject({
      brokenAt: 3,
      reason: 'events 3 to 5 are missing: the chain jumps from 2 to 6',
    });
  });

  it('when the first event is deleted, the chain breaks at event 1', () => {
    expect(verifyChain(CHAIN, aChain(3).slice(1))).toMatchObject({
      isIntact: false,
      brokenAt: 1,
      reason: 'event 1 is missing: the chain jumps from 0 to 2',
    });
  });

  it('when a deleted event’s successors are renumbered to close the gap, the chain breaks at the renumbered event', () => {
    const events = aChain(6)
      .filter((event) => event.sequence !== 3)
      .map((event) => (event.sequence > 3 ? { ...event, sequence: event.sequence - 1 } : event));
    expect(verifyChain(CHAIN, events)).toMatchObject({
      isIntact: false,
      brokenAt: 3,
      reason: 'event 3 was changed after it was recorded: its content no longer matches its hash',
    });
  });

  it('when two events are swapped, the chain breaks where the order goes wrong', () => {
    const events = aChain(6);
    const swapped = [...events.slice(0, 3), events[4]!, events[3]!, events[5]!];
    expect(verifyChain(CHAIN, swapped)).toEqual({
      isIntact: false,
      chainId: CHAIN,
      brokenAt: 4,
      reason: 'the events are out of order: event 5 comes before event 4',
    });
  });

  it('when two events swap their sequence numbers, the chain breaks at the first of them', () => {
    const events = aChain(6);
    const swapped = [
      ...events.slice(0, 3),
      { ...events[4]!, sequence: 4 },
      { ...events[3]!, sequence: 5 },
      events[5]!,
    ];
    expect(verifyChain(CHAIN, swapped)).toMatchObject({ isIntact: false, brokenAt: 4 });
  });

  it('when an event appears twice, the chain breaks at the repeat', () => {
    const events = aChain(4);
    expect(verifyChain(CHAIN, [...events.slice(0, 3), events[2]!, events[3]!])).toMatchObject({
      isIntact: false,
      brokenAt: 4,
      reason: 'event 3 appears twice',
    });
  });

  it('when an earlier event turns up later, the chain breaks there', () => {
    const events = aChain(4);
    expect(verifyChain(CHAIN, [...events, events[1]!])).toMatchObject({
      isIntact: false,
      brokenAt: 5,
      reason: 'the events are out of order: event 2 comes after event 4',
    });
  });

  it('when an event of another chain is slipped in, the chain breaks there', () => {
    const events = aChain(2);
    const otherContent = content(3, { chainId: 'institution-2' });
    const previousHash = events[1]!.hash;
    const other = { ...otherContent, previousHash, hash: hashEvent(otherContent, previousHash) };
    expect(verifyChain(CHAIN, [...events, other])).toMatchObject({
      isIntact: false,
      brokenAt: 3,
      reason: 'event 3 belongs to chain institution-2, not institution-1',
    });
  });

  it('when several links are broken, only the first is reported', () => {
    let events = withEvent(aChain(8), 6, (event) => ({ ...event, actorId: 'x' }));
    events = withEvent(events, 3, (event) => ({ ...event, actorId: 'y' }));
    expect(verifyChain(CHAIN, events)).toMatchObject({ brokenAt: 3 });
  });
});
