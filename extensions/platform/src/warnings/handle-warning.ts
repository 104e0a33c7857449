/**
 * 处理预警: bureau staff mark open warnings handled with a note, in the studio (the item form or
 * the dashboard's warning list). A person's update of a warning is this decision and nothing else:
 * the figures belong to the roll-up, `resolved` is set by the roll-up when the cause ends, and
 * handled_by / handled_at are stamped here. Status, note, stamps and the audit row are written in
 * one transaction; the roll-up keeps handled rows active (it refreshes their figures and resolves
 * them when the cause ends, see attendance/reconcile-warnings.ts).
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { writeAuditMany } from '../audit/write-audit';
import { dbNow } from '../db/values';
import { conflict, invalid, notYours } from '../http/errors';
import { parseInput } from '../http/validate';

export const HandleWarning = z.object({
  status: z.literal('handled', {
    error: (issue) =>
      issue.input === undefined ? '填写处理说明后请将状态改为“已处理”' : '只能将未处理的预警标记为“已处理”；“已解除”由系统在原因消除后自动设置',
  }),
  handled_note: z.string({ error: '标记为已处理时请填写处理说明' }).trim().min(1, '标记为已处理时请填写处理说明').max(1000, '处理说明不能超过 1000 字'),
});

export type HandleWarning = z.infer<typeof HandleWarning>;

/** Parses a person's update payload of warnings (400 with a Chinese message when it is not a handling). */
export function parseHandling(payload: unknown): HandleWarning {
  const keys = payload !== null && typeof payload === 'object' ? Object.keys(payload) : [];
  const extra = keys.filter((key) => key !== 'status' && key !== 'handled_note');
  if (extra.length) throw invalid('WARNING_READONLY', '预警内容由系统生成，只能填写处理说明并标记为“已处理”', extra[0]);
  return parseInput(HandleWarning, payload);
}

/**
 * Marks `ids` handled by `actor` with the note, all or nothing: a warning that is gone → 403,
 * one no longer open (handled, or resolved by the roll-up meanwhile) → 409.
 */
export async function handleWarnings(knex: Knex, ids: readonly number[], handling: HandleWarning, actor: string): Promise<void> {
  await knex.transaction(async (trx) => {
    const rows: { id: number; project: number; status: string }[] = await trx('warnings').select('id', 'project', 'status').whereIn('id', ids);
    if (rows.length !== new Set(ids).size) throw notYours();
    if (rows.some((row) => row.status !== 'open')) throw conflict('WARNING_NOT_OPEN', '该预警已处理或已解除，不能重复处理');
    const changed = await trx('warnings')
      .whereIn('id', ids)
      .andWhere({ status: 'open' })
      .update({ status: 'handled', handled_note: handling.handled_note, handled_by: actor, handled_at: dbNow(trx) });
    if (changed !== rows.length) throw conflict('WARNING_NOT_OPEN', '该预警已处理或已解除，不能重复处理');
    await writeAuditMany(
      trx,
      rows.map((row) => ({
        actor,
        actorKind: 'user' as const,
        project: Number(row.project),
        action: 'warning.handle',
        collection: 'warnings',
        item: Number(row.id),
        before: { status: 'open' },
        after: { status: 'handled' },
        note: handling.handled_note,
      })),
    );
  });
}
