import { z } from 'zod';
import { dbTimestamp, readTimestamp } from '../../../db/values';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';
import { likeContains } from './people.get';

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const positiveId = (label: string) => z.preprocess(emptyToUndefined, z.coerce.number({ error: `${label}不正确` }).int(`${label}不正确`).positive(`${label}不正确`).optional());

const PunchListQuery = z.object({
  limit: z.preprocess(emptyToUndefined, z.coerce.number({ error: '条数不正确' }).int('条数不正确').min(1, '条数至少为 1').max(200, '条数不能超过 200').default(50)),
  team: positiveId('班组'),
  device: positiveId('设备'),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(50, '姓名不能超过 50 个字').optional()),
  /** Keyset cursor: the last row shown (its punched_at and id); the next page is older. */
  before: z.preprocess(emptyToUndefined, z.iso.datetime({ offset: true, error: '分页位置不正确' }).optional()),
  before_id: positiveId('分页位置'),
});

interface PunchRow {
  id: number;
  punched_at: unknown;
  [column: string]: unknown;
}

/**
 * GET /platform/punches?limit=&team=&device=&q=&before=&before_id= — the caller's project's punches,
 * newest first (出勤记录). Pages by keyset (`before` + `before_id` of the last row), so new punches
 * arriving while someone scrolls never shift or repeat rows. A punch whose device PIN matched
 * nobody has a null name and shows its PIN.
 */
export async function listPunches({ req, database }: HandlerContext) {
  const scope = await projectScope(req, database);
  const query = parseInput(PunchListQuery, req.query, { limit: '条数', team: '班组', device: '设备', q: '姓名', before: '分页位置', before_id: '分页位置' });
  const rows: PunchRow[] = await database('punches')
    .leftJoin('employments', 'employments.id', 'punches.employment')
    .leftJoin('people', 'people.id', 'punches.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .leftJoin('devices', 'devices.id', 'punches.device')
    .select(
      'punches.id',
      'punches.punched_at',
      'punches.direction',
      'punches.verify_mode',
      'punches.source',
      'punches.device_pin',
      'punches.reason',
      'punches.employment',
      'people.name',
      'teams.id as team',
      'teams.name as team_name',
      'devices.id as device',
      'devices.name as device_name',
    )
    .where('punches.project', scope.projectId)
    .modify((q) => {
      if (query.team !== undefined) q.andWhere('employments.team', query.team);
      if (query.device !== undefined) q.andWhere('punches.device', query.device);
      const text = query.q;
      if (text) q.andWhere((w) => w.whereRaw(`people.name like ? escape '\\'`, [likeContains(text)]).orWhere('punches.device_pin', text));
      if (query.before !== undefined) {
        const before = dbTimestamp(database, query.before);
        const beforeId = query.before_id ?? 0;
        q.andWhere((w) => w.where('punches.punched_at', '<', before).orWhere((same) => same.where('punches.punched_at', before).andWhere('punches.id', '<', beforeId)));
      }
    })
    .orderBy([
      { column: 'punches.punched_at', order: 'desc' },
      { column: 'punches.id', order: 'desc' },
    ])
    .limit(query.limit);
  return rows.map((row) => ({ ...row, punched_at: readTimestamp(row.punched_at) }));
}
