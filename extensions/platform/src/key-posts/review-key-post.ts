/**
 * The bureau's decisions on key posts (flows 审核关键岗位 and 审核退场解锁), each in one
 * transaction with its audit row. Only the state the flow is for can be decided, once:
 *   entry: pending → approved | rejected (frees the post)
 *   exit:  exit_pending → exited (frees the post) | approved (the holder stays, with the reason)
 * An approved exit also ends the holder's employment on the applied date (devices drop them,
 * attendance stops), like any 退场; a rejected entry leaves the person on site as an ordinary
 * 管理人员 of the project, whom the project exits the usual way if they leave.
 */
import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { todayInShanghai } from '../../../../schema/rules';
import { dbNow, readDate } from '../db/values';
import { ReviewDecision, type ReviewContext } from '../declarations/review-declaration';
import { exitPerson } from '../exits/exit-employments';
import { conflict, notYours } from '../http/errors';
import { parseInput } from '../http/validate';

export interface KeyPostReviewResult {
  id: number;
  status: 'approved' | 'rejected' | 'exited';
}

const ALREADY_DECIDED = '该申请已审核，不能重复审核';

async function loadPost(trx: Knex, id: number) {
  if (!Number.isInteger(id) || id <= 0) throw notYours();
  const post = await trx('key_posts').where({ id }).first();
  if (!post) throw notYours();
  return post;
}

/** The holder leaves the project with the post: their on-site employment exits on the applied date. */
async function exitHolder(trx: Knex, post: Record<string, unknown>, application: { exit_date: string | null; exit_reason: string | null }, actor: string | null): Promise<void> {
  const employmentId = Number(post['employment']);
  if (!employmentId || !application.exit_date) return;
  const employment = await trx('employments').where({ id: employmentId, status: 'on_site' }).first('id');
  if (!employment) return;
  await exitPerson(trx, employmentId, {
    projectId: Number(post['project']),
    actor: actor ?? 'bureau',
    exitDate: application.exit_date,
    reason: application.exit_reason ?? '关键岗位退场',
    today: todayInShanghai(new Date()),
  });
}

/** 审核关键岗位: approve or reject a `pending` entry registration. */
export async function reviewKeyPostEntry(ctx: ReviewContext, id: number, input: unknown): Promise<KeyPostReviewResult> {
  const decision = parseInput(ReviewDecision, input);
  return ctx.database.transaction(async (trx) => {
    const post = await loadPost(trx, id);
    if (post.status !== 'pending') throw conflict('ALREADY_DECIDED', ALREADY_DECIDED);
    const status = decision.decision === 'approve' ? 'approved' : 'rejected';
    const changed = await trx('key_posts')
      .where({ id, status: 'pending' })
      .update({ status, review_reason: decision.reason ?? null, reviewed_at: dbNow(trx) });
    if (changed !== 1) throw conflict('ALREADY_DECIDED', ALREADY_DECIDED);
    await writeAudit(trx, {
      actor: ctx.actor,
      actorKind: 'user',
      project: Number(post.project),
      action: decision.decision === 'approve' ? 'key_post.approve' : 'key_post.reject',
      collection: 'key_posts',
      item: id,
      before: { status: 'pending' },
      after: { status, reason: decision.reason ?? null },
      note: decision.reason ?? null,
    });
    return { id, status };
  });
}

/** 审核退场解锁: approve (the holder leaves on the applied date) or reject (back in post) an `exit_pending` application. */
export async function reviewKeyPostExit(ctx: ReviewContext, id: number, input: unknown): Promise<KeyPostReviewResult> {
  const decision = parseInput(ReviewDecision, input);
  return ctx.database.transaction(async (trx) => {
    const post = await loadPost(trx, id);
    if (post.status !== 'exit_pending') {
      const message = post.status === 'pending' ? '该记录是入场登记，请使用“审核关键岗位”' : ALREADY_DECIDED;
      throw conflict(post.status === 'pending' ? 'WRONG_FLOW' : 'ALREADY_DECIDED', message);
    }
    const application = { exit_date: readDate(post.exit_date), exit_reason: post.exit_reason ?? null };
    const approve = decision.decision === 'approve';
    const status = approve ? 'exited' : 'approved';
    // A rejected application leaves no exit date behind; the audit row keeps what was applied for.
    const changes = approve ? { status } : { status, exit_date: null, exit_reason: null };
    const changed = await trx('key_posts')
      .where({ id, status: 'exit_pending' })
      .update({ ...changes, review_reason: decision.reason ?? null, reviewed_at: dbNow(trx) });
    if (changed !== 1) throw conflict('ALREADY_DECIDED', ALREADY_DECIDED);
    if (approve) await exitHolder(trx, post, application, ctx.actor);
    await writeAudit(trx, {
      actor: ctx.actor,
      actorKind: 'user',
      project: Number(post.project),
      action: approve ? 'key_post.approve_exit' : 'key_post.reject_exit',
      collection: 'key_posts',
      item: id,
      before: { status: 'exit_pending', ...application },
      after: { status, reason: decision.reason ?? null },
      note: decision.reason ?? null,
    });
    return { id, status };
  });
}
