import type { ManualPunchReceipt } from '../../../../../../schema/api/site';
import { validityRule } from '../../../attendance/day-attendance';
import { localDayOf } from '../../../attendance/local-days';
import { MANUAL_PUNCH_LABELS, ManualPunchInput, manualDedupKey, manualPunchRefusal } from '../../../attendance/manual-punch';
import { rateSettings } from '../../../attendance/rate-state';
import { rollupCityDays } from '../../../attendance/rollup-city';
import { rollupProjectDays } from '../../../attendance/rollup-days';
import { writeAudit } from '../../../audit/write-audit';
import { platformConfig } from '../../../config';
import { isUniqueViolation } from '../../../db/unique-violation';
import { dbNow, readDate, toDbRow } from '../../../db/values';
import { conflict, invalid } from '../../../http/errors';
import { assertOwned, projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';

const duplicate = () => conflict('DUPLICATE_PUNCH', '该人员在这一时刻已有补录的打卡记录');

/**
 * POST /platform/punches — 手工补录: a punch a device missed, for a person on site in the caller's
 * project, with a reason. Stored with source `manual` and the user who added it, audited, and
 * that day's attendance recomputed, all in one transaction.
 */
export async function addManualPunch({ req, database, env }: HandlerContext): Promise<ManualPunchReceipt> {
  const scope = await projectScope(req, database);
  const input = parseInput(ManualPunchInput, req.body, MANUAL_PUNCH_LABELS);
  const at = new Date(input.punched_at);
  const now = new Date();
  const employment = assertOwned(
    await database('employments').select('id', 'project', 'person', 'status', 'entry_date', 'device_pin').where({ id: input.employment }).first(),
    scope,
  );
  const refusal = manualPunchRefusal({ status: String(employment.status), entry_date: readDate(employment.entry_date) ?? '' }, at, now);
  if (refusal) throw refusal.kind === 'conflict' ? conflict(refusal.rule, refusal.message) : invalid(refusal.rule, refusal.message, refusal.field);

  const punch = {
    project: scope.projectId,
    employment: Number(employment.id),
    person: Number(employment.person),
    device: null,
    device_pin: String(employment.device_pin),
    punched_at: at.toISOString(),
    direction: input.direction,
    verify_mode: null,
    source: 'manual',
    reason: input.reason,
    created_by: scope.userId,
    dedup_key: manualDedupKey(Number(employment.id), at),
    raw: JSON.stringify({ source: 'manual', punched_at: input.punched_at, direction: input.direction, reason: input.reason }),
  };
  const id = await database.transaction(async (trx) => {
    if (await trx('punches').where({ dedup_key: punch.dedup_key }).first('id')) throw duplicate();
    let inserted: unknown;
    try {
      [inserted] = await trx('punches').insert({ ...toDbRow(trx, 'punches', punch), received_at: dbNow(trx) }, ['id']);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
    const punchId = Number(typeof inserted === 'object' && inserted !== null ? (inserted as { id: unknown }).id : inserted);
    await writeAudit(trx, {
      actor: scope.userId,
      actorKind: 'user',
      project: scope.projectId,
      action: 'punch.manual',
      collection: 'punches',
      item: punchId,
      after: { employment: punch.employment, punched_at: punch.punched_at, direction: punch.direction },
      note: input.reason,
    });
    // The day's figures follow in the same transaction rather than at the next scheduled roll-up
    // (which recomputes the day again from received_at; recomputing is idempotent).
    // The city's sums of that day include the project's new figures (the studio dashboard reads them).
    const day = localDayOf(at);
    const now = new Date();
    const config = platformConfig(env);
    await rollupProjectDays(trx, scope.projectId, [day], validityRule(config), { today: localDayOf(now) });
    await rollupCityDays(trx, [day], rateSettings(config, now));
    return punchId;
  });
  return { id, employment: punch.employment, punched_at: punch.punched_at, direction: punch.direction, source: 'manual', reason: punch.reason };
}
