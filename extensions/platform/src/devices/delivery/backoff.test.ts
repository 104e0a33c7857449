import { expect, test } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './backoff';

test.each([
  [1, 30_000],
  [2, 60_000],
  [3, 120_000],
  [6, 960_000],
  [7, MAX_RETRY_DELAY_MS],
  [60, MAX_RETRY_DELAY_MS],
])('after attempt %i wait %i ms', (attempts, delay) => {
  expect(retryDelayMs(attempts, 30_000)).toBe(delay);
});
