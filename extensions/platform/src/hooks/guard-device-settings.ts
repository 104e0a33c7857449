import type { Knex } from 'knex';
import { normaliseApiUrl } from '../devices/api-url';
import { MASKED_SECRET } from '../devices/auth/device-secret';
import type { DirectusApi } from '../directus';
import { invalid } from '../http/errors';
import { mayUpdateItems, type Accountability } from '../http/item-permissions';

interface FilterRegistrar {
  (event: string, handler: (payload: unknown, meta: Record<string, unknown>, context: { accountability?: Accountability | null; database?: Knex }) => unknown): void;
}

type Payload = Record<string, unknown>;

/**
 * A device's terminal API settings as bureau staff save them (studio or API): the 终端接口地址 is a
 * plain http(s) base URL (stored normalised); an emptied field is null; the masked password read
 * back and saved again keeps the stored one (as 设备密钥 does: validate-device-settings.ts); a 现场代理 must be an active site-agent credential of the
 * device's own project (also when the device moves to another project).
 */
export function guardDeviceSettings(filter: FilterRegistrar, api: DirectusApi): void {
  // A create's filter runs inside Directus's transaction: its reads go through that transaction
  // (on SQLite, with one connection, any other read would wait for it forever).
  filter('devices.items.create', (payload, _meta, context) => checkSettings(context.database ?? api.database, asPayload(payload), []));
  filter('devices.items.update', async (payload, meta, context) => {
    const keys = (Array.isArray(meta['keys']) ? meta['keys'] : []).map(Number).filter(Number.isInteger);
    if (context.accountability && !(await mayUpdateItems(api, context.accountability, 'devices', keys))) return payload;
    return checkSettings(context.database ?? api.database, asPayload(payload), keys);
  });
}

function asPayload(payload: unknown): Payload {
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? { ...(payload as Payload) } : {};
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

async function checkSettings(database: Knex, payload: Payload, keys: number[]): Promise<Payload> {
  if ('api_url' in payload) {
    const value = payload['api_url'];
    if (blank(value)) payload['api_url'] = null;
    else if (typeof value === 'string') payload['api_url'] = normaliseApiUrl(value);
    else throw invalid('DEVICE_API_URL', '终端接口地址格式不正确', 'api_url');
  }
  if ('api_user' in payload) payload['api_user'] = blank(payload['api_user']) ? null : String(payload['api_user']).trim();
  if ('api_password' in payload) {
    if (payload['api_password'] === MASKED_SECRET) delete payload['api_password'];
    else if (payload['api_password'] === '' || payload['api_password'] === undefined) payload['api_password'] = null;
  }
  if (!('agent' in payload) && !('project' in payload)) return payload;
  const rows: { project: unknown; agent: unknown }[] = keys.length ? await database('devices').whereIn('id', keys).select('project', 'agent') : [{ project: null, agent: null }];
  for (const row of rows) {
    const agent = 'agent' in payload ? keyOf(payload['agent']) : keyOf(row.agent);
    if (agent === null) continue;
    const project = 'project' in payload ? keyOf(payload['project']) : keyOf(row.project);
    const credential = await database('credentials').where({ id: agent }).first('kind', 'status', 'project');
    if (!credential || credential.kind !== 'site_agent' || credential.status !== 'active' || project === null || Number(credential.project) !== project) {
      throw invalid('DEVICE_AGENT_INVALID', '现场代理须为该设备所属项目的有效现场代理凭证；设备换项目时请先清除现场代理', 'agent');
    }
  }
  return payload;
}

/** A many-to-one value as Directus accepts it: a key, or an object with `id`. */
function keyOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const key = typeof value === 'object' ? (value as { id?: unknown }).id : value;
  const number = Number(key);
  return Number.isInteger(number) ? number : null;
}
