/** Retry delays for a terminal that could not be reached or was busy. Pure. */

/** Longest wait between two deliveries of a command. */
export const MAX_RETRY_DELAY_MS = 30 * 60_000;

/**
 * How long to wait after the `attempts`-th delivery failed for a transient reason: `baseMs`, then
 * twice as long each time, at most 30 minutes.
 * @example retryDelayMs(3, 30_000) // 120_000
 */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const exponent = Math.max(0, Math.min(30, attempts - 1));
  return Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** exponent);
}
