/**
 * 退场: ends employments on a project, one person or a whole team, with set-based SQL (one select,
 * one update per 500 rows, one batched audit insert) so a team of hundreds exits in one short
 * transaction. The employment rows stay (history); only status, exit date and reason change,
 * devices get remove commands, and every person gets an audit entry.
 */
import type { Knex } from 'knex';
import { KEY_POST_HOLDING_STATUSES } from '../../../../schema/codes';
import { checkExitDate, type IsoDate } from '../../../../schema/rules';
import { writeAuditMany, type AuditEntry } from '../audit/write-audit';
import { dbDate, readDate } from '../db/values';
import { queueDeviceSync } from '../devices/queue-device-sync';
import { conflict, invalid, notYours } from '../http/errors';

const CHUNK = 500;

export interface ExitRequest {
  projectId: number;
  /** The user who exits them (audit actor); null for the platform's own jobs (actor kind 'system'). */
  actor: string | null;
  exitDate: IsoDate;
  reason: string | null;
  /** Today in Shanghai; the exit date may not be later. */
  today: IsoDate;
}

/** The steps of an exit, in order; `afterStep` runs after each (tests use it to inject a fault half-way). */
export type ExitStep = 'employments' | 'devices' | 'audit' | 'team';

export interface ExitOptions {
  afterStep?: (step: ExitStep, trx: Knex) => Promise<void> | void;
}

export interface ExitResult {
  exited: number;
  employment_ids: number[];
}

interface Member {
  id: number;
  name: string;
  entry_date: IsoDate;
}

async function onSiteMembers(trx: Knex, where: Record<string, unknown>): Promise<Member[]> {
  const rows: { id: number; name: string; entry_date: unknown }[] = await trx('employments')
    .join('people', 'people.id', 'employments.person')
    .select('employments.id', 'people.name', 'employments.entry_date')
    .where({ ...where, 'employments.status': 'on_site' })
    .orderBy('employments.id');
  return rows.map((row) => ({ id: Number(row.id), name: row.name, entry_date: readDate(row.entry_date) ?? '' }));
}

/** The exit date against today and every member's entry date (the shared rule in schema/rules/exit-date). */
function assertExitDate(members: readonly Member[], request: ExitRequest): void {
  const future = checkExitDate(request.exitDate, null, request.today);
  if (!future.ok) throw invalid(future.code, future.message, 'exit_date');
  for (const member of members) {
    const check = checkExitDate(request.exitDate, member.entry_date, request.today);
    if (check.ok) continue;
    // For a team, say whose entry date is in the way.
    const message = members.length > 1 ? `${member.name}：${check.message}` : check.message;
    throw invalid(check.code, message, 'exit_date');
  }
}

/** Key-post holders leave through 关键岗位 退场解锁 (bureau approval), never through a plain exit. */
async function refuseKeyPostHolders(trx: Knex, members: readonly Member[]): Promise<void> {
  const ids = members.map((member) => member.id);
  for (let start = 0; start < ids.length; start += CHUNK) {
    const holder: { employment: number } | undefined = await trx('key_posts')
      .whereIn('employment', ids.slice(start, start + CHUNK))
      .whereIn('status', KEY_POST_HOLDING_STATUSES)
      .first('employment');
    if (holder) {
      const name = members.find((member) => member.id === Number(holder.employment))?.name ?? '';
      throw conflict('KEY_POST_HOLDER', `${name}是关键岗位人员，请在【关键岗位】中办理退场解锁`);
    }
  }
}

async function exitMembers(trx: Knex, members: readonly Member[], request: ExitRequest, note: string, options: ExitOptions): Promise<ExitResult> {
  assertExitDate(members, request);
  await refuseKeyPostHolders(trx, members);
  const ids = members.map((member) => member.id);
  const exitDate = dbDate(trx, request.exitDate);
  let updated = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    updated += await trx('employments')
      .whereIn('id', ids.slice(start, start + CHUNK))
      .andWhere('status', 'on_site')
      .update({ status: 'exited', exit_date: exitDate, exit_reason: request.reason });
  }
  // Someone exited them in the meantime: give up rather than half-apply.
  if (updated !== ids.length) throw conflict('STATE_CHANGED', '人员状态已变化，请刷新后重试');
  await options.afterStep?.('employments', trx);
  await queueDeviceSync(trx, ids, 'remove');
  await options.afterStep?.('devices', trx);
  const entries: AuditEntry[] = members.map((member) => ({
    actor: request.actor,
    actorKind: request.actor === null ? 'system' : 'user',
    project: request.projectId,
    action: 'employment.exit',
    collection: 'employments',
    item: member.id,
    before: { status: 'on_site', exit_date: null },
    after: { status: 'exited', exit_date: request.exitDate, exit_reason: request.reason },
    note: `${note}：${member.name}`,
  }));
  await writeAuditMany(trx, entries);
  await options.afterStep?.('audit', trx);
  return { exited: ids.length, employment_ids: ids };
}

/** 退场 of one on-site employment of the project. */
export async function exitPerson(trx: Knex, employmentId: number, request: ExitRequest, options: ExitOptions = {}): Promise<ExitResult> {
  const employment = await trx('employments').select('id', 'project', 'status').where({ id: employmentId }).first();
  if (!employment || Number(employment.project) !== request.projectId) throw notYours();
  if (employment.status !== 'on_site') throw conflict('ALREADY_EXITED', '该人员已退场');
  const members = await onSiteMembers(trx, { 'employments.id': employmentId });
  return exitMembers(trx, members, request, '人员退场', options);
}

/**
 * 班组退场: every on-site member of the team exits in the caller's transaction (all or none), and
 * the team, then empty, is marked exited. One audit entry per person plus one for the team.
 */
export async function exitTeam(trx: Knex, teamId: number, request: ExitRequest, options: ExitOptions = {}): Promise<ExitResult & { team_status: string }> {
  const team = await trx('teams').select('id', 'project', 'name', 'status').where({ id: teamId }).first();
  if (!team || Number(team.project) !== request.projectId) throw notYours();
  if (team.status === 'exited') throw conflict('TEAM_EXITED', '该班组已退场');
  const members = await onSiteMembers(trx, { 'employments.team': teamId, 'employments.project': request.projectId });
  let result: ExitResult = { exited: 0, employment_ids: [] };
  if (members.length) result = await exitMembers(trx, members, request, `班组退场（${team.name}）`, options);
  else assertExitDate(members, request);
  const stillOnSite = trx('employments').where({ team: teamId, status: 'on_site' }).select('id');
  const closed = await trx('teams').where({ id: teamId }).whereNotExists(stillOnSite).update({ status: 'exited' });
  if (closed) {
    await writeAuditMany(trx, [
      {
        actor: request.actor,
        actorKind: 'user',
        project: request.projectId,
        action: 'team.exit',
        collection: 'teams',
        item: teamId,
        before: { status: team.status },
        after: { status: 'exited', exited: result.exited, exit_date: request.exitDate },
      },
    ]);
  }
  await options.afterStep?.('team', trx);
  return { ...result, team_status: closed ? 'exited' : String(team.status) };
}
