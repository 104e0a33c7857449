/** Pure helpers of the H5's file downloads (`composables/use-download.ts`). */

/** WeChat's in-app browser cannot save a blob: there the link is handed over to copy or open instead. */
export function isWeChat(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent);
}

/** Whole percent of `received` out of `total`, or null when the size is unknown. */
export function percentOf(received: number, total: number | null): number | null {
  if (!total || total <= 0) return null;
  return Math.min(100, Math.floor((received / total) * 100));
}
