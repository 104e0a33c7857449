/**
 * 入场登记 of a key post: the three photos as private files (stored first, removed again if
 * anything fails), then in one transaction the city-wide people row (created, or updated from the
 * new ID card) and a `pending` key_posts row for the bureau to decide, each audited. One holder or
 * applicant per post; a person holds one key post at a time.
 */
import type { Knex } from 'knex';
import { KEY_POST_HOLDING_STATUSES, labelOf, MANAGEMENT_POSTS, PARTICIPATION_TYPES } from '../../../../schema/codes';
import { isAfter, maskIdNumber, maskPhone, normalizePhone, type IsoDate, type MaxAge } from '../../../../schema/rules';
import { writeAudit } from '../audit/write-audit';
import { dbNow, fromDbRow, toDbRow } from '../db/values';
import { isUniqueViolation } from '../db/unique-violation';
import { queueDeviceSync } from '../devices/queue-device-sync';
import type { DirectusApi } from '../directus';
import { conflict, invalid } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import type { UploadedImage } from '../http/upload';
import { assertIdentityRules } from '../people/identity-rules';
import { withStoredImages } from '../registration/staged-images';
import { unitInRole } from './board';
import { ENTRY_IMAGE_LABELS, type KeyPostEntry } from './key-post-model';
import { projectUnits } from './records';

export type EntryImages = Record<keyof typeof ENTRY_IMAGE_LABELS, UploadedImage>;

export interface EntryContext {
  api: DirectusApi;
  scope: ProjectScope;
  today: IsoDate;
  maxAge: MaxAge;
}

export interface EntryResult {
  id: number;
  status: 'pending';
  person: number;
}

const PERSON_FIELDS = ['name', 'gender', 'ethnicity', 'birth_date', 'address', 'id_number', 'issuing_authority', 'id_valid_from', 'id_valid_to', 'temporary_id'] as const;

const OCCUPIED_PENDING = '该岗位已有待审核的入场登记，审核结果出来前不能再登记';
const OCCUPIED_HELD = '该岗位已有在岗人员，须办理退场解锁并经主管部门审核通过后才能登记新人员';

/** Registers a person for an empty post; refuses (nothing written) when any rule fails. */
export async function registerKeyPostEntry(ctx: EntryContext, entry: KeyPostEntry, images: EntryImages): Promise<EntryResult> {
  // Key-post holders are managers: the age floor applies, the workers' upper limit does not.
  assertIdentityRules(entry, { role: 'manager', today: ctx.today, maxAge: ctx.maxAge });
  if (isAfter(entry.entry_date, ctx.today)) throw invalid('DATE_FUTURE', '进场日期不能晚于今天', 'entry_date');
  const { projectId, userId } = ctx.scope;

  // Checked once before the photos are stored (to refuse early) and again inside the transaction (the authority).
  await checkEntry(ctx.api.database, projectId, entry);
  const run = (photos: Record<keyof EntryImages, string>) =>
    ctx.api.database.transaction(async (trx) => {
      const { unit, existing } = await checkEntry(trx, projectId, entry);

      const person = await savePerson(trx, ctx.scope, entry, existing, { id_front: photos.id_front, id_back: photos.id_back });
      const employment = await trx('employments').where({ project: projectId, person, status: 'on_site' }).first('id');
      // Devices show the name; a corrected name of someone already on site here must reach them.
      if (employment && existing && existing['name'] !== entry.name) await queueDeviceSync(trx, [Number(employment.id)], 'enrol');

      const row = toDbRow(trx, 'key_posts', {
        project: projectId,
        unit_role: entry.unit_role,
        unit,
        post: entry.post,
        person,
        employment: employment ? Number(employment.id) : null,
        certificate: photos.certificate,
        status: 'pending',
        entry_date: entry.entry_date,
        date_created: dbNow(trx),
      });
      const [inserted] = await trx('key_posts').insert(row, ['id']);
      const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
      await writeAudit(trx, {
        actor: userId,
        actorKind: 'user',
        project: projectId,
        action: 'key_post.register',
        collection: 'key_posts',
        item: id,
        after: { unit_role: entry.unit_role, post: entry.post, unit, person, status: 'pending', entry_date: entry.entry_date, certificate: photos.certificate },
      });
      return { id, status: 'pending' as const, person };
    });

  try {
    // Files are stored first and removed again (row and disk) if the transaction fails.
    return await withStoredImages(ctx.api, images, ENTRY_IMAGE_LABELS, entry.name, run);
  } catch (error) {
    // A concurrent registration for the same post (or a new person with the same number) lost the race.
    if (isUniqueViolation(error)) throw conflict('KEY_POST_OCCUPIED', OCCUPIED_PENDING);
    throw error;
  }
}

