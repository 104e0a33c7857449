import { FACE_LIST_LABELS, FACE_LIST_PAGE_SIZE, FaceListQuery, type FaceListItem, type FacePage, type FacePerson } from '../../../../../../schema/api/faces';
import { maskIdNumber } from '../../../../../../schema/rules/id-card';
import { readTimestamp } from '../../../db/values';
import { conflict, notYours } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';
import { likeContains } from './people.get';

interface FaceRow {
  id: number;
  name: string;
  id_number: string;
  role: string;
  trade: string;
  team_id: number;
  team_name: string | null;
  face_photo: string | null;
  face_device_photo: string | null;
  face_check: unknown;
}

/** When the accepted photo was checked, from the stored `face_check` (JSON text on SQLite). */
function checkedAt(faceCheck: unknown): string | null {
  const record = typeof faceCheck === 'string' ? (JSON.parse(faceCheck) as unknown) : faceCheck;
  const at = record && typeof record === 'object' && 'checked_at' in record ? (record as { checked_at: unknown }).checked_at : null;
  return typeof at === 'string' ? readTimestamp(at) : null;
}

const toItem = (row: FaceRow): FaceListItem => ({
  id: Number(row.id),
  name: row.name,
  id_number: maskIdNumber(row.id_number),
  role: row.role,
  trade: row.trade,
  team: { id: Number(row.team_id), name: row.team_name },
  face_photo: row.face_photo,
  face_device_photo: row.face_device_photo,
  has_face: Boolean(row.face_photo),
  face_checked_at: row.face_photo ? checkedAt(row.face_check) : null,
});

/**
 * GET /platform/faces?q=&team=&missing=1&page= — 人脸采集: the project's on-site people with their
 * face status, searchable by 姓名 and 班组, optionally only those without a face photo; masked.
 * `total` counts what the list shows, `missing_total` those of the same search without a face photo.
 */
export async function listFaces({ req, database }: HandlerContext): Promise<FacePage> {
  const scope = await projectScope(req, database);
  const query = parseInput(FaceListQuery, req.query, FACE_LIST_LABELS);
  // Both counts come from the same search: 「共1人」 next to 「未采集 2 人」 would contradict each other.
  const searched = database('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .where({ 'employments.project': scope.projectId, 'employments.status': 'on_site' })
    .modify((q) => {
      if (query.q) {
        const pattern = likeContains(query.q);
        q.andWhere((w) => w.whereRaw(`people.name like ? escape '\\'`, [pattern]).orWhereRaw(`teams.name like ? escape '\\'`, [pattern]));
      }
      if (query.team) q.andWhere('employments.team', query.team);
    });
  const filtered = searched.clone().modify((q) => {
    if (query.missing === '1') q.whereNull('employments.face_photo');
  });
  const [[total], [missing]] = await Promise.all([
    filtered.clone().count({ n: '*' }),
    searched.clone().whereNull('employments.face_photo').count({ n: '*' }),
  ]);
  const rows: FaceRow[] = await filtered
    .clone()
    .select(
      'employments.id',
      'employments.role',
      'employments.trade',
      'employments.team as team_id',
      'teams.name as team_name',
      'people.name',
      'people.id_number',
      'employments.face_photo',
      'employments.face_device_photo',
      'employments.face_check',
    )
    // Those still without a face first: they are the work to do.
    .orderByRaw('case when employments.face_photo is null then 0 else 1 end')
    .orderBy('employments.id', 'desc')
    .limit(FACE_LIST_PAGE_SIZE)
    .offset((query.page - 1) * FACE_LIST_PAGE_SIZE);
  return {
    total: Number(total?.['n'] ?? 0),
    missing_total: Number(missing?.['n'] ?? 0),
    page: query.page,
    page_size: FACE_LIST_PAGE_SIZE,
    items: rows.map(toItem),
  };
}

/** GET /platform/faces/:employmentId — one on-site person for the 采集 page (masked). */
export async function getFace({ req, database }: HandlerContext): Promise<FacePerson> {
  const scope = await projectScope(req, database);
  const employmentId = Number.parseInt(String(req.params['employmentId'] ?? ''), 10) || 0;
  const row = await database('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .select(
      'employments.id',
      'employments.project',
      'employments.status',
      'employments.role',
      'employments.trade',
      'employments.team as team_id',
      'teams.name as team_name',
      'people.name',
      'people.id_number',
      'employments.id_front',
      'people.id_front as identity_front',
      'employments.face_photo',
      'employments.face_device_photo',
      'employments.face_check',
    )
    .where('employments.id', employmentId)
    .first();
  if (!row || Number(row.project) !== scope.projectId) throw notYours();
  if (row.status !== 'on_site') throw conflict('NOT_ON_SITE', '该人员已退场，无需采集人脸');
  return { ...toItem(row as FaceRow), has_id_front: Boolean(row.id_front ?? row.identity_front) };
}
