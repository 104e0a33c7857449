/**
 * 人员编辑: applies the form to the project's `employments` row (phone, wage card, team, trade, wages:
 * what the project records) and, for a typo in the identity (name, number, sex, ethnicity, address),
 * to the city-wide `people` row — only while no other project relies on that identity (it has no
 * employment or key post elsewhere); otherwise the correction is the bureau's (409 IDENTITY_SHARED).
 * A changed ID number or gender re-runs the registration rules on the resulting identity; team, unit
 * and trade must belong to this project and fit the person's role; every change is audited with
 * before/after, and a new name is re-sent to the gate devices.
 */
import type { Knex } from 'knex';
import { isCodeValue, MANAGEMENT_POSTS, TRADES, WAGE_SETTLEMENT_MODES, type EmploymentRole } from '../../../../schema/codes';
import { isAfter, parseIdNumber, type IsoDate, type MaxAge } from '../../../../schema/rules';
import { writeAuditMany, type AuditEntry } from '../audit/write-audit';
import { fromDbRow, toDbRow } from '../db/values';
import { isUniqueViolation } from '../db/unique-violation';
import { queueDeviceSync } from '../devices/queue-device-sync';
import { conflict, invalid, notYours, StateConflictError } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { LONG_TERM } from '../../../../schema/api/identity';
import { assertIdentityRules } from '../people/identity-rules';
import { readJson } from './person-record';
import type { PersonEdit, PersonEditResult } from '../../../../schema/api/people';
import { EMPLOYMENT_COLUMNS, PERSON_COLUMNS } from './person-edit-model';

type Row = Record<string, unknown>;

export interface EditContext {
  scope: ProjectScope;
  today: IsoDate;
  maxAge: MaxAge;
}

/** Whether a submitted value equals the stored one ('' is null; decimals come back as strings on PostgreSQL). */
function same(a: unknown, b: unknown): boolean {
  const x = a === undefined || a === '' ? null : a;
  const y = b === undefined || b === '' ? null : b;
  if (x === null || y === null) return x === y;
  if (typeof x === 'number' || typeof y === 'number') return Number(x) === Number(y);
  return String(x) === String(y);
}

/** The columns of `row` that `edit` changes, as { column: new value }. */
function changesOf(columns: readonly string[], edit: Row, row: Row): Row {
  const changes: Row = {};
  for (const column of columns) if (column in edit && edit[column] !== undefined && !same(edit[column], row[column])) changes[column] = edit[column];
  return changes;
}

const pick = (row: Row, keys: readonly string[]): Row => Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));

/** Re-runs the ID rules on the identity as it will be after the edit; returns the birth date it implies. */
function checkIdentity(person: Row, changes: Row, role: EmploymentRole, context: EditContext): IsoDate {
  const idNumber = String(changes['id_number'] ?? person['id_number']);
  const parsed = parseIdNumber(idNumber, { today: context.today });
  if (!parsed.ok) throw invalid(parsed.code, parsed.message, 'id_number');
  // Rows registered before the validity period was recorded are not re-checked for it.
  const validFrom = (person['id_valid_from'] as string | null) ?? context.today;
  const validTo = (person['id_valid_to'] as string | null) ?? LONG_TERM;
  assertIdentityRules(
    {
      id_number: idNumber,
      gender: (changes['gender'] ?? person['gender']) as 'male' | 'female',
      birth_date: parsed.birthDate,
      id_valid_from: validFrom,
      id_valid_to: validTo,
      temporary_id: Boolean(person['temporary_id']),
    },
    { role, today: context.today, maxAge: context.maxAge },
  );
  return parsed.birthDate;
}

async function checkEmploymentChanges(trx: Knex, changes: Row, employment: Row, context: EditContext): Promise<void> {
  const projectId = context.scope.projectId;
  const role = employment['role'] as EmploymentRole;
  if ('team' in changes) {
    const team = await trx('teams').select('id', 'project', 'kind', 'status').where({ id: changes['team'] }).first();
    if (!team || Number(team.project) !== projectId) throw invalid('TEAM_NOT_IN_PROJECT', '请选择本项目的班组', 'team');
    if (team.status !== 'active') throw invalid('TEAM_EXITED', '该班组已退场，请选择其他班组', 'team');
    if ((team.kind === 'management') !== (role === 'manager')) {
      throw invalid('TEAM_KIND', role === 'manager' ? '管理人员只能调入管理人员班组' : '务工人员只能调入务工人员班组', 'team');
    }
  }
  if ('unit' in changes) {
    const unit = await trx('project_units').where({ project: projectId, unit: changes['unit'] }).first('id');
    if (!unit) throw invalid('UNIT_NOT_IN_PROJECT', '请选择本项目的参建企业', 'unit');
  }
  if ('trade' in changes) {
    const ok = role === 'manager' ? isCodeValue(MANAGEMENT_POSTS, changes['trade']) : isCodeValue(TRADES, changes['trade']);
    if (!ok) throw invalid('TRADE_UNKNOWN', role === 'manager' ? '请选择管理人员岗位' : '请选择工种', 'trade');
  }
  if ('entry_date' in changes) {
    if (isAfter(String(changes['entry_date']), context.today)) throw invalid('DATE_FUTURE', '进场时间不能晚于今天', 'entry_date');
  }
  if ('wage_method' in changes || 'wage_unit' in changes) {
    const method = WAGE_SETTLEMENT_MODES.find((mode) => mode.value === (changes['wage_method'] ?? employment['wage_method']));
    // Fixed-unit modes (计时, 计天, 包月) always carry their own unit.
    if (method && !method.freeUnit) changes['wage_unit'] = method.unit;
    if (same(changes['wage_unit'], employment['wage_unit'])) delete changes['wage_unit'];
  }
}

