import { describe, expect, test } from 'vitest';
import { DigestSession, digestAuthorization, parseDigestChallenge } from './digest-auth';

/** Reads back the parameters of an Authorization: Digest value. */
function fields(header: string): Record<string, string> {
  return Object.fromEntries([...header.replace(/^Digest\s+/, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)].map((m) => [m[1], m[2] ?? m[3] ?? '']));
}

describe('the RFC examples', () => {
  test('RFC 2617 section 3.5 (MD5, qop=auth)', () => {
    const challenge = parseDigestChallenge(['Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"']);
    expect(challenge).toMatchObject({ realm: 'testrealm@host.com', qop: 'auth', algorithm: 'MD5', stale: false });
    const header = digestAuthorization(challenge!, { username: 'Mufasa', password: 'Circle Of Life', method: 'GET', uri: '/dir/index.html', nc: 1, cnonce: '0a4f113b' });
    expect(fields(header)).toMatchObject({ response: '6629fae49393a05397450978507c4ef1', nc: '00000001', qop: 'auth', opaque: '5ccc069c403ebaf9f0171e9517f40e41', uri: '/dir/index.html' });
  });

  test.each([
    ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
    ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
  ])('RFC 7616 section 3.9.1 (%s)', (algorithm, response) => {
    const challenge = parseDigestChallenge([
      `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
    ]);
    const header = digestAuthorization(challenge!, { username: 'Mufasa', password: 'Circle of Life', method: 'GET', uri: '/dir/index.html', nc: 1, cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ' });
    expect(fields(header).response).toBe(response);
    expect(fields(header).algorithm).toBe(algorithm);
  });
});

describe('challenges as terminals send them', () => {
  test('a Hikvision terminal: qop first, stale="FALSE"', () => {
    expect(parseDigestChallenge(['Digest qop="auth", realm="IP Camera(C6269)", nonce="4e6a45794d4467334e6a46694d6a64684e54517a4e444a6a4d7a55784f44493d", stale="FALSE"'])).toEqual({
      realm: 'IP Camera(C6269)',
      nonce: '4e6a45794d4467334e6a46694d6a64684e54517a4e444a6a4d7a55784f44493d',
      qop: 'auth',
      opaque: null,
      algorithm: 'MD5',
      stale: false,
    });
  });

  test('Basic offered beside Digest, in one header or two', () => {
    expect(parseDigestChallenge(['Basic realm="x"', 'Digest realm="r", nonce="n", qop="auth"'])?.nonce).toBe('n');
    expect(parseDigestChallenge(['Digest realm="r", nonce="n", algorithm="MD5", stale=TRUE, Basic realm="r"'])).toMatchObject({ nonce: 'n', stale: true });
  });

  test.each([
    ['no Digest at all', ['Basic realm="x"']],
    ['no nonce', ['Digest realm="r", qop="auth"']],
    ['only auth-int', ['Digest realm="r", nonce="n", qop="auth-int"']],
    ['an unknown algorithm', ['Digest realm="r", nonce="n", algorithm=SHA-512-256']],
  ])('refuses %s', (_label, values) => {
    expect(parseDigestChallenge(values)).toBeNull();
  });
});

describe('a session', () => {
  const challenge = (nonce: string, stale = false) => [`Digest qop="auth", realm="DS-K1T671MF", nonce="${nonce}", stale="${stale ? 'TRUE' : 'FALSE'}"`];

  test('answers nothing before the first challenge, then counts nc per nonce', () => {
    const session = new DigestSession('admin', 'Hik12345');
    expect(session.authorize('PUT', '/ISAPI/x')).toBeNull();
    expect(session.unauthorized(challenge('n1'), null)).toBe('retry');
    expect(fields(session.authorize('PUT', '/ISAPI/x')!.header).nc).toBe('00000001');
    expect(fields(session.authorize('PUT', '/ISAPI/x')!.header).nc).toBe('00000002');
  });

  test('a stale nonce or one another request already replaced means "again", a fresh refusal means "wrong password"', () => {
    const session = new DigestSession('admin', 'wrong');
    session.unauthorized(challenge('n1'), null);
    const first = session.authorize('PUT', '/a')!;
    expect(session.unauthorized(challenge('n2', true), first.nonce)).toBe('retry');
    const second = session.authorize('PUT', '/a')!;
    expect(second.nonce).toBe('n2');
    expect(fields(second.header).nc).toBe('00000001');
    // A request still carrying n1 while n2 is current is sent again with n2.
    expect(session.unauthorized(challenge('n3'), 'n1')).toBe('retry');
    expect(session.unauthorized(challenge('n4'), 'n3')).toBe('refused');
    expect(session.unauthorized(['Basic realm="x"'], 'n4')).toBe('no-digest');
  });
});
