/**
 * 入场登记 of a key post: the three photos as private files (stored first, removed again if
 * anything fails), then in one transaction the person saved the one way (`people/save-person.ts`:
 * the identity created or matched, and the holder's employment here linked or created, so attendance,
 * device enrolment and exits work for key-post holders like for anyone) and a `pending` key_posts row
 * for the bureau to decide, each audited. One holder or applicant per post; a person holds one key
 * post at a time.
 */
import type { Knex } from 'knex';
import { KEY_POST_HOLDING_STATUSES, labelOf, MANAGEMENT_POSTS, PARTICIPATION_TYPES } from '../../../../schema/codes';
import { isAfter, normalizePhone, type IsoDate, type MaxAge } from '../../../../schema/rules';
import { writeAudit } from '../audit/write-audit';
import { dbNow, toDbRow } from '../db/values';
import { retryOnUniqueViolation } from '../db/unique-violation';
import type { DirectusApi } from '../directus';
import { conflict, invalid } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import type { UploadedImage } from '../http/upload';
import { assertIdentityRules } from '../people/identity-rules';
import { matchIdentity, savePerson } from '../people/save-person';
import { withStoredImages } from '../registration/staged-images';
import { unitInRole } from './board';
import { ENTRY_IMAGE_LABELS, type KeyPostEntry, type KeyPostEntryReceipt } from '../../../../schema/api/key-posts';
import { projectUnits } from './records';

export type EntryImages = Record<keyof typeof ENTRY_IMAGE_LABELS, UploadedImage>;

export interface EntryContext {
  api: DirectusApi;
  scope: ProjectScope;
  today: IsoDate;
  maxAge: MaxAge;
}

const OCCUPIED_PENDING = '该岗位已有待审核的入场登记，审核结果出来前不能再登记';
const OCCUPIED_HELD = '该岗位已有在岗人员，须办理退场解锁并经主管部门审核通过后才能登记新人员';

/** Registers a person for an empty post; refuses (nothing written) when any rule fails. */
export async function registerKeyPostEntry(ctx: EntryContext, entry: KeyPostEntry, images: EntryImages): Promise<KeyPostEntryReceipt> {
  // Key-post holders are managers: the age floor applies, the workers' upper limit does not.
  assertIdentityRules(entry, { role: 'manager', today: ctx.today, maxAge: ctx.maxAge });
  if (isAfter(entry.entry_date, ctx.today)) throw invalid('DATE_FUTURE', '进场日期不能晚于今天', 'entry_date');
  const { projectId, userId } = ctx.scope;

  // Checked once before the photos are stored (to refuse early) and again inside the transaction (the authority).
  await checkEntry(ctx.api.database, projectId, entry);
  const save = (photos: Record<keyof EntryImages, string>) =>
    ctx.api.database.transaction(async (trx) => {
      const { unit } = await checkEntry(trx, projectId, entry);
      const saved = await savePerson(trx, ctx.scope, {
        identity: entry,
        phone: entry.phone ? normalizePhone(entry.phone) : null,
        photos: { id_front: photos.id_front, id_back: photos.id_back },
        note: '关键岗位入场登记',
        plan: { kind: 'key_post', unit, post: entry.post, entry_date: entry.entry_date },
      });
      const row = toDbRow(trx, 'key_posts', {
        project: projectId,
        unit_role: entry.unit_role,
        unit,
        post: entry.post,
        person: saved.personId,
        employment: saved.employmentId,
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
        after: { unit_role: entry.unit_role, post: entry.post, unit, person: saved.personId, employment: saved.employmentId, status: 'pending', entry_date: entry.entry_date, certificate: photos.certificate },
      });
      return { id, status: 'pending' as const, person: saved.personId, employment: saved.employmentId };
    });
  // A concurrent entry for the same post, or a registration taking the same person or device pin, lost
  // the race: the next attempt's checks say which.
  const run = (photos: Record<keyof EntryImages, string>) => retryOnUniqueViolation(() => save(photos), 3, () => conflict('KEY_POST_OCCUPIED', OCCUPIED_PENDING));

  // Files are stored first and removed again (row and disk) if the transaction fails.
  return withStoredImages(ctx.api, images, ENTRY_IMAGE_LABELS, entry.name, run);
}

/** The unit the post belongs to; throws the first broken rule (the identity on file must fit the form). */
async function checkEntry(knex: Knex, projectId: number, entry: KeyPostEntry): Promise<{ unit: number }> {
  const unit = await resolveUnit(knex, projectId, entry);
  await assertPostFree(knex, projectId, entry);
  const { personId } = await matchIdentity(knex, entry);
  if (personId !== null) await assertPersonFree(knex, personId, projectId);
  return { unit };
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
