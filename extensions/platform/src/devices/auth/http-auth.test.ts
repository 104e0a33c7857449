import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DIGEST_REALM, digestChallenge, digestResponse, issueNonce, NONCE_MAX_AGE_MS, parseAuthorization, sameText, verifyDigest } from './http-auth';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const KEY = 'server-key';
const NOW = Date.UTC(2026, 11, 5, 8, 0, 0);

describe('digestResponse', () => {
  test('matches the worked example of RFC 2617 §3.5', () => {
    // RFC 2617, section 3.5 "Example": the response the RFC gives for Mufasa / "Circle Of Life".
    expect(
      digestResponse({ username: 'Mufasa', realm: 'testrealm@host.com', password: 'Circle Of Life', method: 'GET', uri: '/dir/index.html', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth', nc: '00000001', cnonce: '0a4f113b' }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });
});

describe('parseAuthorization', () => {
  test('reads the digest parameters a terminal sends, quoted or not', () => {
    const header = 'Digest username="platform", realm="realname-platform", nonce="abc.def", uri="/isapi/event/SN1", algorithm=MD5, qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"';
    expect(parseAuthorization(header)).toEqual({
      scheme: 'digest',
      params: { username: 'platform', realm: 'realname-platform', nonce: 'abc.def', uri: '/isapi/event/SN1', algorithm: 'MD5', qop: 'auth', nc: '00000001', cnonce: '0a4f113b', response: '6629fae49393a05397450978507c4ef1', opaque: '5ccc069c403ebaf9f0171e9517f40e41' },
    });
  });

  test('reads basic credentials (RFC 7617 §2 example)', () => {
    expect(parseAuthorization('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toEqual({ scheme: 'basic', user: 'Aladdin', password: 'open sesame' });
  });

  test.each([undefined, '', 'Bearer abc', 'Basic bm9jb2xvbg==', 'Digest'])('%j is no credential', (header) => {
    const parsed = parseAuthorization(header);
    expect(parsed === null || (parsed.scheme === 'digest' && Object.keys(parsed.params).length === 0)).toBe(true);
  });
});

describe('verifyDigest', () => {
  const request = { method: 'POST', url: '/isapi/event/DS-K1T671M0001' };
  /** What a terminal answers to our challenge, computed by hand from RFC 2617's formulas. */
  function answer(overrides: Record<string, string> = {}, password = 'Site-Key-2026', nonce = issueNonce(KEY, NOW)) {
    const params = { username: 'platform', realm: DIGEST_REALM, nonce, uri: request.url, algorithm: 'MD5', qop: 'auth', nc: '00000001', cnonce: 'c0ffee01', ...overrides };
    const ha1 = md5(`${params.username}:${params.realm}:${password}`);
    const ha2 = md5(`POST:${params.uri}`);
    return { ...params, response: md5(`${ha1}:${params.nonce}:${params.nc}:${params.cnonce}:auth:${ha2}`), ...('response' in overrides ? { response: overrides['response']! } : {}) };
  }

  test('accepts the right password with our fresh nonce, reused with a growing nc', () => {
    expect(verifyDigest(answer(), request, 'Site-Key-2026', KEY, NOW + 1000)).toBe(true);
    expect(verifyDigest(answer({ nc: '00000002', cnonce: 'c0ffee02' }), request, 'Site-Key-2026', KEY, NOW + 60_000)).toBe(true);
  });

  test('the challenge carries a nonce that verifies', () => {
    const challenge = parseAuthorization(digestChallenge(KEY, NOW));
    expect(challenge?.scheme).toBe('digest');
    const nonce = challenge?.scheme === 'digest' ? challenge.params['nonce'] : '';
    expect(verifyDigest(answer({}, 'Site-Key-2026', nonce), request, 'Site-Key-2026', KEY, NOW)).toBe(true);
  });

  test.each([
    ['a wrong password', answer({}, 'wrong-password')],
    ['another realm', answer({ realm: 'other' })],
    ['another request target', answer({ uri: '/isapi/event/OTHER' })],
    ['a forged nonce', answer({ nonce: `${NOW.toString(36)}.forgedforgedforgedforg` })],
    ['a stale nonce', answer({}, 'Site-Key-2026', issueNonce(KEY, NOW - NONCE_MAX_AGE_MS - 1000))],
    ['another server key', answer({}, 'Site-Key-2026', issueNonce('other-key', NOW))],
    ['a bad nc', answer({ nc: 'x' })],
  ])('refuses %s', (_label, params) => {
    expect(verifyDigest(params, request, 'Site-Key-2026', KEY, NOW)).toBe(false);
  });

  test('sameText compares whole strings', () => {
    expect(sameText('abc', 'abc')).toBe(true);
    expect(sameText('abc', 'abd')).toBe(false);
    expect(sameText('abc', 'abcd')).toBe(false);
  });
});
