import { describe, expect, test } from 'vitest';
import { localClock, rateState } from './rate-state';

const DAY = '2026-03-02';

describe('how a rate reads against the warning line', () => {
  const settings = (wall: string) => ({ now: new Date(`${DAY}T${wall}:00+08:00`), warnRate: 0.6, arrivalBy: '09:30' });

  test('the Shanghai wall clock, whatever the server zone', () => {
    expect(localClock(new Date('2026-03-02T01:15:00Z'))).toBe('09:15');
    expect(localClock(new Date('2026-03-01T16:05:00Z'))).toBe('00:05');
  });

  test.each([
    ['07:10 today, 30 %: people are on their way', 0.3, DAY, '07:10', 'early'],
    ['09:29 today, nobody yet', 0, DAY, '09:29', 'early'],
    ['09:30 today, 30 %', 0.3, DAY, '09:30', 'low'],
    ['10:15 today, 87 %', 0.87, DAY, '10:15', 'normal'],
    ['yesterday read at 07:10 is a finished day', 0.3, '2026-03-01', '07:10', 'low'],
    ['yesterday at 60 % exactly', 0.6, '2026-03-01', '07:10', 'normal'],
    ['no rate (nobody on site)', null, DAY, '12:00', 'normal'],
  ])('%s', (_label, value, day, wall, expected) => expect(rateState(value, day, settings(wall))).toBe(expected));
});
