import { describe, expect, test } from 'vitest';
import { intervalCron, PlatformConfig } from './config';

describe('intervalCron (the delivery job on the clock grid, so replicas tick together)', () => {
  test.each([
    [0, 'off'],
    [1, '*/1 * * * * *'],
    [10, '*/10 * * * * *'],
    [30, '*/30 * * * * *'],
    [60, '0 */1 * * * *'],
    [300, '0 */5 * * * *'],
    [1800, '0 */30 * * * *'],
    [3600, '0 0 * * * *'],
  ])('%i s → %s', (seconds, cron) => expect(intervalCron(seconds)).toBe(cron));

  test.each([7, 45, 90, 700, 2.5, -10])('%d s does not divide a minute or an hour: refused', (seconds) => {
    expect(intervalCron(seconds)).toBeNull();
  });

  test('the setting is checked when the server reads it', () => {
    expect(PlatformConfig.parse({ PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS: '10' }).PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS).toBe(10);
    expect(PlatformConfig.parse({}).PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS).toBe(10);
    expect(() => PlatformConfig.parse({ PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS: '45' })).toThrow(/divisor/);
  });
});
