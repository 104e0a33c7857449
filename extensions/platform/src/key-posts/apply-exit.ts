/**
 * 退场解锁: the project asks the bureau to let an approved key-post holder leave. The post stays
 * occupied (`exit_pending`) until the bureau approves; only then can someone else be registered.
 */
import { checkExitDate, type IsoDate } from '../../../../schema/rules';
import { writeAudit } from '../audit/write-audit';
import { readDate, toDbRow } from '../db/values';
import type { DirectusApi } from '../directus';
import { conflict, invalid } from '../http/errors';
import { assertOwned, type ProjectScope } from '../http/scope';
import type { KeyPostExit, KeyPostExitReceipt } from '../../../../schema/api/key-posts';

const NOT_IN_POST: Readonly<Record<string, string>> = {
  pending: '该岗位的入场登记尚在审核中，审核通过后才能申请退场',
  exit_pending: '该岗位已提交退场申请，正在等待主管部门审核',
  exit_approved: '主管部门已同意该人员退场，到退场日期后岗位自动解锁',
  rejected: '该入场登记已被驳回，无需申请退场',
  exited: '该人员已退场',
};

export async function applyKeyPostExit(api: DirectusApi, scope: ProjectScope, id: number, input: KeyPostExit, today: IsoDate): Promise<KeyPostExitReceipt> {
  return api.database.transaction(async (trx) => {
    const post = assertOwned(await trx('key_posts').where({ id }).first(), scope);
    if (post.status !== 'approved') throw conflict('KEY_POST_NOT_IN_POST', NOT_IN_POST[String(post.status)] ?? '该岗位当前不能申请退场');
    const entryDate = readDate(post.entry_date);
    const checked = checkExitDate(input.exit_date, entryDate, today);
    if (!checked.ok) throw invalid(checked.code, checked.message, 'exit_date');

    const changes = { status: 'exit_pending', exit_date: input.exit_date, exit_reason: input.exit_reason };
    const changed = await trx('key_posts').where({ id, status: 'approved' }).update(toDbRow(trx, 'key_posts', changes));
    if (changed !== 1) throw conflict('KEY_POST_NOT_IN_POST', NOT_IN_POST['exit_pending']!);
    await writeAudit(trx, {
      actor: scope.userId,
      actorKind: 'user',
      project: scope.projectId,
      action: 'key_post.apply_exit',
      collection: 'key_posts',
      item: id,
      before: { status: 'approved' },
      after: changes,
    });
    return { id, status: 'exit_pending' as const };
  });
}
