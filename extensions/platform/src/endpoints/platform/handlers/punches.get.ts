import { PUNCH_LIST_LABELS, PunchListQuery, type Punch } from '../../../../../../schema/api/site';
import { dbTimestamp, readNumber, readText, readTimestamp } from '../../../db/values';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';
import { likeContains } from './people.get';

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
export async function listPunches({ req, database }: HandlerContext): Promise<Punch[]> {
  const scope = await projectScope(req, database);
  const query = parseInput(PunchListQuery, req.query, PUNCH_LIST_LABELS);
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
  return rows.map((row) => ({
    id: Number(row.id),
    punched_at: readTimestamp(row.punched_at) ?? '',
    direction: (row['direction'] as Punch['direction']) ?? null,
    verify_mode: readText(row['verify_mode']),
    source: row['source'] as Punch['source'],
    device_pin: readText(row['device_pin']),
    reason: readText(row['reason']),
    employment: readNumber(row['employment']),
    name: readText(row['name']),
    team: readNumber(row['team']),
    team_name: readText(row['team_name']),
    device: readNumber(row['device']),
    device_name: readText(row['device_name']),
  }));
}
