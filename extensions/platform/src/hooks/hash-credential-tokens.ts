import type { Knex } from 'knex';
import { hashToken, isTokenShaped, tokenHint } from '../credentials/token';
import type { DirectusApi } from '../directus';
import { conflict, invalid } from '../http/errors';
import { mayUpdateItems, type Accountability } from '../http/item-permissions';

interface FilterRegistrar {
  (event: string, handler: (payload: unknown, meta: Record<string, unknown>, context: { accountability?: Accountability | null; database?: Knex }) => unknown): void;
}

type Payload = Record<string, unknown>;

/**
 * 接入凭证: a token reaches the database only as its SHA-256 (the studio's 生成令牌 saves the
 * token it shows once; an API client may send one it made), with its last four characters and when
 * it was issued. Revoking stamps the time and is final; a site-agent credential needs its project.
 * Whatever else happens to the request, a plaintext token is never passed on.
 */
export function hashCredentialTokens(filter: FilterRegistrar, api: DirectusApi): void {
  filter('credentials.items.create', (payload, _meta, context) => prepareCredential(context.database ?? api.database, asPayload(payload), null));
  filter('credentials.items.update', async (payload, meta, context) => {
    const keys = (Array.isArray(meta['keys']) ? meta['keys'] : []).map(Number).filter(Number.isInteger);
    // Without permission Directus refuses the update itself (403); nothing about the rows is told.
    if (context.accountability && !(await mayUpdateItems(api, context.accountability, 'credentials', keys))) return hashTokenIn(asPayload(payload));
    return prepareCredential(context.database ?? api.database, asPayload(payload), keys);
  });
}

function asPayload(payload: unknown): Payload {
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? { ...(payload as Payload) } : {};
}

/** The payload with its token replaced by the hash, the hint taken from the plaintext (a malformed token becomes empty). */
function hashTokenIn(payload: Payload): Payload {
  if (!('token' in payload)) return payload;
  const token = payload['token'];
  if (token === null || token === '') return { ...payload, token: null, token_hint: null };
  if (typeof token !== 'string' || !isTokenShaped(token)) return { ...payload, token: null };
  return { ...payload, token: hashToken(token), token_hint: tokenHint(token), issued_at: new Date().toISOString() };
}

async function prepareCredential(database: Knex, payload: Payload, keys: number[] | null): Promise<Payload> {
  const token = payload['token'];
  if (token !== undefined && token !== null && token !== '' && (typeof token !== 'string' || !isTokenShaped(token))) {
    throw invalid('CREDENTIAL_TOKEN_FORMAT', '令牌须为 24 至 256 位、不含空格的字符', 'token');
  }
  const out = hashTokenIn(payload);
  const now = new Date().toISOString();
  if (keys === null) {
    if ((out['kind'] ?? 'site_agent') === 'site_agent' && !out['project']) throw invalid('CREDENTIAL_PROJECT_REQUIRED', '现场代理凭证必须选择项目', 'project');
    if (out['status'] === 'revoked') out['revoked_at'] = now;
    return out;
  }
  const rows: { status: string; kind: string }[] = keys.length ? await database('credentials').whereIn('id', keys).select('status', 'kind') : [];
  const revoked = rows.some((row) => row.status === 'revoked');
  if (revoked && out['status'] === 'active') throw conflict('CREDENTIAL_REVOKED', '已吊销的凭证不能恢复，请新建凭证');
  if (revoked && typeof out['token'] === 'string') throw conflict('CREDENTIAL_REVOKED', '已吊销的凭证不能再生成令牌，请新建凭证');
  if (out['status'] === 'revoked' && !revoked) out['revoked_at'] = now;
  if ('project' in out && !out['project'] && rows.some((row) => row.kind === 'site_agent')) throw invalid('CREDENTIAL_PROJECT_REQUIRED', '现场代理凭证必须选择项目', 'project');
  return out;
}
