import type { Response } from 'express';
import { createService } from '../../../directus';
import { authorizeFileView } from '../../../personal-data/view-file';
import type { HandlerContext } from '../context';

/**
 * POST /platform/studio/files `{ collection, id, field, file?, reason? }` — one private photo of a
 * record for bureau staff, streamed after its view is audited (a POST, so no URL to share or cache).
 */
export async function postStudioFile(ctx: HandlerContext, res: Response): Promise<void> {
  const { fileId } = await authorizeFileView(ctx.database, ctx.req.accountability?.user, ctx.req.body);
  const assets = await createService(ctx, 'AssetsService');
  const { stream, file } = await assets.getAsset(fileId, { transformationParams: {} });
  res.setHeader('Content-Type', file.type ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'private, no-store');
  stream.pipe(res);
}
