/**
 * 新建班组 and 编辑班组: a team's name is unique in its project, its unit is one of the project's
 * participating units, and its kind cannot change while people of the other kind would be left in it.
 */
import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { dbNow } from '../db/values';
import { isUniqueViolation } from '../db/unique-violation';
import { conflict, notYours, StateConflictError } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { assertProjectUnit } from './project-units';
import type { TeamInput } from '../../../../schema/api/teams';
import { roleOfTeam } from './team-model';

const nameTaken = (name: string) => new StateConflictError({ rule: 'TEAM_NAME_TAKEN', message: `本项目已有名为“${name}”的班组`, field: 'name' });

async function assertNameFree(trx: Knex, scope: ProjectScope, name: string, exceptId?: number): Promise<void> {
  const query = trx('teams').where({ project: scope.projectId, name });
  if (exceptId !== undefined) query.whereNot({ id: exceptId });
  if (await query.first('id')) throw nameTaken(name);
}

const teamRow = (input: TeamInput) => ({
  name: input.name,
  kind: input.kind,
  unit: input.unit,
  trade: input.trade,
  leader_name: input.leader_name,
  leader_phone: input.leader_phone,
});

/** Creates a team of the caller's project; returns its id. */
export async function createTeam(trx: Knex, scope: ProjectScope, input: TeamInput): Promise<number> {
  await assertProjectUnit(trx, scope.projectId, input.unit);
  await assertNameFree(trx, scope, input.name);
  let id: number;
  try {
    const [inserted] = await trx('teams').insert({ ...teamRow(input), project: scope.projectId, status: 'active', date_created: dbNow(trx) }, ['id']);
    id = Number(typeof inserted === 'object' ? inserted.id : inserted);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  await writeAudit(trx, { actor: scope.userId, actorKind: scope.actorKind ?? 'user', project: scope.projectId, action: 'team.create', collection: 'teams', item: id, after: teamRow(input) });
  return id;
}

/** Replaces the editable fields of a team of the caller's project. */
export async function updateTeam(trx: Knex, scope: ProjectScope, id: number, input: TeamInput): Promise<void> {
  const team = await trx('teams').where({ id, project: scope.projectId }).first();
  if (!team) throw notYours();
  await assertProjectUnit(trx, scope.projectId, input.unit);
  await assertNameFree(trx, scope, input.name, id);
  if (roleOfTeam(team.kind) !== roleOfTeam(input.kind)) {
    const member = await trx('employments').where({ team: id, status: 'on_site' }).first('id');
    if (member) throw conflict('TEAM_KIND_IN_USE', '班组内还有在场人员，不能更改班组类型');
  }
  const before = { name: team.name, kind: team.kind, unit: team.unit, trade: team.trade, leader_name: team.leader_name, leader_phone: team.leader_phone };
  try {
    await trx('teams').where({ id, project: scope.projectId }).update(teamRow(input));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  await writeAudit(trx, { actor: scope.userId, actorKind: 'user', project: scope.projectId, action: 'team.update', collection: 'teams', item: id, before, after: teamRow(input) });
}
