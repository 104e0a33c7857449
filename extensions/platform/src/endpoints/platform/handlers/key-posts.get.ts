import type { KeyPostDetail, KeyPostSlot } from '../../../../../../schema/api/key-posts';
import { labelOf, MANAGEMENT_POSTS, PARTICIPATION_TYPES } from '../../../../../../schema/codes';
import { notYours } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { buildBoard, toHolder } from '../../../key-posts/board';
import { keyPostRecords, projectUnits } from '../../../key-posts/records';
import type { HandlerContext } from '../context';

/** GET /platform/key-posts — the project's key-post board: every required post with its holder or nobody. */
export async function listKeyPosts({ req, database }: HandlerContext): Promise<KeyPostSlot[]> {
  const scope = await projectScope(req, database);
  return buildBoard(await projectUnits(database, scope.projectId), await keyPostRecords(database, scope.projectId));
}

/** GET /platform/key-posts/:id — one key post of the project, as the exit form shows it (ID number masked). */
export async function getKeyPost({ req, database }: HandlerContext): Promise<KeyPostDetail> {
  const scope = await projectScope(req, database);
  const id = Number(req.params['id']);
  const [record] = Number.isInteger(id) && id > 0 ? await keyPostRecords(database, scope.projectId, id) : [];
  if (!record) throw notYours();
  return {
    ...toHolder(record),
    unit_role: record.unit_role,
    unit_role_label: labelOf(PARTICIPATION_TYPES, record.unit_role) ?? record.unit_role,
    post: record.post,
    post_label: labelOf(MANAGEMENT_POSTS, record.post) ?? record.post,
  };
}
