import { describe, expect, it } from 'vitest';
import { isMachinePath } from './machine-paths.ts';

describe('machine paths', () => {
  it('are the JSON API and the W3C VC API, and nothing a person browses', () => {
    for (const path of [
      '/api/v1/micro-credentials',
      '/credentials/issue',
      '/credentials/verify',
      '/presentations/verify',
      '/status-lists/0b6f7c3e-2f0a-4d1e-9d1b-1c1a2b3c4d5e/publish',
    ])
      expect(isMachinePath(path), path).toBe(true);
    for (const path of [
      '/my/credentials',
      '/verify',
      '/status-lists/0b6f7c3e-2f0a-4d1e-9d1b-1c1a2b3c4d5e',
      '/workspace/abertay-university/credentials',
      '/sign-in?next=/api/v1',
    ])
      expect(isMachinePath(path), path).toBe(false);
  });
});
