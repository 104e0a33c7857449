import type { KeyPostSlot } from '@/api/key-posts';

/** The board's summary; every post is counted exactly once, so the three figures add up to the posts. */
export interface BoardCounts {
  /** Posts whose holder is approved, including one whose exit is awaiting review (still in post until then). */
  inPost: number;
  /** Of them, exits awaiting the bureau (退场审核中). */
  exitPending: number;
  /** Posts whose entry awaits the bureau (入场待审核). */
  waiting: number;
  /** Posts nobody holds or applies for (未登记). */
  empty: number;
}

/** 在岗 + 待审核 + 未登记 = posts: an exit pending review is a person still in post, not a second post. */
export function boardCounts(slots: readonly Pick<KeyPostSlot, 'holder'>[]): BoardCounts {
  const counts: BoardCounts = { inPost: 0, exitPending: 0, waiting: 0, empty: 0 };
  for (const { holder } of slots) {
    if (!holder) counts.empty += 1;
    else if (holder.status === 'pending') counts.waiting += 1;
    else {
      counts.inPost += 1;
      if (holder.status === 'exit_pending') counts.exitPending += 1;
    }
  }
  return counts;
}
