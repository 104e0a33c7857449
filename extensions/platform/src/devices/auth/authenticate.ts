/**
 * Whether a call comes from the device it names, as each vendor's firmware can prove it (see
 * devices/README.md, "Terminal authentication"):
 * - every vendor: the caller's address is in the device's allow-list, when it has one;
 * - ZKTeco PUSH: the firmware sends its communication key (`pushcommkey`) on the handshake only, so
 *   a handshake with the right key admits its address for PLATFORM_DEVICE_SESSION_HOURS; the
 *   device's other calls must come from that address within that time;
 * - Uniubi: the secret is the last segment of the callback URL (or `?key=`);
 * - Hikvision: the secret in the listening-host URL, or as the password of the listening host's
 *   digest (or basic) authentication.
 * A device bound to a project with neither a secret nor an allow-list is refused: its serial number
 * alone proves nothing. Pure.
 */
import type { DeviceProtocol } from '../../../../../schema/codes';
import type { AllowList } from './allow-list';
import { digestChallenge, sameText, verifyDigest, type Authorization, type DigestRequest } from './http-auth';

export interface DeviceAuth {
  /** The stored ciphertext of the device secret; null when none is set. */
  secretCipher: string | null;
  allowList: AllowList | null;
  /** ZKTeco: the address that last completed a handshake with the right key, and when (ms). */
  sessionIp: string | null;
  sessionAt: number | null;
}

export interface Presented {
  ip: string | null;
  /** The secret as the URL carries it (last path segment or `?key=`), or ZKTeco's `pushcommkey`. */
  key: string | null;
  authorization: Authorization | null;
  request: DigestRequest;
  /** A ZKTeco handshake (`GET /iclock/cdata?options=all`). */
  handshake: boolean;
}

export interface AuthSettings {
  sessionMs: number;
  /** Signs digest nonces (derived from Directus's SECRET). */
  digestKey: string;
}

export type Verdict =
  | { ok: true; /** A ZKTeco handshake that (re)opens the session for its address. */ session: boolean }
  | { ok: false; rule: string; message: string; challenge?: string; /** An expected event (a session that ran out), not an attack. */ routine?: boolean };

const refuse = (rule: string, message: string, extra: { challenge?: string; routine?: boolean } = {}): Verdict => ({ ok: false, rule, message, ...extra });

export function judgeDevice(
  device: { protocol: DeviceProtocol; bound: boolean },
  auth: DeviceAuth,
  /** The clear-text secret (null: none set, or unreadable when `auth.secretCipher` is set). */
  secret: string | null,
  presented: Presented,
  settings: AuthSettings,
  now: number,
): Verdict {
  if (auth.allowList && !auth.allowList.allows(presented.ip)) {
    return refuse('DEVICE_ADDRESS_NOT_ALLOWED', `来源地址 ${presented.ip ?? '未知'} 不在该设备允许的来源地址中`);
  }
  if (auth.secretCipher === null) {
    if (auth.allowList || !device.bound) return { ok: true, session: false };
    return refuse('DEVICE_NO_CREDENTIALS', '该设备未设置设备密钥或允许的来源地址，请在设备管理中设置后再上传');
  }
  if (secret === null) return refuse('DEVICE_SECRET_UNREADABLE', '设备密钥无法读取（服务器密钥 SECRET 已更换？），请在设备管理中重新设置');
  const keyMatches = presented.key !== null && sameText(presented.key, secret);
  switch (device.protocol) {
    case 'zkteco': {
      if (presented.handshake) return keyMatches ? { ok: true, session: true } : refuse('DEVICE_KEY_WRONG', presented.key ? '通讯密钥不正确' : '握手未带通讯密钥（pushcommkey）');
      const sameAddress = auth.sessionIp !== null && auth.sessionIp === presented.ip;
      if (sameAddress && auth.sessionAt !== null && now - auth.sessionAt <= settings.sessionMs) return { ok: true, session: false };
      return refuse('DEVICE_SESSION_REQUIRED', '请先用通讯密钥握手（设备会自动重新连接）', { routine: sameAddress });
    }
    case 'uniubi':
      return keyMatches ? { ok: true, session: false } : refuse('DEVICE_KEY_WRONG', presented.key ? '回调地址中的设备密钥不正确' : '回调地址未带设备密钥');
    case 'hikvision': {
      const credential = presented.authorization;
      const proven =
        keyMatches ||
        (credential?.scheme === 'basic' && sameText(credential.password, secret)) ||
        (credential?.scheme === 'digest' && verifyDigest(credential.params, presented.request, secret, settings.digestKey, now));
      if (proven) return { ok: true, session: false };
      return refuse('DEVICE_KEY_WRONG', credential || presented.key ? '设备密钥或认证密码不正确' : '未带设备密钥或认证信息', { challenge: digestChallenge(settings.digestKey, now) });
    }
  }
}
