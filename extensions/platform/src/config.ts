/**
 * The platform's settings, read once from Directus's env (`PLATFORM_*`, see .env.example) and
 * validated. Every rule with a configurable threshold reads it from here.
 */
import { z } from 'zod';

const number = (fallback: number) => z.coerce.number().finite().default(fallback);

/**
 * The node-cron expression (with seconds) of a job run every `seconds`, on the clock's grid so that
 * every replica ticks at the same moments: 'off' for 0, null when `seconds` does not divide a minute
 * or an hour evenly.
 * @example intervalCron(10) // '*\/10 * * * * *'
 */
export function intervalCron(seconds: number): string | null {
  if (seconds === 0) return 'off';
  if (!Number.isInteger(seconds) || seconds < 0) return null;
  if (seconds < 60) return 60 % seconds === 0 ? `*/${seconds} * * * * *` : null;
  if (seconds === 3600) return '0 0 * * * *';
  return seconds % 60 === 0 && 3600 % seconds === 0 ? `0 */${seconds / 60} * * * *` : null;
}

export const PlatformConfig = z.object({
  PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES: number(5),
  PLATFORM_DEVICE_COMMAND_MAX_ATTEMPTS: number(3),
  PLATFORM_DEVICE_COMMAND_ACK_TIMEOUT_MINUTES: number(10),
  /**
   * Hikvision/Uniubi enrolment (the platform or a site agent calls the terminal): seconds between
   * delivery ticks (0: the platform delivers nothing directly; agents still pull).
   */
  PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(10)
    .refine((seconds) => intervalCron(seconds) !== null, 'a divisor of 60 seconds or of 60 minutes (5, 10, 30, 60, 300…), or 0'),
  /** Requests in flight to one terminal at a time. */
  PLATFORM_DEVICE_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Deliveries of one command to an unreachable or busy terminal before it is marked 下发失败. */
  PLATFORM_DEVICE_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** First retry delay; doubled for every further attempt, at most 30 minutes. */
  PLATFORM_DEVICE_DELIVERY_BACKOFF_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  /** Longest one request to a terminal may take (a face upload included). */
  PLATFORM_DEVICE_DELIVERY_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  PLATFORM_INGEST_COMMIT_DELAY_MS: z.coerce.number().int().min(0).max(100).default(5),
  /** A punch later than now plus this many minutes is not attendance (kept for review, device clock flagged). */
  PLATFORM_DEVICE_CLOCK_SKEW_MINUTES: z.coerce.number().min(0).max(1440).default(10),
  /** A punch earlier than the device's binding to its project minus this many days is not attendance. */
  PLATFORM_DEVICE_BACKLOG_DAYS: z.coerce.number().min(0).max(366).default(14),
  /** Unknown serials registered as pending per source address (more are refused until some are bound or expire). */
  PLATFORM_DEVICE_PENDING_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** Pending (never bound) devices in all; a distributed flood of invented serials stops here. */
  PLATFORM_DEVICE_PENDING_MAX: z.coerce.number().int().min(1).default(1000),
  /** A pending device not heard from for this many days is removed. */
  PLATFORM_DEVICE_PENDING_TTL_DAYS: z.coerce.number().min(1).default(7),
  /** Calls naming an unknown serial that one address may make per minute (heartbeats, handshakes, uploads). */
  PLATFORM_DEVICE_UNKNOWN_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** ZKTeco: a handshake with the right communication key admits its address for this many hours. */
  PLATFORM_DEVICE_SESSION_HOURS: z.coerce.number().min(0.1).max(720).default(24),
  PLATFORM_WORKER_MAX_AGE_MALE: number(60),
  PLATFORM_WORKER_MAX_AGE_FEMALE: number(50),
  PLATFORM_ATTENDANCE_WARN_RATE: number(0.6),
  PLATFORM_KEYPOST_WARN_RATE: number(0.8),
  PLATFORM_NO_PUNCH_WARN_DAYS: number(7),
  PLATFORM_ATTENDANCE_VALID_MIN_PUNCHES: number(2),
  PLATFORM_ATTENDANCE_VALID_MIN_HOURS: number(4),
  PLATFORM_TIMEZONE: z.string().default('Asia/Shanghai'),
  /** node-cron expression of the attendance roll-up (punches → daily figures → warnings); 'off' disables it. */
  PLATFORM_ROLLUP_CRON: z
    .string()
    .default('*/5 * * * *')
    .refine((value) => value === 'off' || value.trim().split(/\s+/).length >= 5, 'PLATFORM_ROLLUP_CRON must be a cron expression or off'),
  /** node-cron expression of the daily job that applies key-post exits approved ahead of their date; 'off' disables it. */
  PLATFORM_KEY_POST_EXIT_CRON: z
    .string()
    .default('5 0 * * *')
    .refine((value) => value === 'off' || value.trim().split(/\s+/).length >= 5, 'PLATFORM_KEY_POST_EXIT_CRON must be a cron expression or off'),
  /**
   * Today's attendance is live (people who have punched so far); before this local time (HH:MM) a low
   * rate is people still on their way, so 出勤一览表 and the dashboard do not show it as an alarm.
   */
  PLATFORM_ATTENDANCE_ARRIVAL_BY: z
    .string()
    .default('09:30')
    .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'PLATFORM_ATTENDANCE_ARRIVAL_BY must be a time HH:MM'),
  /** node-cron expression of the live refresh of today's figures (project_days, city_days); 'off' disables it. */
  PLATFORM_LIVE_TODAY_CRON: z
    .string()
    .default('* * * * *')
    .refine((value) => value === 'off' || value.trim().split(/\s+/).length >= 5, 'PLATFORM_LIVE_TODAY_CRON must be a cron expression or off'),
  PLATFORM_UPLOAD_MAX_BYTES: number(10 * 1024 * 1024),
  /** Largest image (width × height) any upload route accepts, read from the header before decoding. */
  PLATFORM_UPLOAD_MAX_PIXELS: z.coerce.number().int().positive().default(40_000_000),
  /** ID-card OCR: longest one image may take before the engine's worker is restarted (503). */
  PLATFORM_OCR_TIMEOUT_MS: number(20_000),
  /** ID-card OCR: longest loading the models may take. */
  PLATFORM_OCR_START_TIMEOUT_MS: number(120_000),
  /** ID-card OCR: images that may wait for the engine; more are answered 503 at once. */
  PLATFORM_OCR_QUEUE_MAX: number(8),
  /** ID-card OCR: onnxruntime threads per image (0: one per core; 1 leaves a core to the API). */
  PLATFORM_OCR_THREADS: number(1),
  /** ID-card OCR: load the models when the server starts (true) or on the first image (false). */
  PLATFORM_OCR_WARM: z.preprocess((value) => (typeof value === 'string' ? value !== 'false' : value), z.boolean()).default(true),
  /** ID-card OCR: folder whose node_modules hold @gutenye/ocr-node etc.; empty: next to the extension. */
  PLATFORM_OCR_MODULES_DIR: z.string().default(''),
  /** Exports: how long a signed download link (花名册, 考勤表, 工资表) stays valid, in seconds. */
  PLATFORM_EXPORT_LINK_TTL_SECONDS: number(300),
});

export type PlatformConfig = z.infer<typeof PlatformConfig>;

let cached: PlatformConfig | undefined;

/** The limits every image upload route applies (bytes while streaming, pixels from the header). */
export function uploadLimits(env: Record<string, unknown>): { maxBytes: number; maxPixels: number } {
  const config = platformConfig(env);
  return { maxBytes: config.PLATFORM_UPLOAD_MAX_BYTES, maxPixels: config.PLATFORM_UPLOAD_MAX_PIXELS };
}

/** The validated settings (first call parses `env`; a bad value stops the server with its name). */
export function platformConfig(env: Record<string, unknown>): PlatformConfig {
  cached ??= PlatformConfig.parse(Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('PLATFORM_'))));
  return cached;
}
