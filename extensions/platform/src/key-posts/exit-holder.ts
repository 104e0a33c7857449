import type { Knex } from 'knex';
import type { IsoDate } from '../../../../schema/rules/dates';
import { exitPerson } from '../exits/exit-employments';

/**
 * The holder leaves the project with the post: their on-site employment exits on the exit date, in
 * the caller's transaction. Called when an approved key-post exit takes effect: at approval
 * (review-key-post.ts) or, for an exit approved ahead of its date, by the daily job (apply-due-exits.ts).
 */
export async function exitHolder(
  trx: Knex,
  post: Record<string, unknown>,
  application: { exit_date: string | null; exit_reason: string | null },
  /** `actor`: the reviewing bureau user, or null when the daily job applies an exit on its date. */
  context: { actor: string | null; today: IsoDate },
): Promise<void> {
  const employmentId = Number(post['employment']);
  if (!employmentId || !application.exit_date) return;
  const employment = await trx('employments').where({ id: employmentId, status: 'on_site' }).first('id');
  if (!employment) return;
  await exitPerson(trx, employmentId, {
    projectId: Number(post['project']),
    actor: context.actor,
    exitDate: application.exit_date,
    reason: application.exit_reason ?? '关键岗位退场',
    today: context.today,
  });
}
