import type { ExportLink, ExportRequest } from '../../../schema/api';
import { call, client } from './client';

export type { ExportLink, ExportRequest, RosterStatus } from '../../../schema/api';

/**
 * Asks for a signed link. The server builds it from its PUBLIC_URL; it is re-based on the origin this
 * app talks to, so the download stays same-origin (CSP `connect-src 'self'`) whatever host name was used.
 */
export async function requestExport(request: ExportRequest): Promise<ExportLink> {
  const link = await call<ExportLink>('/platform/exports', { method: 'POST', body: request });
  const signed = new URL(link.url, client.url);
  return { ...link, url: new URL(`${signed.pathname}${signed.search}`, client.url).toString() };
}
