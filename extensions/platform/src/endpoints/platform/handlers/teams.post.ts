import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { createTeam } from '../../../teams/save-team';
import { TEAM_LABELS, TeamInput, type Team } from '../../../../../../schema/api/teams';
import type { HandlerContext } from '../context';
import { findTeam } from './teams.get';

/** POST /platform/teams — 新建班组 `{ name, kind, unit, trade?, leader_name?, leader_phone? }`; answers the team. */
export async function postTeam(ctx: HandlerContext): Promise<Team> {
  const scope = await projectScope(ctx.req, ctx.database);
  const input = parseInput(TeamInput, ctx.req.body, TEAM_LABELS);
  const id = await ctx.database.transaction((trx) => createTeam(trx, scope, input));
  return findTeam(ctx.database, scope.projectId, id);
}
