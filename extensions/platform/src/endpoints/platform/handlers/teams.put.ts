import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { updateTeam } from '../../../teams/save-team';
import { TEAM_LABELS, TeamInput, type Team } from '../../../../../../schema/api/teams';
import type { HandlerContext } from '../context';
import { findTeam } from './teams.get';

/** PUT /platform/teams/:id — 编辑班组 with the whole form; answers the team. */
export async function putTeam(ctx: HandlerContext): Promise<Team> {
  const scope = await projectScope(ctx.req, ctx.database);
  const input = parseInput(TeamInput, ctx.req.body, TEAM_LABELS);
  const id = Number.parseInt(String(ctx.req.params['id'] ?? ''), 10) || 0;
  await ctx.database.transaction((trx) => updateTeam(trx, scope, id, input));
  return findTeam(ctx.database, scope.projectId, id);
}