/**
 * An identity another project relies on (an employment, on site or past, or a key post there) is
 * not this project's to change: a real correction is the bureau's, in the studio, audited.
 */
async function assertIdentityNotShared(trx: Knex, personId: number, projectId: number): Promise<void> {
  const employment = await trx('employments').where({ person: personId }).whereNot({ project: projectId }).first('id');
  const keyPost = employment ? null : await trx('key_posts').where({ person: personId }).whereNot({ project: projectId }).first('id');
  if (employment || keyPost) {
    throw new StateConflictError({
      rule: 'IDENTITY_SHARED',
      message: '该人员的身份信息已被其他项目登记使用，本项目不能修改姓名、身份证号等身份信息；如确有错误，请联系住建局更正',
    });
  }
}

/** Applies `edit` to on-site employment `id` of the caller's project. */
export async function editPerson(trx: Knex, id: number, edit: PersonEdit, context: EditContext): Promise<PersonEditResult> {
  const { scope } = context;
  const storedEmployment = await trx('employments').where({ id }).first();
  if (!storedEmployment || Number(storedEmployment.project) !== scope.projectId) throw notYours();
  if (storedEmployment.status !== 'on_site') throw conflict('ALREADY_EXITED', '已退场人员不能编辑');
  const employment = fromDbRow('employments', storedEmployment as Row);
  const person = fromDbRow('people', (await trx('people').where({ id: employment['person'] }).first()) as Row);

  const personChanges = changesOf(PERSON_COLUMNS, edit, person);
  const employmentChanges = changesOf(EMPLOYMENT_COLUMNS, edit, employment);
  if (Object.keys(personChanges).length) await assertIdentityNotShared(trx, Number(person['id']), scope.projectId);
  if ('id_number' in personChanges || 'gender' in personChanges) {
    const birthDate = checkIdentity(person, personChanges, employment['role'] as EmploymentRole, context);
    if (birthDate !== person['birth_date']) personChanges['birth_date'] = birthDate;
  }
  if ('id_number' in personChanges) {
    const other = await trx('people').where({ id_number: personChanges['id_number'] }).whereNot({ id: person['id'] }).first('id');
    if (other) throw conflict('ID_TAKEN', '该身份证号码已登记为其他人员，请核对');
  }
  await checkEmploymentChanges(trx, employmentChanges, employment, context);

  const audit: AuditEntry[] = [];
  const base = { actor: scope.userId, actorKind: 'user' as const, project: scope.projectId, action: 'person.edit' };
  if (Object.keys(personChanges).length) {
    try {
      await trx('people').where({ id: person['id'] }).update(toDbRow(trx, 'people', { ...personChanges, date_updated: new Date().toISOString() }));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('ID_TAKEN', '该身份证号码已登记为其他人员，请核对');
      throw error;
    }
    const keys = Object.keys(personChanges);
    audit.push({ ...base, collection: 'people', item: String(person['id']), before: pick(person, keys), after: personChanges, note: `人员编辑：${String(person['name'])}` });
  }
  if ('address' in personChanges) {
    // The project's record of the card follows its own correction.
    const card = { ...(readJson<Row>(storedEmployment.id_card) ?? {}), address: personChanges['address'] };
    await trx('employments').where({ id }).update({ id_card: JSON.stringify(card) });
  }
  if (Object.keys(employmentChanges).length) {
    await trx('employments').where({ id }).update(toDbRow(trx, 'employments', employmentChanges));
    const keys = Object.keys(employmentChanges);
    audit.push({ ...base, action: 'employment.edit', collection: 'employments', item: id, before: pick(employment, keys), after: employmentChanges, note: `人员编辑：${String(person['name'])}` });
  }
  await writeAuditMany(trx, audit);
  if ('name' in personChanges) await queueDeviceSync(trx, [id], 'enrol');
  return { changed: [...Object.keys(personChanges).filter((key) => key !== 'birth_date'), ...Object.keys(employmentChanges)] };
}
