import { EXIT_LABELS, PersonExit, TeamExit, type ExitReceipt } from '../../../../../../schema/api/exits';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { exitPerson, exitTeam, type ExitRequest } from '../../../exits/exit-employments';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';

const idParam = (ctx: HandlerContext) => Number.parseInt(String(ctx.req.params['id'] ?? ''), 10) || 0;

/** POST /platform/people/:id/exit `{ exit_date, exit_reason? }` — 退场 of one on-site person. */
export async function exitOnePerson(ctx: HandlerContext): Promise<ExitReceipt> {
  const scope = await projectScope(ctx.req, ctx.database);
  const body = parseInput(PersonExit, ctx.req.body, EXIT_LABELS);
  const request: ExitRequest = { projectId: scope.projectId, actor: scope.userId, exitDate: body.exit_date, reason: body.exit_reason, today: todayInShanghai(new Date()) };
  const result = await ctx.database.transaction((trx) => exitPerson(trx, idParam(ctx), request));
  return { id: idParam(ctx), status: 'exited', exit_date: body.exit_date, exited: result.exited };
}

/** POST /platform/teams/:id/exit `{ exit_date, exit_reason?, confirm: true }` — 班组退场, all members or none. */
export async function exitWholeTeam(ctx: HandlerContext): Promise<ExitReceipt> {
  const scope = await projectScope(ctx.req, ctx.database);
  const body = parseInput(TeamExit, ctx.req.body, EXIT_LABELS);
  const request: ExitRequest = { projectId: scope.projectId, actor: scope.userId, exitDate: body.exit_date, reason: body.exit_reason ?? '班组退场', today: todayInShanghai(new Date()) };
  const result = await ctx.database.transaction((trx) => exitTeam(trx, idParam(ctx), request));
  return { id: idParam(ctx), status: result.team_status, exit_date: body.exit_date, exited: result.exited };
}
