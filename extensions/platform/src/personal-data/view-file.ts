/**
 * The studio's photo viewer: a bureau clerk opens one private image (ID card sides, face photos,
 * a key post's certificate, a contract page) from the record it belongs to; each view writes an
 * audit row (who, whose, which photo, why). Bureau staff have no access to Directus's file library
 * or `/assets`, so this is the only way they see a photo. ID and face photos need a reason.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { collectionDef, fileFields } from '../../../../schema/model/field-flags';
import { writeAudit } from '../audit/write-audit';
import { notYours } from '../http/errors';
import { parseInput } from '../http/validate';
import { Reason } from './reveal';
import { loadPersonalRecord, requireStudioStaff } from './subject';

export const FileViewRequest = z.object({
  collection: z.string({ error: '请指定记录类别' }),
  id: z.coerce.number({ error: '记录编号不正确' }).int('记录编号不正确').positive('记录编号不正确'),
  field: z.string({ error: '请指定照片' }),
  /** For a files alias (contract pages): which of its files. */
  file: z.uuid('照片编号不正确').optional(),
  reason: z.string().optional(),
});

export interface FileToView {
  fileId: string;
}

/** Checks the request, finds the file and audits the view; the caller streams `fileId`. */
export async function authorizeFileView(database: Knex, userId: string | null | undefined, input: unknown): Promise<FileToView> {
  const request = parseInput(FileViewRequest, input);
  const actor = await requireStudioStaff(database, userId);
  const record = await loadPersonalRecord(database, request.collection, request.id);
  const field = fileFields(request.collection).find((def) => def.field === request.field);
  const files = collectionDef(request.collection)?.aliases?.find((alias) => alias.kind === 'files' && alias.field === request.field);
  let fileId: string | null = null;
  let label: string;
  let sensitive = false;
  if (field) {
    fileId = record.row[field.field] == null ? null : String(record.row[field.field]);
    label = field.label;
    sensitive = Boolean(field.sensitive);
  } else if (files && files.kind === 'files' && request.file) {
    const link = await database(files.related).where({ [files.foreignKey]: request.id, directus_files_id: request.file }).first('directus_files_id');
    fileId = link ? String(link.directus_files_id) : null;
    label = files.label;
  } else throw notYours();
  if (!fileId) throw notYours();
  const reason = sensitive ? parseInput(z.object({ reason: Reason }), { reason: request.reason }, { reason: '查看事由' }).reason : request.reason?.trim() || null;
  await writeAudit(database, {
    actor,
    actorKind: 'user',
    project: record.project,
    action: 'file.view',
    collection: request.collection,
    item: request.id,
    after: { subject: record.subject, field: request.field, file: fileId },
    note: `查看“${record.subject}”的${label}${reason ? `，事由：${reason}` : ''}`,
  });
  return { fileId };
}
