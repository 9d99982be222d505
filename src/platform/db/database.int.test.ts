import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, openDatabase } from './database.ts';

describe('the embedded database', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('refuses a second process, saying which one holds it', async () => {
    folder = await mkdtemp(join(tmpdir(), 'hub-test-'));
    // The parent process is certainly running and is not this one.
    await writeFile(join(folder, 'hub.lock'), String(process.ppid));
    const opening = openDatabase({ pgliteDataDir: folder });
    await expect(opening).rejects.toBeInstanceOf(DatabaseInUseError);
    await expect(opening).rejects.toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it('takes over a lock left by a process that has ended, and releases it on close', async () => {
    folder = await mkdtemp(join(tmpdir(), 'hub-test-'));
    await writeFile(join(folder, 'hub.lock'), '999999999');
    const database = await openDatabase({ pgliteDataDir: folder });
    expect(await readFile(join(folder, 'hub.lock'), 'utf8')).toBe(String(process.pid));
    await database.close();
    expect(existsSync(join(folder, 'hub.lock'))).toBe(false);
  });
});
