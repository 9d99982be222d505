import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { createServices } from '../../services.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { aMicroCredential, anInstitution, anOffering } from '../../../test/support/builders.ts';

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://hub.test',
  AUTH_SECRET: 'test-secret-that-is-long-enough-for-the-hub-0123456789',
  KEY_ENCRYPTION_KEY: 'test-key-encryption-key-long-enough-0123456789',
  SEED_DEMO_ACCOUNTS: 'false',
});
const actor = { id: 'registry-1', name: 'Registry Officer', roles: ['registry' as const] };
const LEARNERS = 250;

function resultsCsv(): string {
  const rows = ['learner_email,learner_name,module_code,outcome,mark,diet,completed_on'];
  for (let index = 0; index < LEARNERS; index += 1)
    rows.push(
      `learner${index}@example.org,Learner ${index},DU0001,passed,${50 + (index % 50)},June 2026,2026-06-30`,
    );
  return rows.join('\n');
}

/** Runs the worker process until it has issued at least one chunk, then kills it without warning. */
function killAfterFirstChunk(dataDir: string): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    // The test runner's own Node with tsx's loader: one process, so SIGKILL reaches the worker itself.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('../../../test/support/issuance-worker-process.ts', import.meta.url)),
      ],
      { env: { ...process.env, HUB_TEST_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('progress ')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }));
  });
}

describe('a batch interrupted by killing the server', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it(
    'finishes after a restart with every credential issued once and none missing',
    { timeout: 240_000 },
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'hub-durability-'));
      folders.push(dataDir);
      let database: Database = await openDatabase({ pgliteDataDir: dataDir });
      await publishCatalogue(
        database,
        [anInstitution({ name: 'Durable University', codePrefix: 'DU' })],
        [
          {
            institution: 'durable-university',
            input: aMicroCredential({ title: 'Resilient systems' }),
            offerings: [anOffering({ startsOn: '2026-01-12', endsOn: '2026-06-26', enrolBy: '2026-01-05' })],
            slug: 'resilient-systems',
          },
        ],
      );
      const before = createServices({ config, database, clock: () => new Date() });
      // This process only queues the batch; the worker process does the issuing.
      await before.credentials.worker.stop();
      const institution = (await before.catalogue.findInstitution('durable-university'))!;
      const applied = await before.credentials.applyCsv(institution, actor, resultsCsv());
      expect(applied.applied).toBe(true);
      const jobId = applied.applied ? applied.jobId! : '';
      await database.close();

      const run = await killAfterFirstChunk(dataDir);
      expect(run.killed, run.output).toBe(true);

      database = await openDatabase({ pgliteDataDir: dataDir });
      const interrupted = await createServices({
        config,
        database,
        clock: () => new Date(),
      }).credentials.findJob(jobId);
      expect(interrupted!.state).toBe('running');
      expect(interrupted!.issued).toBeGreaterThan(0);
      expect(interrupted!.issued).toBeLessThan(LEARNERS);

      // The restarted server sees the dead worker's lease run out and takes the job over.
      const later = new Date(Date.now() + 60_000);
      const after = createServices({ config, database, clock: () => later });
      after.credentials.worker.wake();
      await after.credentials.worker.idle();
      const job = await after.credentials.findJob(jobId);
      expect(job).toMatchObject({ state: 'finished', issued: LEARNERS, skipped: 0, failed: 0 });

      const credentials = await after.credentials.credentialsOfInstitution(institution.id, LEARNERS * 2);
      expect(credentials).toHaveLength(LEARNERS);
      expect(new Set(credentials.map((credential) => credential.resultId)).size).toBe(LEARNERS);
      expect(new Set(credentials.map((credential) => credential.learnerEmail)).size).toBe(LEARNERS);
      // Every learner has a claim link, including those whose credential was signed just before the kill.
      const mails = await after.mailer.latest(LEARNERS * 3);
      const claimMails = mails.filter((mail) => mail.subject.startsWith('Your certificate of study'));
      expect(new Set(claimMails.map((mail) => mail.recipient)).size).toBe(LEARNERS);
      const sample = JSON.parse(credentials[0]!.signedJson) as object;
      expect((await after.credentials.verify(sample)).verdict).toBe('valid');
      await after.credentials.worker.stop();
      await database.close();
    },
  );
});