/** The unit the post belongs to and the person if already known; throws the first broken rule. */
async function checkEntry(knex: Knex, projectId: number, entry: KeyPostEntry): Promise<{ unit: number; existing: Record<string, unknown> | undefined }> {
  const unit = await resolveUnit(knex, projectId, entry);
  await assertPostFree(knex, projectId, entry);
  const existing: Record<string, unknown> | undefined = await knex('people').where({ id_number: entry.id_number }).first();
  if (existing) await assertPersonFree(knex, Number(existing['id']), projectId);
  return { unit, existing };
}

/** The project's unit in the entry's role: the one named, else the main one. */
async function resolveUnit(trx: Knex, projectId: number, entry: KeyPostEntry): Promise<number> {
  const units = await projectUnits(trx, projectId);
  const role = labelOf(PARTICIPATION_TYPES, entry.unit_role) ?? entry.unit_role;
  if (entry.unit !== undefined) {
    const named = units.find((unit) => unit.unit_id === entry.unit && unit.participation === entry.unit_role);
    if (!named) throw invalid('UNIT_NOT_IN_ROLE', `所选企业不是本项目的${role}`, 'unit');
    return named.unit_id;
  }
  const unit = unitInRole(units, entry.unit_role);
  if (!unit) throw invalid('UNIT_ROLE_MISSING', `本项目没有${role}，不能登记该岗位`, 'unit_role');
  return unit.unit_id;
}

async function assertPostFree(trx: Knex, projectId: number, entry: KeyPostEntry): Promise<void> {
  const holder = await trx('key_posts')
    .where({ project: projectId, unit_role: entry.unit_role, post: entry.post })
    .whereIn('status', KEY_POST_HOLDING_STATUSES)
    .first('status');
  if (holder) throw conflict('KEY_POST_OCCUPIED', holder.status === 'pending' ? OCCUPIED_PENDING : OCCUPIED_HELD);
}

/** One key post per person city-wide, and nobody who is on site at another project. */
async function assertPersonFree(trx: Knex, personId: number, projectId: number): Promise<void> {
  const held = await trx('key_posts').where({ person: personId }).whereIn('status', KEY_POST_HOLDING_STATUSES).first('project', 'post');
  if (held && Number(held.project) === projectId) {
    const post = labelOf(MANAGEMENT_POSTS, held.post) ?? held.post;
    throw conflict('KEY_POST_PERSON_BUSY', `该人员已登记为本项目的${post}，不能同时担任两个关键岗位`);
  }
  if (held) throw conflict('KEY_POST_HELD_ELSEWHERE', '该人员正在其他项目担任关键岗位，须在原项目办理退场解锁后才能登记');
  const elsewhere = await trx('employments').where({ person: personId, status: 'on_site' }).whereNot({ project: projectId }).first('id');
  if (elsewhere) throw conflict('ON_SITE_ELSEWHERE', '该人员仍在其他项目在场，需原项目办理退场后才能登记');
}

/** Personal data as the audit log keeps it: the number and phone masked. */
function forAudit(row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  if (typeof out['id_number'] === 'string') out['id_number'] = maskIdNumber(out['id_number']);
  if (typeof out['phone'] === 'string') out['phone'] = maskPhone(out['phone']);
  return out;
}

/** Creates the city-wide people row, or brings it up to date with the new card; audited either way. */
async function savePerson(
  trx: Knex,
  scope: ProjectScope,
  entry: KeyPostEntry,
  existing: Record<string, unknown> | undefined,
  photos: { id_front: string; id_back: string },
): Promise<number> {
  const values: Record<string, unknown> = { id_type: '01', ...Object.fromEntries(PERSON_FIELDS.map((field) => [field, entry[field]])), ...photos };
  if (entry.phone) values['phone'] = normalizePhone(entry.phone);
  const audit = { actor: scope.userId, actorKind: 'user' as const, project: scope.projectId, collection: 'people', note: '关键岗位入场登记' };

  if (!existing) {
    const [inserted] = await trx('people').insert(toDbRow(trx, 'people', { ...values, date_created: dbNow(trx), date_updated: dbNow(trx) }), ['id']);
    const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
    await writeAudit(trx, { ...audit, action: 'person.create', item: id, after: forAudit(values) });
    return id;
  }
  const id = Number(existing['id']);
  const stored = fromDbRow('people', existing);
  // SQLite keeps booleans as 0/1.
  const comparable = (value: unknown) => String(typeof value === 'boolean' ? Number(value) : (value ?? ''));
  const changed = Object.keys(values).filter((field) => comparable(stored[field]) !== comparable(values[field]));
  await trx('people').where({ id }).update(toDbRow(trx, 'people', { ...values, date_updated: dbNow(trx) }));
  const pick = (row: Record<string, unknown>) => forAudit(Object.fromEntries(changed.map((field) => [field, row[field] ?? null])));
  await writeAudit(trx, { ...audit, action: 'person.update', item: id, before: pick(stored), after: pick(values) });
  return id;
}
