/**
 * 发卡: sets, changes or clears the attendance card (一卡通) of an on-site person. A card number
 * belongs to one on-site person per project (partial unique index on employments); the gate
 * devices learn the new card through a queued `card` command.
 */
import type { Knex } from 'knex';
import type { CardResult } from '../../../../schema/api/people';
import { writeAudit } from '../audit/write-audit';
import { isUniqueViolation } from '../db/unique-violation';
import { queueDeviceSync } from '../devices/queue-device-sync';
import { conflict, notYours } from '../http/errors';

const taken = () => conflict('CARD_TAKEN', '该考勤卡号已发给本项目其他在场人员');

/** Gives employment `id` the card (null takes it back); returns the card now held. */
export async function assignCard(trx: Knex, id: number, cardNo: string | null, scope: { projectId: number; userId: string }): Promise<CardResult> {
  const employment = await trx('employments').select('id', 'project', 'status', 'card_no').where({ id }).first();
  if (!employment || Number(employment.project) !== scope.projectId) throw notYours();
  if (employment.status !== 'on_site') throw conflict('ALREADY_EXITED', '已退场人员不能发卡');
  if ((employment.card_no ?? null) === cardNo) return { card_no: cardNo };
  if (cardNo !== null) {
    const holder = await trx('employments').where({ project: scope.projectId, status: 'on_site', card_no: cardNo }).whereNot({ id }).first('id');
    if (holder) throw taken();
  }
  try {
    await trx('employments').where({ id }).update({ card_no: cardNo });
  } catch (error) {
    // A concurrent 发卡 of the same number won the race: the partial unique index refuses this one.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
  await queueDeviceSync(trx, [id], 'card');
  await writeAudit(trx, {
    actor: scope.userId,
    actorKind: 'user',
    project: scope.projectId,
    action: 'employment.card',
    collection: 'employments',
    item: id,
    before: { card_no: employment.card_no ?? null },
    after: { card_no: cardNo },
  });
  return { card_no: cardNo };
}
