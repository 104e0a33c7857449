/**
 * The platform's settings, read once from Directus's env (`PLATFORM_*`, see .env.example) and
 * validated. Every rule with a configurable threshold reads it from here.
 */
import { z } from 'zod';

const number = (fallback: number) => z.coerce.number().finite().default(fallback);

export const PlatformConfig = z.object({
  PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES: number(5),
  PLATFORM_WORKER_MAX_AGE_MALE: number(60),
  PLATFORM_WORKER_MAX_AGE_FEMALE: number(50),
  PLATFORM_ATTENDANCE_WARN_RATE: number(0.6),
  PLATFORM_KEYPOST_WARN_RATE: number(0.8),
  PLATFORM_NO_PUNCH_WARN_DAYS: number(7),
  PLATFORM_ATTENDANCE_VALID_MIN_PUNCHES: number(2),
  PLATFORM_ATTENDANCE_VALID_MIN_HOURS: number(4),
  PLATFORM_TIMEZONE: z.string().default('Asia/Shanghai'),
  PLATFORM_UPLOAD_MAX_BYTES: number(10 * 1024 * 1024),
});

export type PlatformConfig = z.infer<typeof PlatformConfig>;

let cached: PlatformConfig | undefined;

/** The validated settings (first call parses `env`; a bad value stops the server with its name). */
export function platformConfig(env: Record<string, unknown>): PlatformConfig {
  cached ??= PlatformConfig.parse(Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('PLATFORM_'))));
  return cached;
}
