/**
 * The Hikvision/Uniubi terminals a deliverer serves, with their API settings: those the platform
 * reaches itself (no 现场代理), or those of one site agent (its project's devices that name it).
 * Read through Directus with no accountability — the one read that decrypts `api_password`.
 */
import { createItemsService, type DirectusApi } from '../directus';
import { TERMINAL_VENDORS, type TerminalTarget, type TerminalVendor } from './delivery/types';

export interface DeliveryTarget extends TerminalTarget {
  sn: string;
  name: string | null;
  project: number;
  /** When these settings were read (a delivery made with them fails "stale" if they change after). */
  readAt: Date;
}

/** `agent: null` — the platform's own; `{ agent, project }` — a site agent's. */
export type TargetScope = { agent: null } | { agent: number; project: number };

/** The terminals of `scope` (only `ids`, when given). */
export async function loadDeliveryTargets(api: DirectusApi, scope: TargetScope, ids?: readonly number[]): Promise<DeliveryTarget[]> {
  const readAt = new Date();
  const service = await createItemsService(api, 'devices');
  const filter: Record<string, unknown>[] = [
    { status: { _eq: 'active' } },
    { project: { _nnull: true } },
    { protocol: { _in: TERMINAL_VENDORS } },
    { api_url: { _nnull: true } },
    scope.agent === null ? { agent: { _null: true } } : { agent: { _eq: scope.agent } },
  ];
  if (scope.agent !== null) filter.push({ project: { _eq: scope.project } });
  if (ids) filter.push({ id: { _in: ids } });
  const rows: Record<string, unknown>[] = await service.readByQuery({
    fields: ['id', 'sn', 'name', 'project', 'protocol', 'api_url', 'api_user', 'api_password'],
    filter: { _and: filter },
    sort: ['id'],
    limit: -1,
  });
  return rows
    .filter((row) => typeof row['api_url'] === 'string' && row['api_url'].trim() !== '')
    .map((row) => ({
      id: Number(row['id']),
      sn: String(row['sn']),
      name: row['name'] === null || row['name'] === undefined ? null : String(row['name']),
      project: Number(row['project']),
      vendor: row['protocol'] as TerminalVendor,
      apiUrl: String(row['api_url']).trim(),
      apiUser: typeof row['api_user'] === 'string' && row['api_user'] !== '' ? row['api_user'] : null,
      apiPassword: typeof row['api_password'] === 'string' ? row['api_password'] : null,
      readAt,
    }));
}

/** Whether two reads of a terminal would reach it the same way. */
export function sameSettings(a: DeliveryTarget, b: DeliveryTarget): boolean {
  return a.vendor === b.vendor && a.apiUrl === b.apiUrl && a.apiUser === b.apiUser && a.apiPassword === b.apiPassword;
}
