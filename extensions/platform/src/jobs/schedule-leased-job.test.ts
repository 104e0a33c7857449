import { describe, expect, test } from 'vitest';
import { describeTick, tickOf } from './schedule-leased-job';

describe('tick lines', () => {
  test('a tick is its scheduled time to the second, whatever the replica’s few ms of delay', () => {
    expect(tickOf(new Date('2026-03-01T08:00:05.004Z')).toISOString()).toBe('2026-03-01T08:00:05.000Z');
  });

  test.each([
    [{ ran: true, summary: '3 projects, 6 project-days' } as const, 'job attendance-rollup tick 2026-03-01T08:00:05.000Z: ran (3 projects, 6 project-days)'],
    [{ ran: false, alreadyRan: true } as const, 'job attendance-rollup tick 2026-03-01T08:00:05.000Z: skipped, already run by another replica'],
    [{ ran: false, heldBy: 'vm:42:ab' } as const, 'job attendance-rollup tick 2026-03-01T08:00:05.000Z: skipped, another runner holds the lease (vm:42:ab)'],
  ])('%o', (outcome, line) => {
    expect(describeTick('attendance-rollup', new Date('2026-03-01T08:00:05.000Z'), outcome)).toBe(line);
  });
});
