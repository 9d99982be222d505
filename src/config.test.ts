import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, loadConfig } from './config.ts';

describe('configuration', () => {
  it('starts with no settings at all, on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
    });
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('lists every bad key at once, naming each and how to fix it', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', NODE_ENV: 'prod', DATABASE_URL: 'mysql://db' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((problem) => problem.startsWith('NODE_ENV'))).toContain(
      'use one of development, production, test',
    );
    expect(problems.find((problem) => problem.startsWith('PORT'))).toContain('TCP port');
    expect(problems.find((problem) => problem.startsWith('DATABASE_URL'))).toContain('PostgreSQL');
  });

  it('requires a public address in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://hub.example/',
        AUTH_SECRET: 'x'.repeat(40),
        KEY_ENCRYPTION_KEY: 'k'.repeat(40),
      }).publicUrl,
    ).toBe('https://hub.example');
  });

  it('requires a long secret in production and never seeds demo accounts there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://hub.example' })).toThrow(
      /AUTH_SECRET/,
    );
    expect(() => loadConfig({ AUTH_SECRET: 'too-short' })).toThrow(/AUTH_SECRET/);
    const production = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://hub.example',
      AUTH_SECRET: 'x'.repeat(40),
      KEY_ENCRYPTION_KEY: 'k'.repeat(40),
    });
    expect(production.seedDemoAccounts).toBe(false);
  });

  it('requires a key encryption key in production, so signing keys are never stored unencrypted', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://hub.example', AUTH_SECRET: 'x'.repeat(40) }),
    ).toThrow(/KEY_ENCRYPTION_KEY/);
    expect(() => loadConfig({ KEY_ENCRYPTION_KEY: 'too-short' })).toThrow(/KEY_ENCRYPTION_KEY/);
  });

  it('never lets the verifier reach private addresses in production', () => {
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://hub.example',
      AUTH_SECRET: 'x'.repeat(40),
      KEY_ENCRYPTION_KEY: 'k'.repeat(40),
    };
    expect(() => loadConfig({ ...production, VERIFY_ALLOW_PRIVATE_ADDRESSES: 'true' })).toThrow(
      /VERIFY_ALLOW_PRIVATE_ADDRESSES/,
    );
    expect(loadConfig({ ...production }).verifyAllowPrivateAddresses).toBe(false);
  });

  it('is documented in the README, every key with its default', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
      const row = readme.split('\n').find((line) => new RegExp(`^\\|\\s*\`${key}\`\\s*\\|`).test(line));
      expect(row, `README configuration table lacks ${key}`).toBeDefined();
      const fallback = (schema as { default?: unknown }).default;
      if (fallback !== '' && key !== 'PUBLIC_URL') expect(row).toContain(`\`${String(fallback)}\``);
    }
  });
});
