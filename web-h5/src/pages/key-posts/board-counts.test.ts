import { describe, expect, test } from 'vitest';
import type { KeyPostStatus } from '@/api/key-posts';
import { boardCounts } from './board-counts';

const slot = (status: KeyPostStatus | null) => ({ holder: status === null ? null : ({ status } as never) });

describe('关键岗位 summary', () => {
  test('an exit awaiting review is one post in post, not also one waiting (the user guide’s eight posts)', () => {
    const slots = [slot('exit_pending'), slot('pending'), ...Array.from({ length: 6 }, () => slot(null))];
    const counts = boardCounts(slots);
    expect(counts).toEqual({ inPost: 1, exitPending: 1, waiting: 1, empty: 6 });
    expect(counts.inPost + counts.waiting + counts.empty).toBe(slots.length);
  });

  test.each<[string, (KeyPostStatus | null)[], { inPost: number; exitPending: number; waiting: number; empty: number }]>([
    ['a full board', ['approved', 'approved', 'approved'], { inPost: 3, exitPending: 0, waiting: 0, empty: 0 }],
    ['nobody yet', [null, null], { inPost: 0, exitPending: 0, waiting: 0, empty: 2 }],
    ['entries waiting', ['pending', 'pending', 'approved'], { inPost: 1, exitPending: 0, waiting: 2, empty: 0 }],
  ])('%s', (_label, statuses, expected) => expect(boardCounts(statuses.map(slot))).toEqual(expected));
});
