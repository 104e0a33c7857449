import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { signDownload, verifyDownload, type DownloadClaims } from './download-token';

const SECRET = 'a'.repeat(64);
const NOW = 1_800_000_000;
const claims: DownloadClaims = { user: 'u-1', project: 7, kind: 'attendance-month', params: { month: '2026-03' }, expires: NOW + 300 };

const ruleOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { rule?: string } }).extensions?.rule;
  }
  return undefined;
};

describe('download tokens', () => {
  test('a signed token verifies to its claims', () => {
    expect(verifyDownload(signDownload(claims, SECRET), SECRET, NOW)).toEqual(claims);
  });

  test('it expires at its expiry second', () => {
    const token = signDownload(claims, SECRET);
    expect(ruleOf(() => verifyDownload(token, SECRET, NOW + 299))).toBeUndefined();
    expect(ruleOf(() => verifyDownload(token, SECRET, NOW + 300))).toBe('EXPORT_LINK_EXPIRED');
  });

  const token = signDownload(claims, SECRET);
  const [body, sig] = token.split('.') as [string, string];
  const reencode = (change: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), ...change })).toString('base64url');

  test.each([
    ['another project', `${reencode({ p: 8 })}.${sig}`],
    ['another user', `${reencode({ u: 'u-2' })}.${sig}`],
    ['other params', `${reencode({ q: { month: '2026-02' } })}.${sig}`],
    ['a later expiry', `${reencode({ x: NOW + 9999 })}.${sig}`],
    ['another secret', signDownload(claims, 'b'.repeat(64))],
    ['a cut signature', token.slice(0, -1)],
    ['no signature', body],
    ['junk', 'not a token'],
    ['empty', ''],
  ])('%s is refused as invalid', (_label, bad) => {
    expect(ruleOf(() => verifyDownload(bad, SECRET, NOW))).toBe('EXPORT_LINK_INVALID');
  });

  test('a signed payload of the wrong shape is refused', () => {
    const odd = Buffer.from(JSON.stringify({ u: 1, p: '7' })).toString('base64url');
    const oddSig = createHmac('sha256', SECRET).update(`platform-export-link\n${odd}`).digest('base64url');
    expect(ruleOf(() => verifyDownload(`${odd}.${oddSig}`, SECRET, NOW))).toBe('EXPORT_LINK_INVALID');
  });
});
