import { describe, expect, test } from 'vitest';
import { isDeviceOnline } from './device-status';

describe('device online within the window (default 5 min)', () => {
  const NOW = new Date('2025-03-03T10:00:00Z');
  test.each([
    ['seen just now', 'active', '2025-03-03T10:00:00Z', true],
    ['seen 5 minutes ago', 'active', '2025-03-03T09:55:00Z', true],
    ['seen 5 minutes and 1 second ago', 'active', '2025-03-03T09:54:59Z', false],
    ['seen a day ago', 'active', '2025-03-02T10:00:00Z', false],
    ['stamped a moment after now by another replica', 'active', '2025-03-03T10:00:02Z', true],
    ['never seen', 'active', null, false],
    ['disabled though seen now', 'disabled', '2025-03-03T10:00:00Z', false],
    ['not yet bound', 'pending', '2025-03-03T10:00:00Z', false],
  ])('%s', (_label, status, lastSeen, online) => {
    expect(isDeviceOnline({ status, last_seen_at: lastSeen }, NOW, 5)).toBe(online);
  });

  test('the window is configurable', () => {
    expect(isDeviceOnline({ status: 'active', last_seen_at: '2025-03-03T09:50:00Z' }, NOW, 15)).toBe(true);
  });
});
