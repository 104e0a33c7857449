/**
 * Saving a person on a project, the one way: 实名制登记 and 关键岗位入场登记 both call `savePerson`.
 *
 * 1. The identity (`people`, what the ID card says): created when the number is new; when it is on
 *    file, the form must fit it (`identity-match.ts`): another name is refused (409 IDENTITY_MISMATCH,
 *    naming what differs, nothing written), an older card too (409 ID_CARD_OUTDATED), and a newer card
 *    is an ID renewal that replaces the card's fields and photos, audited with before and after.
 * 2. The employment (`employments`, what this project records): a registration creates one; a key-post
 *    entry links the person's on-site employment here or creates one in a management team of the
 *    post's unit, so key-post holders are enrolled on devices, punch, appear in lists and exit like
 *    anyone. The project's phone, photos and its reading of the card are stored on that employment.
 *
 * Callers check their own rules (team, dates, on site elsewhere, post free) before and inside the
 * transaction; `matchIdentity` is exported for their early check, before any photo is stored.
 */
import type { Knex } from 'knex';
import { KEY_POST_HOLDING_STATUSES, type EmploymentRole, type WageSettlementMode } from '../../../../schema/codes';
import { maskIdNumber, maskPhone, type IsoDate } from '../../../../schema/rules';
import { writeAuditMany, type AuditEntry } from '../audit/write-audit';
import { ConcurrentWriteError } from '../db/unique-violation';
import { dbNow, fromDbRow, toDbRow } from '../db/values';
import { queueDeviceSync } from '../devices/queue-device-sync';
import { StateConflictError } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { nextDevicePin } from '../registration/device-pin';
import { createTeam } from '../teams/save-team';
import { compareIdentity, describeFields, type IdCardRecord, type StoredIdentity } from './identity-match';
import type { PersonIdentity } from './identity-rules';

type Row = Record<string, unknown>;

/** The files this project stored for the person (private files, already saved). */
export interface RecordedPhotos {
  id_front: string;
  id_back: string;
  /** 本人照片 (registration only). */
  photo?: string | null;
}

/** A new employment from 实名制登记's form. */
export interface RegistrationPlan {
  kind: 'registration';
  role: EmploymentRole;
  team: number;
  unit: number;
  trade: string;
  card_no: string | null;
  entry_date: IsoDate;
  wage_method: WageSettlementMode | null;
  wage_amount: number | null;
  wage_unit: string | null;
  contract_template: string | null;
}

/** The holder of a key post: their employment here, or a new one in a management team of `unit`. */
export interface KeyPostPlan {
  kind: 'key_post';
  unit: number;
  post: string;
  entry_date: IsoDate;
}

export interface SavePersonInput {
  identity: PersonIdentity;
  /** Contact phone as this project recorded it. */
  phone: string | null;
  photos: RecordedPhotos;
  plan: RegistrationPlan | KeyPostPlan;
  /** Audit note: 实名制登记 / 关键岗位入场登记. */
  note: string;
}

export interface SavedPerson {
  personId: number;
  newPerson: boolean;
  /** The identity took this card's fields (ID renewal). */
  renewed: boolean;
  employmentId: number;
  /** Whether the employment was created now (false: a key-post entry linked the on-site one). */
  newEmployment: boolean;
  devicePin: string;
}

export interface IdentityOnFile {
  personId: number | null;
  /** The card fields a renewal replaces, or null (new person, or the same card). */
  renewal: Partial<IdCardRecord> | null;
  stored: Row | null;
}

const IDENTITY_COLUMNS = ['name', 'gender', 'ethnicity', 'birth_date', 'address', 'id_number', 'issuing_authority', 'id_valid_from', 'id_valid_to', 'temporary_id'] as const;

/** Personal data as the audit log keeps it: the number and phone masked. */
export function forAudit(row: Row): Row {
  const out = { ...row };
  if (typeof out['id_number'] === 'string') out['id_number'] = maskIdNumber(out['id_number']);
  if (typeof out['phone'] === 'string') out['phone'] = maskPhone(out['phone']);
  return out;
}

/** The card as the project read it: what an employment keeps in `id_card`. */
export function cardOf(identity: Pick<PersonIdentity, 'address' | 'issuing_authority' | 'id_valid_from' | 'id_valid_to'>): IdCardRecord {
  return { address: identity.address, issuing_authority: identity.issuing_authority, id_valid_from: identity.id_valid_from, id_valid_to: identity.id_valid_to };
}

