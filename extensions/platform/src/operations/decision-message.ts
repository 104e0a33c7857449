/**
 * What a review decision did, in one Chinese sentence: the review flows answer it with their result
 * and the studio's 审核 panel shows it, so a clerk reads "已通过：项目编码 …" instead of "流程已触发".
 */
import type { KeyPostReviewResult } from '../key-posts/review-key-post';
import type { ReviewResult } from '../declarations/review-declaration';

export function declarationMessage(result: ReviewResult): string {
  if (result.status === 'rejected') return '已驳回：审核意见已告知申报人，申报人可修改后重新提交';
  return `已通过：项目编码 ${result.code ?? ''}，项目账号 ${result.code ?? ''}（申报人在“申报进度”中领取初始密码）`;
}

export function keyPostEntryMessage(result: KeyPostReviewResult): string {
  return result.status === 'approved' ? '已通过：该人员已在岗' : '已驳回：岗位已空出，项目可重新登记';
}

export function keyPostExitMessage(result: KeyPostReviewResult): string {
  if (result.status === 'exit_approved') return `已同意退场：${result.exit_date ?? ''} 起人员离岗、岗位解锁，此前仍计在岗`;
  if (result.status === 'exited') return '已同意退场：人员已退场，岗位已解锁，项目可登记新人员';
  return '已驳回退场申请：人员继续在岗';
}
