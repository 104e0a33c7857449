import type { Response } from 'express';
import { buildExportDownload, downloadHeaders } from '../../../exports/pipeline';
import type { HandlerContext } from '../context';

/**
 * GET /platform/exports/file?token=… — the file behind a signed link (no login needed: the token
 * is the proof; the user it names is checked again). Sent whole with Content-Length so the H5 can
 * show progress; the download is audited.
 */
export async function streamExportFile({ req, database, env }: HandlerContext, res: Response): Promise<void> {
  const download = await buildExportDownload({ database, env }, req.query['token']);
  res.status(200).set(downloadHeaders(download)).end(download.body);
}
