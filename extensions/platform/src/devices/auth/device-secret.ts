/**
 * A device's secret as staff type it in 设备管理 (设备密钥): 8–32 URL-safe characters, since it is
 * also the last segment of a callback URL, and Hikvision's listening-host password field takes
 * 8–16 of them (its httpHosts capabilities: passwordLen 8–16). Pure.
 */

/** What Directus answers instead of a secret on every accountable read. */
export const MASKED_SECRET = '**********';

const SECRET_PATTERN = /^[A-Za-z0-9._~-]{8,32}$/;

export type SecretCheck = { ok: true } | { ok: false; message: string };

export function checkDeviceSecret(value: unknown): SecretCheck {
  if (typeof value !== 'string' || !SECRET_PATTERN.test(value)) {
    return { ok: false, message: '设备密钥须为 8–32 位字母、数字或 . _ ~ -（海康设备的认证密码最多 16 位）' };
  }
  return { ok: true };
}
