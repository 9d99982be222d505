import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { anInstitution } from '../../../test/support/builders.ts';
import { signedInStaff, testServices } from '../../../test/support/people.ts';
import { goodStepValues } from '../../../test/support/proposal-fields.ts';
import type { Visitor } from '../../../test/support/visitor.ts';
import type { Services } from '../../services.ts';
import type { Institution } from '../catalogue/index.ts';
import type { Actor } from '../accounts/index.ts';
import type { AuthoringStep } from '../approvals/checklist-model.ts';
import { hashEvent, type AuditEvent, type ChainVerdict } from './audit-model.ts';

/** An audit row as the table holds it, read as text so that it can be put back exactly. */
interface StoredRow {
  chain_id: string;
  sequence: number;
  occurred_at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  before: string | null;
  after: string | null;
  previous_hash: string;
  hash: string;
}

describe.each(testDatabaseKinds())('the audit trail on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let services: Services;
  let north: Institution;
  let author: Visitor & { userId: string };
  let proposalId: string;

  const verdictOf = async (chainId: string): Promise<ChainVerdict | undefined> =>
    (await services.audit.verifyAll()).find((verdict) => verdict.chainId === chainId);

  async function eventOf(action: string): Promise<AuditEvent> {
    const event = (await services.audit.historyOf('proposal', proposalId)).find(
      (candidate) => candidate.action === action,
    );
    if (!event) throw new Error(`No ${action} event for the proposal`);
    return event;
  }

  async function storedRow(sequence: number): Promise<StoredRow> {
    const [row] = await database.database.rows<StoredRow>(sql`
      SELECT chain_id, sequence, occurred_at::text AS occurred_at, actor_id, actor_name, action,
             subject_type, subject_id, before::text AS before, after::text AS after, previous_hash, hash
      FROM audit_events WHERE chain_id = ${north.id} AND sequence = ${sequence}`);
    if (!row) throw new Error(`No audit event ${sequence}`);
    return row;
  }

  /** Puts a row back as it was, so that each test starts from an intact chain. */
  async function restore(row: StoredRow): Promise<void> {
    await database.database.rows(sql`
      DELETE FROM audit_events WHERE chain_id = ${row.chain_id} AND sequence = ${row.sequence}`);
    await database.database.rows(sql`
      INSERT INTO audit_events (chain_id, sequence, occurred_at, actor_id, actor_name, action, subject_type,
                                subject_id, before, after, previous_hash, hash)
      VALUES (${row.chain_id}, ${row.sequence}, ${row.occurred_at}::timestamptz, ${row.actor_id},
              ${row.actor_name}, ${row.action}, ${row.subject_type}, ${row.subject_id}, ${row.before}::jsonb,
              ${row.after}::jsonb, ${row.previous_hash}, ${row.hash})`);
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const fixture = await publishCatalogue(
      database.database,
      [
        anInstitution({ slug: 'north-college', name: 'North College', codePrefix: 'NC' }),
        anInstitution({ slug: 'south-college', name: 'South College', codePrefix: 'SC' }),
      ],
      [],
    );
    const found = fixture.institutions.get('north-college');
    const south = fixture.institutions.get('south-college');
    if (!found || !south) throw new Error('The fixture has both institutions');
    north = found;
    app = await buildTestApp(database.database);
    services = testServices(database.database);

    author = await signedInStaff(app, services, {
      name: 'Ann Author',
      institutionId: north.id,
      roles: ['author'],
    });
    const reviewer = await signedInStaff(app, services, {
      name: 'Rita Reviewer',
      institutionId: north.id,
      roles: ['reviewer'],
    });
    // Another institution's chain, which tampering with North College's must leave intact.
    await signedInStaff(app, services, { name: 'Sam South', institutionId: south.id, roles: ['admin'] });

    const authorActor: Actor = { id: author.userId, name: 'Ann Author', roles: ['author'] };
    const reviewerActor: Actor = { id: reviewer.userId, name: 'Rita Reviewer', roles: ['reviewer'] };
    const proposal = await services.approvals.start(north, authorActor);
    proposalId = proposal.id;
    const steps = goodStepValues();
    for (const step of Object.keys(steps) as AuthoringStep[])
      await services.approvals.saveStep(north, proposalId, authorActor, step, steps[step]);
    await services.approvals.act(north, proposalId, authorActor, 'submit');
    await services.approvals.act(north, proposalId, reviewerActor, 'start-review');
    await services.approvals.act(
      north,
      proposalId,
      reviewerActor,
      'request-changes',
      'Name the assessment criteria in the description.',
    );
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('when nothing has been touched, every chain is intact and holds every event recorded', async () => {
    const verdicts = await services.audit.verifyAll();
    expect(verdicts.length).toBeGreaterThanOrEqual(2);
    expect(verdicts.filter((verdict) => !verdict.isIntact)).toEqual([]);
    const [counted] = await database.database.rows<{ count: number | string }>(
      sql`SELECT count(*) AS count FROM audit_events WHERE chain_id = ${north.id}`,
    );
    expect(await verdictOf(north.id)).toEqual({
      isIntact: true,
      chainId: north.id,
      length: Number(counted?.count),
    });
  });

  it("the proposal's page lists its history in the order it happened", async () => {
    const page = await author.get(`/workspace/north-college/proposals/${proposalId}`);
    expect(page.statusCode).toBe(200);
    const history = /<ol[^>]*data-testid="history"[^>]*>([\s\S]*?)<\/ol>/.exec(page.body)?.[1] ?? '';
    const lines = [...history.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((match) =>
      (match[1] ?? '')
        .replace(/<span class="ds_hint-text">[^<]*<\/span>/, '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(lines).toEqual([
      'Ann Author started the proposal',
      ...Array.from({ length: 6 }, () => 'Ann Author edited the draft'),
      'Ann Author submitted it for approval',
      'Rita Reviewer started the review',
      'Rita Reviewer requested changes',
    ]);
  });

  it('when one recorded event is edited in the table, the chain is reported broken at that event', async () => {
    const submitted = await eventOf('proposal.submit');
    const original = await storedRow(submitted.sequence);
    await database.database.rows(sql`
      UPDATE audit_events SET after = ${JSON.stringify({ state: 'approved', approverIds: [] })}::jsonb
      WHERE chain_id = ${north.id} AND sequence = ${submitted.sequence}`);

    expect(await verdictOf(north.id)).toEqual({
      isIntact: false,
      chainId: north.id,
      brokenAt: submitted.sequence,
      reason: `event ${submitted.sequence} was changed after it was recorded: its content no longer matches its hash`,
    });
    const others = (await services.audit.verifyAll()).filter((verdict) => verdict.chainId !== north.id);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((verdict) => verdict.isIntact)).toBe(true);

    await restore(original);
    expect((await verdictOf(north.id))?.isIntact).toBe(true);
  });

  it('when an edited event is sealed again with a new hash, the chain is reported broken at the next event', async () => {
    const submitted = await eventOf('proposal.submit');
    const original = await storedRow(submitted.sequence);
    const edited = { ...submitted, after: { state: 'approved', approverIds: [] } };
    await database.database.rows(sql`
      UPDATE audit_events
      SET after = ${JSON.stringify(edited.after)}::jsonb, hash = ${hashEvent(edited, edited.previousHash)}
      WHERE chain_id = ${north.id} AND sequence = ${submitted.sequence}`);

    const next = submitted.sequence + 1;
    expect(await verdictOf(north.id)).toEqual({
      isIntact: false,
      chainId: north.id,
      brokenAt: next,
      reason: `event ${next} does not follow event ${submitted.sequence}: its previous hash does not match`,
    });

    await restore(original);
    expect((await verdictOf(north.id))?.isIntact).toBe(true);
  });

  it('when an event in the middle of a chain is deleted, the chain is reported broken at the gap', async () => {
    const reviewStarted = await eventOf('proposal.start-review');
    const gap = reviewStarted.sequence;
    const original = await storedRow(gap);
    await database.database.rows(
      sql`DELETE FROM audit_events WHERE chain_id = ${north.id} AND sequence = ${gap}`,
    );

    expect(await verdictOf(north.id)).toEqual({
      isIntact: false,
      chainId: north.id,
      brokenAt: gap,
      reason: `event ${gap} is missing: the chain jumps from ${gap - 1} to ${gap + 1}`,
    });

    await restore(original);
    expect((await verdictOf(north.id))?.isIntact).toBe(true);
  });
});
