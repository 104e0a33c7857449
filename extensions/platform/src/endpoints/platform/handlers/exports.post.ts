import { createExportLink, type ExportLink } from '../../../exports/pipeline';
import type { HandlerContext } from '../context';

/**
 * POST /platform/exports `{ kind: 'roster' | 'attendance-month' | …, project?, ...params }` — checks
 * the request and answers `{ url, filename, expiresAt }`: a signed download link valid for a few
 * minutes. Project staff export their own project (`project` may be left out); bureau staff name it.
 */
export async function postExport({ req, database, env }: HandlerContext): Promise<ExportLink> {
  return createExportLink({ database, env }, req.accountability?.user, req.body, publicOrigin(req, env));
}

/** Where links point: PUBLIC_URL when it is an absolute URL, else the host the request came to. */
export function publicOrigin(req: HandlerContext['req'], env: Record<string, unknown>): string {
  const configured = env['PUBLIC_URL'];
  if (typeof configured === 'string' && /^https?:\/\//.test(configured)) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
