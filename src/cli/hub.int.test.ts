import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createServices, type Services } from '../services.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../test/support/test-database.ts';
import { publishCatalogue } from '../../test/support/factories.ts';
import { anInstitution } from '../../test/support/builders.ts';
import { TEST_TODAY } from '../../test/support/test-app.ts';
import { runHubCommand, type OpenedHub } from './hub-commands.ts';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://hub.test',
  AUTH_SECRET: 'test-secret-that-is-long-enough-for-the-hub-0123456789',
  KEY_ENCRYPTION_KEY: 'test-key-encryption-key-long-enough-0123456789',
  SEED_DEMO_ACCOUNTS: 'false',
});

describe.each(testDatabaseKinds())('the hub command line on %s', (kind) => {
  let testDatabase: TestDatabase;
  let services: Services;
  let institutionId: string;

  /** Runs a command as a person would type it after `npm run hub --`, and keeps what it printed. */
  async function hub(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const opened: OpenedHub = {
      services,
      database: testDatabase.database,
      config,
      // The test database outlives each command.
      close: async () => {},
    };
    const code = await runHubCommand(
      argv,
      { out: (line) => out.push(line), err: (line) => err.push(line) },
      { openServices: async () => opened },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function principalWithToken(token: string) {
    const request = { url: '/api/v1/micro-credentials', headers: { authorization: `Bearer ${token}` } };
    return services.accounts.principalOf(request as unknown as FastifyRequest);
  }

  async function membershipOf(email: string) {
    const user = await services.accounts.findUserByEmail(email);
    if (!user) throw new Error(`No account ${email}`);
    const principal = await services.accounts.principalForUser(user);
    if (principal.kind !== 'user') throw new Error('Expected a user');
    return principal;
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    const fixture = await publishCatalogue(
      testDatabase.database,
      [anInstitution({ name: 'Test University' }), anInstitution({ name: 'Other College', kind: 'college' })],
      [],
    );
    institutionId = fixture.institutions.get('test-university')?.id ?? '';
    services = createServices({ config, database: testDatabase.database, clock: () => TEST_TODAY });
  });
  afterAll(async () => {
    await testDatabase.drop();
  });

  it('help lists every command and the exit codes', async () => {
    const help = await hub('help');
    expect(help.code).toBe(0);
    for (const command of [
      'create-user',
      'grant-role',
      'revoke-role',
      'grant-sector-admin',
      'create-token',
      'revoke-token',
      'list-tokens',
      'verify-audit',
      'seed-demo',
    ])
      expect(help.out).toContain(command);
    expect(help.out).toContain('Exit codes');
  });

  it('an unknown command prints the usage and exits 1', async () => {
    const result = await hub('make-coffee');
    expect(result.code).toBe(1);
    expect(result.err).toContain("There is no command 'make-coffee'");
    expect(result.err).toContain('Usage: npm run hub -- <command>');
  });

  it('create-user then grant-role gives the new person the role', async () => {
    const created = await hub(
      'create-user',
      '--email',
      'Ailsa@Example.ac.uk',
      '--name',
      'Ailsa Grant',
      '--password',
      'three random words',
    );
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(created.out).toContain('Created the account Ailsa Grant <ailsa@example.ac.uk>');
    expect(created.out).not.toContain('three random words');

    const granted = await hub(
      'grant-role',
      '--email',
      'ailsa@example.ac.uk',
      '--institution',
      'test-university',
      '--role',
      'author',
      '--role',
      'admin',
    );
    expect(granted.code).toBe(0);
    expect(granted.out).toContain('Granted author, admin at Test University to ailsa@example.ac.uk');

    const principal = await membershipOf('ailsa@example.ac.uk');
    expect(principal.memberships).toHaveLength(1);
    expect(principal.memberships[0]?.institutionSlug).toBe('test-university');
    expect([...(principal.memberships[0]?.roles ?? [])].sort()).toEqual(['admin', 'author']);
    expect((await services.accounts.findUserByEmail('ailsa@example.ac.uk'))?.emailVerified).toBe(true);
    expect(
      (await services.accounts.signIn('ailsa@example.ac.uk', 'three random words', '203.0.113.1')).ok,
    ).toBe(true);

    const again = await hub(
      'grant-role',
      '--email',
      'ailsa@example.ac.uk',
      '--institution',
      'test-university',
      '--role',
      'author',
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain('already held author');
  });

  it('create-user without a password prints a generated one once, and it signs in', async () => {
    const created = await hub('create-user', '--email', 'bea@example.ac.uk', '--name', 'Bea Reid');
    expect(created.code).toBe(0);
    const password = /Password: (\S+)/.exec(created.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await services.accounts.signIn('bea@example.ac.uk', password, '203.0.113.2')).ok).toBe(true);
  });

  it('a second account for the same address is refused with exit 1', async () => {
    const duplicate = await hub('create-user', '--email', 'ailsa@example.ac.uk', '--name', 'Someone Else');
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('--email: There is already an account for ailsa@example.ac.uk');
  });

  it('bad input exits 1 with a sentence naming the option and the fix', async () => {
    const role = await hub(
      'grant-role',
      '--email',
      'ailsa@example.ac.uk',
      '--institution',
      'test-university',
      '--role',
      'boss',
    );
    expect(role.code).toBe(1);
    expect(role.err).toContain("--role 'boss' is not a role. Use one of author, reviewer, registry, admin.");

    const institution = await hub(
      'grant-role',
      '--email',
      'ailsa@example.ac.uk',
      '--institution',
      'nowhere',
      '--role',
      'author',
    );
    expect(institution.code).toBe(1);
    expect(institution.err).toContain(
      "No institution 'nowhere'. List them at http://hub.test/institutions or with `npm run hub -- list-institutions`",
    );

    const missing = await hub('grant-role', '--email', 'ailsa@example.ac.uk', '--role', 'author');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('grant-role needs --institution');

    const noValue = await hub('create-token', '--institution');
    expect(noValue.code).toBe(1);
    expect(noValue.err).toContain('--institution needs a value');

    const unknownOption = await hub('list-tokens', '--institution', 'test-university', '--colour', 'red');
    expect(unknownOption.code).toBe(1);
    expect(unknownOption.err).toContain('list-tokens has no option --colour. Its options: --institution.');

    const nobody = await hub('grant-sector-admin', '--email', 'nobody@example.org');
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('No account for nobody@example.org');

    const password = await hub(
      'create-user',
      '--email',
      'cara@example.org',
      '--name',
      'Cara',
      '--password',
      'short',
    );
    expect(password.code).toBe(1);
    expect(password.err).toContain('--password: Enter a password of at least 10 characters');
  });

  it('revoke-role takes a role away, and refuses to remove the only admin', async () => {
    const revoked = await hub(
      'revoke-role',
      '--email',
      'ailsa@example.ac.uk',
      '--institution',
      'test-university',
      '--role',
      'author',
    );
    expect(revoked.code).toBe(0);
    expect((await membershipOf('ailsa@example.ac.uk')).memberships[0]?.roles).toEqual(['admin']);

    const notHeld = await hub(
      'revoke-role',
      '--email',
      'ailsa@example.ac.uk',
      '--institution',
      'test-university',
      '--role',
      'author',
    );
    expect(notHeld.code).toBe(1);
    expect(notHeld.err).toContain('does not hold the author role at Test University');

    const onlyAdmin = await hub(
      'revoke-role',
      '--email',
      'ailsa@example.ac.uk',
      '--institution',
      'test-university',
      '--role',
      'admin',
    );
    expect(onlyAdmin.code).toBe(1);
    expect(onlyAdmin.err).toContain('is the only admin of Test University');
  });

  it('grant-sector-admin makes a person a sector administrator', async () => {
    const granted = await hub('grant-sector-admin', '--email', 'bea@example.ac.uk');
    expect(granted.code).toBe(0);
    expect((await membershipOf('bea@example.ac.uk')).isSectorAdmin).toBe(true);
    expect((await hub('grant-sector-admin', '--email', 'bea@example.ac.uk')).out).toContain(
      'already a sector administrator',
    );
  });

  it('create-token prints a token once that authenticates; list-tokens never shows it; revoke-token stops it', async () => {
    const created = await hub(
      'create-token',
      '--institution',
      'test-university',
      '--name',
      'Student records',
      '--role',
      'registry,author',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('It is not shown again');
    const token = /Token: (mch_\S+)/.exec(created.out)?.[1] ?? '';
    const id = /\(id ([0-9a-f-]{36})\)/.exec(created.out)?.[1] ?? '';
    expect(token).not.toBe('');

    const [stored] = await services.accounts.tokensOf(institutionId);
    expect(stored).toMatchObject({ id, name: 'Student records', roles: ['registry', 'author'] });
    expect(token.startsWith(stored?.displayPrefix ?? 'missing')).toBe(true);
    const [row] = await testDatabase.database.rows<{ token_hash: string }>(
      sql`SELECT token_hash FROM api_tokens WHERE id = ${id}`,
    );
    expect(row?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(await principalWithToken(token)).toMatchObject({
      kind: 'token',
      institutionId,
      roles: ['registry', 'author'],
    });

    const listed = await hub('list-tokens', '--institution', 'test-university');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(stored?.displayPrefix);
    expect(listed.out).toContain('registry, author');
    expect(listed.out).not.toContain(token);

    const badId = await hub('revoke-token', '--institution', 'test-university', '--id', '42');
    expect(badId.code).toBe(1);
    expect(badId.err).toContain("--id '42' is not a token id");

    const revoked = await hub('revoke-token', '--institution', 'test-university', '--id', id);
    expect(revoked.code).toBe(0);
    expect(await principalWithToken(token)).toEqual({ kind: 'anonymous' });
    expect((await hub('list-tokens', '--institution', 'test-university')).out).toContain('revoked');

    const twice = await hub('revoke-token', '--institution', 'test-university', '--id', id);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('has no unrevoked API token with that id');
  });

  it('verify-audit exits 0 while the chains are intact, and 3 naming the event once a row is changed', async () => {
    const intact = await hub('verify-audit');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/chain Test University: \d+ events, intact/);
    expect(intact.out).toContain('chain sector: 1 event, intact');

    await testDatabase.database.rows(
      sql`UPDATE audit_events SET after = '{"roles":["admin"]}' WHERE chain_id = ${institutionId} AND sequence = 2`,
    );

    const broken = await hub('verify-audit');
    expect(broken.code).toBe(3);
    expect(broken.out).toContain(
      'chain Test University: BROKEN at event 2: event 2 was changed after it was recorded',
    );
    expect(broken.out).toContain('chain sector: 1 event, intact');
    expect(broken.err).toContain('1 of 2 audit chains are broken');
  });
});

describe('the hub command line as a process', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'hub-test-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function runCli(script: string, args: string[]) {
    return spawnSync('npx', ['tsx', script, ...args], {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        DATA_DIR: folder,
        DATABASE_URL: '',
        AUTH_SECRET: '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  it('refuses with exit 2 and plain words while the server holds the embedded database, opening nothing', async () => {
    const server = spawn('sleep', ['30']);
    try {
      const pid = server.pid ?? 0;
      await writeFile(join(folder, 'hub.lock'), String(pid));

      const result = runCli('src/cli/hub.ts', ['list-tokens', '--institution', 'x']);

      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `The hub server (process ${pid}) has the embedded database in ${folder} open. Stop the server first (Ctrl+C in its terminal), then run this command again — or run the hub on PostgreSQL (DATABASE_URL), where both can run at once.`,
      );
      expect(existsSync(join(folder, 'pglite'))).toBe(false);
      expect(await readFile(join(folder, 'hub.lock'), 'utf8')).toBe(String(pid));
    } finally {
      server.kill();
      await rm(join(folder, 'hub.lock'), { force: true });
    }
  });

  it('npm run audit:verify on a fresh embedded database finds nothing to check, exits 0 and releases the lock', () => {
    const result = runCli('src/cli/audit-verify.ts', []);
    expect(result.stderr).not.toContain('Error');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No audit events recorded yet');
    expect(existsSync(join(folder, 'hub.lock'))).toBe(false);
  });
});
