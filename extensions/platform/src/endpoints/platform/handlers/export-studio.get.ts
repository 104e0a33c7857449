import type { Response } from 'express';
import { notYours } from '../../../http/errors';
import { createExportLink, FILE_PATH } from '../../../exports/pipeline';
import { exportViewer } from '../../../exports/viewer';
import type { HandlerContext } from '../context';

/**
 * GET /platform/exports/studio?kind=roster&project=ID[&status=…|&month=YYYY-MM] — the studio's
 * 导出花名册 / 导出考勤表 buttons on a project (cookie session). Bureau staff and administrators
 * only; redirects to a freshly signed file link, so the download is checked and audited like any other.
 */
export async function redirectStudioExport({ req, database, env }: HandlerContext, res: Response): Promise<void> {
  const userId = req.accountability?.user;
  const viewer = await exportViewer(database, userId);
  if (viewer.role !== 'bureau') throw notYours();
  const link = await createExportLink({ database, env }, userId, req.query, '');
  // Relative to this endpoint, so it works behind any proxy or path prefix.
  res.redirect(302, `file${link.url.slice(FILE_PATH.length)}`);
}
