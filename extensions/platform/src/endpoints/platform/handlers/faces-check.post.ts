import type { FaceCaptureResult } from '../../../../../../schema/api/faces';
import { uploadLimits } from '../../../config';
import { captureFace } from '../../../faces/capture-face';
import { faceEngine } from '../../../faces/face-engine';
import { projectScope } from '../../../http/scope';
import { readImageUpload } from '../../../http/upload';
import type { HandlerContext } from '../context';

/**
 * POST /platform/faces/:employmentId/check (multipart `file`: one JPEG/PNG/WebP ≤ 10 MB) — 核验.
 * Always answers the verdict (`passed`, Chinese `reasons`, per-rule `checks` with measured values);
 * on pass the photo is saved and queued for the site's devices, on fail nothing is saved.
 */
export async function postFaceCheck(ctx: HandlerContext): Promise<FaceCaptureResult> {
  const scope = await projectScope(ctx.req, ctx.database);
  const employmentId = Number.parseInt(String(ctx.req.params['employmentId'] ?? ''), 10) || 0;
  const image = await readImageUpload(ctx.req, uploadLimits(ctx.env));
  return captureFace(ctx, faceEngine(), { employmentId, image, scope });
}
