/**
 * 身份信息更正: the bureau corrects an identity in the studio (a name change, a typo in a number or an
 * address). Identities are shared by every project that ever employed the person, so this is the
 * only way to change one outside an ID renewal: validated like a registration (the number's checksum,
 * its agreement with sex and birth date, unique city-wide), written with an audit row holding before
 * and after in one transaction, and a new name is re-sent to the gate devices of the person's site.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { ID_TYPES, RESIDENT_ID_CARD, valuesOf } from '../../../../schema/codes';
import { parseIdNumber, todayInShanghai } from '../../../../schema/rules';
import { writeAuditMany, type AuditEntry } from '../audit/write-audit';
import { isUniqueViolation } from '../db/unique-violation';
import { dbNow, fromDbRow, toDbRow } from '../db/values';
import { queueDeviceSync } from '../devices/queue-device-sync';
import { conflict, invalid, notYours } from '../http/errors';
import { parseInput } from '../http/validate';
import { IDENTITY_LABELS, PersonIdentity } from './identity-rules';
import { forAudit } from './save-person';

const fileId = z.string().uuid('文件不正确').nullable();

export const IdentityCorrection = PersonIdentity.partial().extend({
  id_type: z.enum(valuesOf(ID_TYPES), { error: '证件类型不在可选范围内' }).optional(),
  id_front: fileId.optional(),
  id_back: fileId.optional(),
});
export type IdentityCorrection = z.infer<typeof IdentityCorrection>;

const CORRECTABLE: ReadonlySet<string> = new Set(Object.keys(IdentityCorrection.shape));

/** The studio's update payload of people as a correction (400 for fields an identity does not have). */
export function parseCorrection(payload: unknown): IdentityCorrection {
  const keys = payload !== null && typeof payload === 'object' ? Object.keys(payload) : [];
  // The studio stamps these itself; they are not part of the correction.
  const extra = keys.filter((key) => !CORRECTABLE.has(key) && key !== 'date_updated' && key !== 'date_created');
  if (extra.length) throw invalid('NOT_IDENTITY', `人员库只保存身份证上的信息；“${extra[0]}”不能在此修改`, extra[0]);
  const fields = Object.fromEntries(keys.filter((key) => CORRECTABLE.has(key)).map((key) => [key, (payload as Record<string, unknown>)[key]]));
  return parseInput(IdentityCorrection, fields, IDENTITY_LABELS);
}

/** Stored and submitted values compared as text (SQLite keeps booleans as 0/1). */
const comparable = (value: unknown) => (typeof value === 'boolean' ? String(Number(value)) : String(value ?? ''));

/**
 * Applies `correction` to people `ids` as `actor`, all or nothing.
 * @example await correctIdentities(database, [12], { name: '张三' }, bureauUserId);
 */
export async function correctIdentities(knex: Knex, ids: readonly number[], correction: IdentityCorrection, actor: string): Promise<void> {
  await knex.transaction(async (trx) => {
    const rows: Record<string, unknown>[] = await trx('people').whereIn('id', ids);
    if (rows.length !== new Set(ids).size) throw notYours();
    const audit: AuditEntry[] = [];
    const renamed: number[] = [];
    for (const raw of rows) {
      const stored = fromDbRow('people', raw);
      const changes = Object.fromEntries(Object.entries(correction).filter(([key, value]) => value !== undefined && comparable(value) !== comparable(stored[key])));
      if (!Object.keys(changes).length) continue;
      const after = { ...stored, ...changes };
      if ((after['id_type'] ?? RESIDENT_ID_CARD) === RESIDENT_ID_CARD && ['id_number', 'gender', 'birth_date'].some((key) => key in changes)) {
        const checked = parseIdNumber(String(after['id_number']), { today: todayInShanghai(new Date()), birthDate: String(after['birth_date']), gender: after['gender'] as 'male' | 'female' });
        if (!checked.ok) throw invalid(checked.code, checked.message, checked.code === 'ID_GENDER' ? 'gender' : checked.code === 'ID_BIRTHDATE' ? 'birth_date' : 'id_number');
      }
      try {
        await trx('people').where({ id: stored['id'] }).update(toDbRow(trx, 'people', { ...changes, date_updated: dbNow(trx) }));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('ID_TAKEN', '该身份证号码已登记为其他人员，请核对');
        throw error;
      }
      const keys = Object.keys(changes);
      audit.push({
        actor,
        actorKind: 'user',
        action: 'person.correct',
        collection: 'people',
        item: Number(stored['id']),
        before: forAudit(Object.fromEntries(keys.map((key) => [key, stored[key] ?? null]))),
        after: forAudit(changes),
        note: '住建局更正身份信息',
      });
      if ('name' in changes) renamed.push(Number(stored['id']));
    }
    await writeAuditMany(trx, audit);
    if (renamed.length) {
      const onSite: { id: number }[] = await trx('employments').whereIn('person', renamed).andWhere({ status: 'on_site' }).select('id');
      await queueDeviceSync(trx, onSite.map((row) => Number(row.id)), 'enrol');
    }
  });
}