/**
 * The identity on file for the form's ID number and whether the form may use it; throws the 409s.
 * @example const { personId } = await matchIdentity(database, form);
 */
export async function matchIdentity(knex: Knex, identity: PersonIdentity): Promise<IdentityOnFile> {
  const row: Row | undefined = await knex('people').where({ id_number: identity.id_number }).first();
  if (!row) return { personId: null, renewal: null, stored: null };
  const stored = fromDbRow('people', row);
  const verdict = compareIdentity(stored as unknown as StoredIdentity, identity);
  if (verdict.kind === 'mismatch') {
    const what = describeFields(verdict.fields);
    throw new StateConflictError({
      rule: 'IDENTITY_MISMATCH',
      message: `${what}与该身份证号码已登记的身份信息不一致，请核对证件；如已登记的身份信息有误，请联系住建局更正`,
      field: verdict.fields[0] ?? 'name',
    });
  }
  if (verdict.kind === 'outdated') {
    throw new StateConflictError({ rule: 'ID_CARD_OUTDATED', message: '该人员已登记了更新的身份证，请使用最新的身份证登记', field: 'id_valid_from' });
  }
  return { personId: Number(row['id']), renewal: verdict.kind === 'renewal' ? verdict.changes : null, stored };
}

/** Creates or renews the identity, then creates or links the employment; one audit row per change. */
export async function savePerson(trx: Knex, scope: ProjectScope, input: SavePersonInput): Promise<SavedPerson> {
  const { identity, photos } = input;
  const audit: AuditEntry[] = [];
  const actor = actorOf(scope);
  const onFile = await matchIdentity(trx, identity);

  let personId: number;
  if (onFile.personId === null) {
    const row: Row = { id_type: '01', ...pick(identity, IDENTITY_COLUMNS), id_front: photos.id_front, id_back: photos.id_back };
    const [inserted] = await trx('people').insert(toDbRow(trx, 'people', { ...row, date_created: dbNow(trx), date_updated: dbNow(trx) }), ['id']);
    personId = Number(typeof inserted === 'object' ? inserted.id : inserted);
    audit.push({ ...actor, action: 'person.create', collection: 'people', item: personId, after: forAudit(row), note: input.note });
  } else {
    personId = onFile.personId;
    if (onFile.renewal) {
      const stored = onFile.stored ?? {};
      const changes: Row = { ...onFile.renewal, temporary_id: identity.temporary_id, id_front: photos.id_front, id_back: photos.id_back };
      await trx('people').where({ id: personId }).update(toDbRow(trx, 'people', { ...changes, date_updated: dbNow(trx) }));
      const before = Object.fromEntries(Object.keys(changes).map((field) => [field, stored[field] ?? null]));
      audit.push({ ...actor, action: 'person.renew', collection: 'people', item: personId, before, after: changes, note: `换领身份证（${input.note}）` });
    }
  }

  const recorded: Row = { phone: input.phone, id_front: photos.id_front, id_back: photos.id_back, id_card: JSON.stringify(cardOf(identity)) };
  if (photos.photo !== undefined) recorded['photo'] = photos.photo;
  const plan = input.plan;
  let employment: { id: number; pin: string; created: boolean };
  if (plan.kind === 'registration') {
    employment = await createEmployment(trx, scope, personId, { ...employmentOf(plan), ...recorded }, audit);
    await linkHeldKeyPosts(trx, scope, personId, employment.id);
  } else {
    employment = await holderEmployment(trx, scope, personId, plan, recorded, audit);
  }
  await writeAuditMany(trx, audit);
  if (employment.created) await queueDeviceSync(trx, [employment.id], 'enrol');
  return { personId, newPerson: onFile.personId === null, renewed: Boolean(onFile.renewal), employmentId: employment.id, newEmployment: employment.created, devicePin: employment.pin };
}

/**
 * The key-post holder's employment on the project, linked or created (with its audit rows and device
 * enrolment); `recorded` is what the entry recorded (nothing, for a migrated v1 entry).
 * @example const { id } = await ensureHolderEmployment(trx, scope, personId, { kind: 'key_post', unit, post, entry_date });
 */
export async function ensureHolderEmployment(trx: Knex, scope: ProjectScope, personId: number, plan: KeyPostPlan, recorded: Row = {}) {
  const audit: AuditEntry[] = [];
  const employment = await holderEmployment(trx, scope, personId, plan, recorded, audit);
  await writeAuditMany(trx, audit);
  if (employment.created) await queueDeviceSync(trx, [employment.id], 'enrol');
  return employment;
}

