/**
 * The registration rules that need the database: team and unit of this project (403 otherwise),
 * team kind matching the role, entry date within the project's life and after the person's last
 * exit, the identity on file fitting the form (`people/save-person.ts#matchIdentity`), the person not
 * on site anywhere, the card free. Run once before the images are stored (to
 * refuse early) and again inside the transaction (the authority).
 */
import type { Knex } from 'knex';
import { isAfter, isBefore, type IsoDate } from '../../../../schema/rules';
import { readDate } from '../db/values';
import { conflict, invalid, notYours, StateConflictError } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { matchIdentity } from '../people/save-person';
import { assertProjectUnit } from '../teams/project-units';
import { roleOfTeam } from '../teams/team-model';
import type { Registration } from '../../../../schema/api/registrations';

export interface RegistrationFacts {
  /** The city-wide person with this ID number, if already known. */
  personId: number | null;
}

export const cardTaken = () => new StateConflictError({ rule: 'CARD_TAKEN', message: '该考勤卡号已发给本项目其他在场人员', field: 'card_no' });

/** Throws the first broken rule (4xx); answers what the writer needs. */
export async function checkRegistration(knex: Knex, scope: ProjectScope, input: Registration, today: IsoDate): Promise<RegistrationFacts> {
  const team = await knex('teams').where({ id: input.team, project: scope.projectId }).first('id', 'kind', 'status');
  if (!team) throw notYours();
  await assertProjectUnit(knex, scope.projectId, input.unit);
  if (team.status === 'exited') throw invalid('TEAM_EXITED', '该班组已退场，请选择其他班组', 'team');
  if (roleOfTeam(team.kind) !== input.role) {
    throw invalid('TEAM_KIND', input.role === 'manager' ? '管理人员应登记到管理人员班组' : '务工人员应登记到务工人员班组', 'team');
  }

  if (isAfter(input.entry_date, today)) throw invalid('DATE_FUTURE', '进场时间不能晚于今天', 'entry_date');
  const project = await knex('projects').where({ id: scope.projectId }).first('start_date');
  const start = readDate(project?.start_date);
  if (start && isBefore(input.entry_date, start)) throw invalid('ENTRY_BEFORE_START', `进场时间不能早于项目开工日期（${start}）`, 'entry_date');

  // The identity on file must fit the form (409 otherwise), before the place rules below.
  const { personId } = await matchIdentity(knex, input);
  if (personId !== null) {
    const onSite = await knex('employments').where({ person: personId, status: 'on_site' }).first('project');
    if (onSite && Number(onSite.project) === scope.projectId) throw conflict('ALREADY_ON_SITE', '该人员已在本项目在场，无需重复登记');
    // Another project's data stays private: say only that an exit is needed there.
    if (onSite) throw conflict('ON_SITE_ELSEWHERE', '该人员仍在其他项目在场，需原项目办理退场后才能登记');
    const last = await knex('employments').where({ person: personId }).whereNotNull('exit_date').orderBy('exit_date', 'desc').first('exit_date', 'project');
    const lastExit = readDate(last?.exit_date);
    if (lastExit && isBefore(input.entry_date, lastExit)) {
      const here = Number(last?.project) === scope.projectId;
      throw invalid('ENTRY_BEFORE_LAST_EXIT', here ? `进场时间不能早于该人员上次在本项目的退场日期（${lastExit}）` : '进场时间不能早于该人员上次退场的日期', 'entry_date');
    }
  }

  if (input.card_no !== null) {
    const holder = await knex('employments').where({ project: scope.projectId, status: 'on_site', card_no: input.card_no }).first('id');
    if (holder) throw cardTaken();
  }
  return { personId };
}
