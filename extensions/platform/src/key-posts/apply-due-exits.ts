/**
 * Key-post exits approved ahead of their date (`exit_approved`) take effect on that date: the daily
 * job makes them `exited`, which frees the post, and ends the holder's employment (exit-holder.ts). One transaction, one audit row per post, under the
 * job lease so one replica does it (once per scheduled tick, `tick`); running it again the same day
 * finds nothing to do.
 */
import type { Knex } from 'knex';
import { isIsoDate, todayInShanghai, type IsoDate } from '../../../../schema/rules/dates';
import { writeAuditMany } from '../audit/write-audit';
import { dbDate, readDate } from '../db/values';
import { withJobLease } from '../jobs/lease';
import { exitHolder } from './exit-holder';

export const KEY_POST_EXIT_JOB = 'key-post-exits';

export interface DueExitsReport {
  ran: boolean;
  /** Who held the lease when this run gave up. */
  heldBy?: string | null;
  /** The scheduled tick was already run by another replica. */
  alreadyRan?: boolean;
  exited: number[];
}

/** Makes every `exit_approved` post whose exit date is `today` or earlier `exited`. */
export async function applyDueKeyPostExits(knex: Knex, today: IsoDate, options: { waitMs?: number; tick?: number } = {}): Promise<DueExitsReport> {
  const leaseOptions = { waitMs: options.waitMs ?? 0, ...(options.tick === undefined ? {} : { tick: options.tick }) };
  const outcome = await withJobLease(knex, KEY_POST_EXIT_JOB, () => exitDuePosts(knex, today), leaseOptions);
  if (outcome.ran) return { ran: true, exited: outcome.result };
  return { ran: false, heldBy: outcome.heldBy, ...(outcome.alreadyRan ? { alreadyRan: true } : {}), exited: [] };
}

async function exitDuePosts(knex: Knex, today: IsoDate): Promise<number[]> {
  return knex.transaction(async (trx) => {
    const due: { id: number; project: number; employment: number | null; exit_date: unknown; exit_reason: string | null }[] = await trx('key_posts')
      .select('id', 'project', 'employment', 'exit_date', 'exit_reason')
      .where({ status: 'exit_approved' })
      .andWhere('exit_date', '<=', dbDate(trx, today));
    const exited: number[] = [];
    for (const post of due) {
      if ((await trx('key_posts').where({ id: post.id, status: 'exit_approved' }).update({ status: 'exited' })) !== 1) continue;
      exited.push(Number(post.id));
      await exitHolder(trx, post, { exit_date: readDate(post.exit_date), exit_reason: post.exit_reason }, { actor: null, today });
    }
    const byId = new Map(due.map((post) => [Number(post.id), post]));
    await writeAuditMany(
      trx,
      exited.map((id) => ({
        actor: null,
        actorKind: 'system' as const,
        project: Number(byId.get(id)?.project),
        action: 'key_post.exit_effective',
        collection: 'key_posts',
        item: id,
        before: { status: 'exit_approved' },
        after: { status: 'exited', exit_date: readDate(byId.get(id)?.exit_date) },
        note: `退场日期已到（${readDate(byId.get(id)?.exit_date) ?? ''}），岗位解锁`,
      })),
    );
    return exited;
  });
}

/** `--today` of the CLI command, or today in Shanghai. */
export function dueExitsDay(value: unknown, clock = new Date()): IsoDate {
  if (value === undefined) return todayInShanghai(clock);
  const day = String(value);
  if (!isIsoDate(day)) throw new Error(`--today must be YYYY-MM-DD: ${day}`);
  return day;
}