const actorOf = (scope: ProjectScope) => ({ actor: scope.userId, actorKind: scope.actorKind ?? ('user' as const), project: scope.projectId });

function employmentOf(plan: RegistrationPlan): Row {
  const { kind: _kind, ...fields } = plan;
  return fields;
}

async function createEmployment(trx: Knex, scope: ProjectScope, personId: number, fields: Row, audit: AuditEntry[]): Promise<{ id: number; pin: string; created: true }> {
  const pin = await nextDevicePin(trx, scope.projectId);
  const row: Row = { ...fields, project: scope.projectId, person: personId, device_pin: pin, status: 'on_site' };
  const [inserted] = await trx('employments').insert(toDbRow(trx, 'employments', { ...row, date_created: dbNow(trx) }), ['id']);
  const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
  const { id_card: _card, ...shown } = row;
  audit.push({ ...actorOf(scope), action: 'employment.register', collection: 'employments', item: id, after: forAudit(shown) });
  return { id, pin, created: true };
}

/** The key-post holder's on-site employment here (updated with what this entry recorded), or a new one. */
async function holderEmployment(trx: Knex, scope: ProjectScope, personId: number, plan: KeyPostPlan, recorded: Row, audit: AuditEntry[]) {
  const existing: Row | undefined = await trx('employments').where({ project: scope.projectId, person: personId, status: 'on_site' }).first();
  if (existing) {
    const id = Number(existing['id']);
    const changes: Row = { ...recorded };
    // An entry without a phone keeps the one on record.
    if (changes['phone'] === null) delete changes['phone'];
    if (!Object.keys(changes).length) return { id, pin: String(existing['device_pin']), created: false };
    await trx('employments').where({ id }).update(changes);
    const keys = Object.keys(changes).filter((key) => key !== 'id_card');
    audit.push({
      ...actorOf(scope),
      action: 'employment.record',
      collection: 'employments',
      item: id,
      before: forAudit(pick(existing, keys)),
      after: forAudit(pick(changes, keys)),
      note: '关键岗位入场登记',
    });
    return { id, pin: String(existing['device_pin']), created: false };
  }
  const team = await holderTeam(trx, scope, plan.unit);
  const fields: Row = {
    role: 'manager',
    team,
    unit: plan.unit,
    trade: plan.post,
    card_no: null,
    entry_date: plan.entry_date,
    wage_method: null,
    wage_amount: null,
    wage_unit: null,
    contract_template: null,
    ...recorded,
  };
  return createEmployment(trx, scope, personId, fields, audit);
}

/**
 * The management team a new key-post holder joins: the first active one of the post's unit, or a
 * new `<unit>管理人员` team (the entry form names the unit, not a team).
 */
async function holderTeam(trx: Knex, scope: ProjectScope, unit: number): Promise<number> {
  const team = await trx('teams').where({ project: scope.projectId, unit, kind: 'management', status: 'active' }).orderBy('id').first('id');
  if (team) return Number(team.id);
  const unitRow = await trx('units').where({ id: unit }).first('name');
  const base = `${String(unitRow?.name ?? '').slice(0, 80)}管理人员`;
  const taken = await trx('teams').where({ project: scope.projectId }).where('name', 'like', `${base}%`).select('name');
  const names = new Set(taken.map((row: { name: string }) => row.name));
  let name = base;
  for (let n = 2; names.has(name); n += 1) name = `${base}${n}`;
  try {
    return await createTeam(trx, scope, { name, kind: 'management', unit, trade: null, leader_name: null, leader_phone: null });
  } catch (error) {
    // The name was free when read: a concurrent entry of this project created the team first (on
    // PostgreSQL our insert waited for its commit). The caller's retry runs again and finds that team,
    // or the post now taken.
    if (error instanceof StateConflictError && (error as { extensions?: { rule?: string } }).extensions?.rule === 'TEAM_NAME_TAKEN') throw new ConcurrentWriteError(`team ${name} created concurrently`);
    throw error;
  }
}

/** Key posts this person holds here from before they had an employment (v1 entries) now point at it. */
async function linkHeldKeyPosts(trx: Knex, scope: ProjectScope, personId: number, employmentId: number): Promise<void> {
  await trx('key_posts').where({ project: scope.projectId, person: personId }).whereNull('employment').whereIn('status', KEY_POST_HOLDING_STATUSES).update({ employment: employmentId });
}

function pick<K extends string>(row: Readonly<Record<string, unknown>>, keys: readonly K[]): Record<K, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key] ?? null])) as Record<K, unknown>;
}
