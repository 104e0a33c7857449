import { readTimestamp } from '../../../db/values';
import { projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';

/** GET /platform/punches?limit= — the project's newest punches. */
export async function listPunches({ req, database }: HandlerContext) {
  const scope = await projectScope(req, database);
  const limit = Math.min(200, Math.max(1, Number(req.query['limit']) || 50));
  const rows: { punched_at: unknown }[] = await database('punches')
    .leftJoin('people', 'people.id', 'punches.person')
    .leftJoin('devices', 'devices.id', 'punches.device')
    .select('punches.id', 'punches.punched_at', 'punches.direction', 'punches.verify_mode', 'punches.source', 'punches.device_pin', 'people.name', 'devices.name as device_name')
    .where('punches.project', scope.projectId)
    .orderBy('punches.punched_at', 'desc')
    .limit(limit);
  return rows.map((row) => ({ ...row, punched_at: readTimestamp(row.punched_at) }));
}
