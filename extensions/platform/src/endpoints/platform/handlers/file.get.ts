import type { Response } from 'express';
import { KEY_POST_HOLDING_STATUSES } from '../../../../../../schema/codes';
import { notYours } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { createService } from '../../../directus';
import type { HandlerContext } from '../context';

/**
 * GET /platform/files/:id — a private image (ID card, face, contract photo, certificate) streamed
 * to project staff only when it belongs to someone or something of their project.
 */
export async function streamFile(ctx: HandlerContext, res: Response): Promise<void> {
  const { req, database } = ctx;
  const scope = await projectScope(req, database);
  const id = String(req.params['id'] ?? '');
  if (!/^[0-9a-f-]{36}$/i.test(id) || !(await fileBelongsToProject(ctx, id, scope.projectId))) throw notYours();
  const assets = await createService(ctx, 'AssetsService');
  const { stream, file } = await assets.getAsset(id, { transformationParams: {} });
  res.setHeader('Content-Type', file.type ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'private, max-age=300');
  stream.pipe(res);
}

async function fileBelongsToProject({ database }: HandlerContext, fileId: string, projectId: number): Promise<boolean> {
  const person = await database('people')
    .join('employments', 'employments.person', 'people.id')
    .where('employments.project', projectId)
    .andWhere((w) => w.where('people.id_front', fileId).orWhere('people.id_back', fileId).orWhere('people.face_photo', fileId).orWhere('people.face_device_photo', fileId).orWhere('people.photo', fileId))
    .first('people.id');
  if (person) return true;
  const contract = await database('contracts_files')
    .join('contracts', 'contracts.id', 'contracts_files.contracts_id')
    .join('employments', 'employments.id', 'contracts.employment')
    .where({ 'contracts_files.directus_files_id': fileId, 'employments.project': projectId })
    .first('contracts.id');
  if (contract) return true;
  const keyPost = await database('key_posts').where({ certificate: fileId, project: projectId }).first('id');
  if (keyPost) return true;
  // A key-post applicant need not be on site yet: their ID photos belong to the project they applied to.
  const holder = await database('people')
    .join('key_posts', 'key_posts.person', 'people.id')
    .where('key_posts.project', projectId)
    .whereIn('key_posts.status', KEY_POST_HOLDING_STATUSES)
    .andWhere((w) => w.where('people.id_front', fileId).orWhere('people.id_back', fileId))
    .first('people.id');
  return Boolean(holder);
}
