import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.ts';

describe('addresses in the logs', () => {
  it('keep the path and harmless parameters but never a token', () => {
    expect(redactUrl('/reset-password?token=abc.def')).toBe('/reset-password?token=[redacted]');
    expect(redactUrl('/verify-email?callback=x&token=secret')).toBe(
      '/verify-email?callback=x&token=[redacted]',
    );
    expect(redactUrl('/invitations/s3cr3t-token')).toBe('/invitations/[redacted]');
    expect(redactUrl('/claim/s3cr3t-claim')).toBe('/claim/[redacted]');
    expect(redactUrl('/sign-in?next=%2Fclaim%2Fs3cr3t-claim')).toBe('/sign-in?next=[redacted]');
    expect(redactUrl('/micro-credentials?q=care&level=7')).toBe('/micro-credentials?q=care&level=7');
  });
});
