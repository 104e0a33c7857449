import type { Knex } from 'knex';
import { parseAllowList } from '../devices/auth/allow-list';
import { checkDeviceSecret, MASKED_SECRET } from '../devices/auth/device-secret';
import { invalid } from '../http/errors';

interface FilterRegistrar {
  (event: string, handler: (payload: unknown, meta: Record<string, unknown>, context: { database: Knex }) => unknown): void;
}

type Payload = Record<string, unknown>;

/**
 * Device settings staff save in 设备管理 (studio or API), checked before Directus writes them:
 * - 设备密钥 (`auth_secret`) is 8–32 URL-safe characters; the masked `**********` a read returns,
 *   sent back by a client that saves a whole item, leaves the stored secret as it is;
 * - 允许的来源地址 (`allowed_ips`) holds only addresses and ranges;
 * - a device is not active without a secret or an allow-list, since its serial number proves nothing.
 */
export function validateDeviceSettings(filter: FilterRegistrar): void {
  filter('devices.items.create', (payload) => check(payload as Payload, []));
  filter('devices.items.update', async (payload, meta, { database }) => {
    const keys = Array.isArray(meta['keys']) ? meta['keys'] : [];
    const stored = keys.length ? await database('devices').select('status', 'auth_secret', 'allowed_ips').whereIn('id', keys) : [];
    return check(payload as Payload, stored);
  });
}

function check(payload: Payload, stored: readonly Payload[]): Payload {
  if (!payload || typeof payload !== 'object') return payload;
  const next: Payload = { ...payload };
  if ('auth_secret' in next) {
    const secret = next['auth_secret'];
    if (secret === MASKED_SECRET) delete next['auth_secret'];
    else if (secret === '' || secret === null) next['auth_secret'] = null;
    else {
      const result = checkDeviceSecret(secret);
      if (!result.ok) throw invalid('DEVICE_SECRET_INVALID', result.message, 'auth_secret');
    }
  }
  if ('allowed_ips' in next && typeof next['allowed_ips'] === 'string' && next['allowed_ips'].trim() !== '') {
    const { problems } = parseAllowList(next['allowed_ips']);
    if (problems.length) throw invalid('ALLOWED_IPS_INVALID', `允许的来源地址中有无法识别的内容：${problems.slice(0, 5).join('、')}（每行一个 IP 或网段，如 223.85.10.0/24）`, 'allowed_ips');
  }
  const rows = stored.length ? stored : [{}];
  for (const row of rows) {
    const merged = { ...row, ...next };
    const credentials = Boolean(merged['auth_secret']) || parseAllowList(merged['allowed_ips'] as string | null).list !== null;
    if (merged['status'] === 'active' && !credentials) {
      throw invalid('DEVICE_CREDENTIALS_REQUIRED', '启用设备前请设置设备密钥（与设备上配置的一致）或允许的来源地址：仅凭序列号无法确认是哪台设备在上传', 'auth_secret');
    }
  }
  return next;
}
