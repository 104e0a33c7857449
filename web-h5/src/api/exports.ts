import { call, client } from './client';

/** Who is on the 花名册: on site (default), exited, or everyone who ever was. */
export type RosterStatus = 'on_site' | 'exited' | 'all';

/**
 * One export the server offers (`POST /platform/exports`). Project staff always export their own
 * project; other kinds (the payroll bank file) add their parameters the same way.
 */
export type ExportRequest =
  | { kind: 'roster'; status?: RosterStatus }
  | { kind: 'attendance-month'; month?: string }
  | { kind: string; [param: string]: string | number | undefined };

/** A signed link to the built file, valid for a few minutes, and the name to save it under. */
export interface ExportLink {
  url: string;
  filename: string;
  /** ISO timestamp. */
  expiresAt: string;
}

/**
 * Asks for a signed link. The server builds it from its PUBLIC_URL; it is re-based on the origin this
 * app talks to, so the download stays same-origin (CSP `connect-src 'self'`) whatever host name was used.
 */
export async function requestExport(request: ExportRequest): Promise<ExportLink> {
  const link = await call<ExportLink>('/platform/exports', { method: 'POST', body: request });
  const signed = new URL(link.url, client.url);
  return { ...link, url: new URL(`${signed.pathname}${signed.search}`, client.url).toString() };
}
