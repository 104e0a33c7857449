/**
 * Who a site agent is: the `Authorization: Bearer <token>` of its request, looked up by hash among
 * active `site_agent` credentials. Directus tokens and project-staff logins mean nothing here, and an
 * unknown, revoked or malformed token all get the same 401. Last use is stamped at most every 30 s.
 */
import type { Knex } from 'knex';
import { dbTimestamp, readTimestamp } from '../db/values';
import { AgentUnauthorizedError } from '../http/errors';
import { hashToken, isTokenShaped } from './token';

export interface SiteAgent {
  /** The credential's id (what `devices.agent` names). */
  id: number;
  name: string;
  project: number;
}

const STAMP_EVERY_MS = 30_000;

const refused = () => new AgentUnauthorizedError({ rule: 'AGENT_TOKEN_INVALID', message: '现场代理令牌无效或已吊销' });

export async function authenticateSiteAgent(database: Knex, authorization: string | undefined, ip: string | null, now = new Date()): Promise<SiteAgent> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token || !isTokenShaped(token)) throw refused();
  const row = await database('credentials').where({ token: hashToken(token) }).first('id', 'kind', 'name', 'project', 'status', 'last_used_at');
  if (!row || row.kind !== 'site_agent' || row.status !== 'active' || row.project === null || row.project === undefined) throw refused();
  const lastUsed = readTimestamp(row.last_used_at);
  if (!lastUsed || now.getTime() - Date.parse(lastUsed) > STAMP_EVERY_MS) {
    await database('credentials').where({ id: row.id }).update({ last_used_at: dbTimestamp(database, now), last_used_ip: ip?.slice(0, 64) ?? null });
  }
  return { id: Number(row.id), name: String(row.name), project: Number(row.project) };
}
