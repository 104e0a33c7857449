/**
 * The bureau's decisions on key posts (flows 审核关键岗位 and 审核退场解锁), each in one
 * transaction with its audit row. Only the state the flow is for can be decided, once:
 *   entry: pending → approved | rejected (frees the post)
 *   exit:  exit_pending → exited (frees the post) | approved (the holder stays, with the reason);
 *          an exit dated after today is exit_approved (still in post) until the daily job
 *          (apply-due-exits.ts) makes it exited on that date.
 * An exit that takes effect (at approval, or on its date) also ends the holder's employment on the
 * exit date (devices drop them, attendance stops), like any 退场; a rejected entry leaves the person
 * on site as an ordinary 管理人员 of the project, whom the project exits the usual way if they leave.
 */
import type { Knex } from 'knex';
import { isAfter, todayInShanghai, type IsoDate } from '../../../../schema/rules/dates';
import { writeAudit } from '../audit/write-audit';
import { dbNow, readDate } from '../db/values';
import { ReviewDecision, type ReviewContext } from '../declarations/review-declaration';
import { conflict, notYours } from '../http/errors';
import { parseInput } from '../http/validate';
import { exitHolder } from './exit-holder';

export interface KeyPostReviewResult {
  id: number;
  status: 'approved' | 'rejected' | 'exit_approved' | 'exited';
  /** Exit decisions: the day the holder leaves the post. */
  exit_date?: IsoDate | null;
}

const ALREADY_DECIDED = '该申请已审核，不能重复审核';

async function loadPost(trx: Knex, id: number) {
  if (!Number.isInteger(id) || id <= 0) throw notYours();
  const post = await trx('key_posts').where({ id }).first();
  if (!post) throw notYours();
  return post;
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
export async function reviewKeyPostExit(ctx: ReviewContext, id: number, input: unknown, today: IsoDate = todayInShanghai(new Date())): Promise<KeyPostReviewResult> {
  const decision = parseInput(ReviewDecision, input);
  return ctx.database.transaction(async (trx) => {
    const post = await loadPost(trx, id);
    if (post.status !== 'exit_pending') {
      const message = post.status === 'pending' ? '该记录是入场登记，请使用“审核关键岗位”' : ALREADY_DECIDED;
      throw conflict(post.status === 'pending' ? 'WRONG_FLOW' : 'ALREADY_DECIDED', message);
    }
    const application = { exit_date: readDate(post.exit_date), exit_reason: post.exit_reason ?? null };
    const approve = decision.decision === 'approve';
    const scheduled = approve && application.exit_date !== null && isAfter(application.exit_date, today);
    const status = approve ? (scheduled ? 'exit_approved' : 'exited') : 'approved';
    // A rejected application leaves no exit date behind; the audit row keeps what was applied for.
    const changes = approve ? { status } : { status, exit_date: null, exit_reason: null };
    const changed = await trx('key_posts')
      .where({ id, status: 'exit_pending' })
      .update({ ...changes, review_reason: decision.reason ?? null, reviewed_at: dbNow(trx) });
    if (changed !== 1) throw conflict('ALREADY_DECIDED', ALREADY_DECIDED);
    if (approve && !scheduled) await exitHolder(trx, post, application, { actor: ctx.actor, today });
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
    return { id, status, exit_date: approve ? application.exit_date : null };
  });
}
