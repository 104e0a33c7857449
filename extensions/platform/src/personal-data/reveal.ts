/**
 * 查看完整信息: a bureau clerk sees one record's masked personal data (ID number, phones, bank card,
 * address) in full, after giving a reason; the audit log records who, whose, which fields and why.
 * The values are answered once and never stored anywhere else.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { COLLECTION_LABELS } from '../../../../schema/model/collection-labels';
import { maskedFields } from '../../../../schema/model/field-flags';
import { labelOf } from '../../../../schema/codes';
import { writeAudit } from '../audit/write-audit';
import { invalid } from '../http/errors';
import { parseInput } from '../http/validate';
import { loadPersonalRecord, requireStudioStaff } from './subject';

/** Why a clerk looks at someone's personal data: required, so every reveal says why. */
export const Reason = z.string({ error: '请填写查看事由' }).trim().min(2, '请填写查看事由（至少 2 个字）').max(200, '查看事由不能超过 200 字');

export const RevealRequest = z.object({
  collection: z.string({ error: '请指定记录类别' }),
  id: z.coerce.number({ error: '记录编号不正确' }).int('记录编号不正确').positive('记录编号不正确'),
  reason: Reason,
});

export interface RevealedField {
  field: string;
  label: string;
  value: string | null;
}

export interface Revealed {
  subject: string;
  fields: RevealedField[];
}

/** A stored value as text: JSON columns (an employment's card record) come back as objects on PostgreSQL. */
const asText = (value: unknown): string | null => (value == null ? null : typeof value === 'object' ? JSON.stringify(value) : String(value));

export async function revealPersonalData(database: Knex, userId: string | null | undefined, input: unknown): Promise<Revealed> {
  const request = parseInput(RevealRequest, input, { reason: '查看事由' });
  const actor = await requireStudioStaff(database, userId);
  const fields = maskedFields(request.collection);
  if (!fields.length) throw invalid('NO_PERSONAL_DATA', '该类记录没有需要查看的个人信息', 'collection');
  const record = await loadPersonalRecord(database, request.collection, request.id);
  const revealed = fields.map((def) => ({ field: def.field, label: def.label, value: asText(record.row[def.field]) }));
  await writeAudit(database, {
    actor,
    actorKind: 'user',
    project: record.project,
    action: 'personal_data.reveal',
    collection: request.collection,
    item: request.id,
    after: { subject: record.subject, fields: fields.map((def) => def.field) },
    note: `查看${labelOf(COLLECTION_LABELS, request.collection) ?? ''}“${record.subject}”的完整信息（${fields.map((def) => def.label).join('、')}），事由：${request.reason}`,
  });
  return { subject: record.subject, fields: revealed };
}
