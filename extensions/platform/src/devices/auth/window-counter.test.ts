import { describe, expect, test } from 'vitest';
import { WindowCounter } from './window-counter';

describe('WindowCounter', () => {
  test('allows `limit` events per key and window, then refuses until the next window', () => {
    const counter = new WindowCounter(3, 60_000);
    expect([0, 1, 2, 3, 4].map((i) => counter.take('203.0.113.7', 1000 + i))).toEqual([true, true, true, false, false]);
    expect(counter.take('198.51.100.1', 1010)).toBe(true);
    expect(counter.take('203.0.113.7', 61_000)).toBe(true);
  });

  test('forgets the oldest key past its size bound', () => {
    const counter = new WindowCounter(1, 60_000, 2);
    expect(counter.take('a', 0)).toBe(true);
    expect(counter.take('b', 0)).toBe(true);
    expect(counter.take('c', 0)).toBe(true);
    // 'a' was forgotten, so it starts a new window; 'b' is still counted.
    expect(counter.take('a', 1)).toBe(true);
    expect(counter.take('c', 1)).toBe(false);
  });
});
