import { projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';

/** GET /platform/teams?q= — the project's teams with their unit and on-site headcount. */
export async function listTeams({ req, database }: HandlerContext) {
  const scope = await projectScope(req, database);
  const q = typeof req.query['q'] === 'string' ? req.query['q'].trim() : '';
  const onSite = database('employments').count('*').where('employments.team', database.ref('teams.id')).andWhere('employments.status', 'on_site').as('on_site');
  const rows: { on_site: number | string; [column: string]: unknown }[] = await database('teams')
    .leftJoin('units', 'units.id', 'teams.unit')
    .select('teams.id', 'teams.name', 'teams.kind', 'teams.trade', 'teams.status', 'teams.leader_name', 'units.name as unit_name', onSite)
    .where('teams.project', scope.projectId)
    .modify((query) => {
      if (q) query.andWhere('teams.name', 'like', `%${q}%`);
    })
    .orderBy('teams.id');
  return rows.map((row) => ({ ...row, on_site: Number(row.on_site) }));
}
