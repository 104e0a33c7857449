import type { Knex } from 'knex';
import type { Response } from 'express';
import { notYours } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { createService } from '../../../directus';
import type { HandlerContext } from '../context';

/** The employment columns that hold a file the project stored for the person. */
export const EMPLOYMENT_FILE_COLUMNS = ['id_front', 'id_back', 'photo', 'face_photo', 'face_device_photo'] as const;

/**
 * GET /platform/files/:id — a private image (ID card, 本人照片, face, contract photo, certificate)
 * streamed to project staff only when their project stored it: through one of its employments (on
 * site or exited: each project reads what it recorded, never what another project recorded for the
 * same person), a contract of one of them, or one of its key posts. Anything else is 403.
 */
export async function streamFile(ctx: HandlerContext, res: Response): Promise<void> {
  const { req, database } = ctx;
  const scope = await projectScope(req, database);
  const id = String(req.params['id'] ?? '');
  if (!/^[0-9a-f-]{36}$/i.test(id) || !(await fileOfProject(database, id, scope.projectId))) throw notYours();
  const assets = await createService(ctx, 'AssetsService');
  const { stream, file } = await assets.getAsset(id, { transformationParams: {} });
  res.setHeader('Content-Type', file.type ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'private, max-age=300');
  stream.pipe(res);
}

/** Whether project `projectId` stored file `fileId` (an employment's photo, a contract photo, a certificate). */
export async function fileOfProject(database: Knex, fileId: string, projectId: number): Promise<boolean> {
  const employment = await database('employments')
    .where('project', projectId)
    .andWhere((w) => {
      for (const column of EMPLOYMENT_FILE_COLUMNS) w.orWhere(column, fileId);
    })
    .first('id');
  if (employment) return true;
  const contract = await database('contracts_files')
    .join('contracts', 'contracts.id', 'contracts_files.contracts_id')
    .join('employments', 'employments.id', 'contracts.employment')
    .where({ 'contracts_files.directus_files_id': fileId, 'employments.project': projectId })
    .first('contracts.id');
  if (contract) return true;
  return Boolean(await database('key_posts').where({ certificate: fileId, project: projectId }).first('id'));
}
