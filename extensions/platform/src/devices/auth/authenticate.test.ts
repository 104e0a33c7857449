import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseAllowList } from './allow-list';
import { judgeDevice, type DeviceAuth, type Presented } from './authenticate';
import { DIGEST_REALM, issueNonce } from './http-auth';

const NOW = Date.UTC(2026, 11, 5, 8, 0, 0);
const settings = { sessionMs: 24 * 3_600_000, digestKey: 'server-key' };
const SECRET = 'Site-Key-2026';
const withSecret: DeviceAuth = { secretCipher: '1||scrypt||…', allowList: null, sessionIp: null, sessionAt: null };
const none: DeviceAuth = { secretCipher: null, allowList: null, sessionIp: null, sessionAt: null };
const call = (presented: Partial<Presented> = {}): Presented => ({ ip: '223.85.10.4', key: null, authorization: null, request: { method: 'POST', url: '/isapi/event/SN1' }, handshake: false, ...presented });
const bound = (protocol: 'zkteco' | 'uniubi' | 'hikvision') => ({ protocol, bound: true });

describe('judgeDevice', () => {
  test('a bound device with neither secret nor allow-list is refused; a pending one is answered', () => {
    expect(judgeDevice(bound('uniubi'), none, null, call(), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_NO_CREDENTIALS' });
    expect(judgeDevice({ protocol: 'uniubi', bound: false }, none, null, call(), settings, NOW)).toEqual({ ok: true, session: false });
  });

  test('an allow-list alone admits its addresses only', () => {
    const auth = { ...none, allowList: parseAllowList('223.85.10.0/24').list };
    expect(judgeDevice(bound('zkteco'), auth, null, call(), settings, NOW)).toEqual({ ok: true, session: false });
    expect(judgeDevice(bound('zkteco'), auth, null, call({ ip: '198.51.100.9' }), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_ADDRESS_NOT_ALLOWED' });
  });

  test('an allow-list applies on top of a right secret', () => {
    const auth = { ...withSecret, allowList: parseAllowList('223.85.10.4').list };
    expect(judgeDevice(bound('uniubi'), auth, SECRET, call({ ip: '198.51.100.9', key: SECRET }), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_ADDRESS_NOT_ALLOWED' });
  });

  test('an unreadable secret (SECRET rotated) refuses everybody', () => {
    expect(judgeDevice(bound('uniubi'), withSecret, null, call({ key: SECRET }), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_SECRET_UNREADABLE' });
  });

  describe('ZKTeco', () => {
    test('the handshake needs the communication key and opens a session', () => {
      expect(judgeDevice(bound('zkteco'), withSecret, SECRET, call({ handshake: true, key: SECRET }), settings, NOW)).toEqual({ ok: true, session: true });
      expect(judgeDevice(bound('zkteco'), withSecret, SECRET, call({ handshake: true, key: 'wrong-key-01' }), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_KEY_WRONG' });
      expect(judgeDevice(bound('zkteco'), withSecret, SECRET, call({ handshake: true }), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_KEY_WRONG', message: '握手未带通讯密钥（pushcommkey）' });
    });

    test('other calls only from the admitted address, within the session', () => {
      const session = { ...withSecret, sessionIp: '223.85.10.4', sessionAt: NOW - 3_600_000 };
      expect(judgeDevice(bound('zkteco'), session, SECRET, call(), settings, NOW)).toEqual({ ok: true, session: false });
      expect(judgeDevice(bound('zkteco'), session, SECRET, call({ ip: '198.51.100.9' }), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_SESSION_REQUIRED', routine: false });
      expect(judgeDevice(bound('zkteco'), { ...session, sessionAt: NOW - 25 * 3_600_000 }, SECRET, call(), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_SESSION_REQUIRED', routine: true });
      // A key on a call that is not a handshake proves nothing: the firmware never sends one there.
      expect(judgeDevice(bound('zkteco'), withSecret, SECRET, call({ key: SECRET }), settings, NOW)).toMatchObject({ ok: false });
    });
  });

  describe('Uniubi', () => {
    test('the secret is in the callback URL', () => {
      expect(judgeDevice(bound('uniubi'), withSecret, SECRET, call({ key: SECRET }), settings, NOW)).toEqual({ ok: true, session: false });
      expect(judgeDevice(bound('uniubi'), withSecret, SECRET, call({ key: 'Site-Key-2027' }), settings, NOW)).toMatchObject({ ok: false, rule: 'DEVICE_KEY_WRONG' });
      expect(judgeDevice(bound('uniubi'), withSecret, SECRET, call(), settings, NOW)).toMatchObject({ ok: false, message: '回调地址未带设备密钥' });
    });
  });

  describe('Hikvision', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const digest = (password: string) => {
      const params = { username: 'platform', realm: DIGEST_REALM, nonce: issueNonce(settings.digestKey, NOW), uri: '/isapi/event/SN1', qop: 'auth', nc: '00000001', cnonce: 'abcdef01' };
      const response = md5(`${md5(`platform:${DIGEST_REALM}:${password}`)}:${params.nonce}:00000001:abcdef01:auth:${md5('POST:/isapi/event/SN1')}`);
      return { scheme: 'digest' as const, params: { ...params, response } };
    };

    test('the URL secret, the digest password or the basic password', () => {
      expect(judgeDevice(bound('hikvision'), withSecret, SECRET, call({ key: SECRET }), settings, NOW).ok).toBe(true);
      expect(judgeDevice(bound('hikvision'), withSecret, SECRET, call({ authorization: digest(SECRET) }), settings, NOW).ok).toBe(true);
      expect(judgeDevice(bound('hikvision'), withSecret, SECRET, call({ authorization: { scheme: 'basic', user: 'platform', password: SECRET } }), settings, NOW).ok).toBe(true);
    });

    test('anything else is answered with a digest challenge', () => {
      for (const presented of [call(), call({ authorization: digest('wrong-password') }), call({ key: 'wrong-key-01' })]) {
        const verdict = judgeDevice(bound('hikvision'), withSecret, SECRET, presented, settings, NOW);
        expect(verdict.ok).toBe(false);
        expect(!verdict.ok && verdict.challenge).toMatch(/^Digest realm="realname-platform", qop="auth", algorithm=MD5, nonce="[0-9a-z]+\.[\w-]{22}"/);
      }
    });
  });
});
