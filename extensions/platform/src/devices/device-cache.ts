/**
 * In-process caches for the ingest hot path, so a single-punch upload costs no read at all:
 * - devices by serial, for a few seconds (a change made in this process clears it at once through
 *   hooks/forget-device-caches.ts; other replicas see it within DEVICE_TTL_MS);
 * - PIN → employment per project, kept for good: a PIN, once given on a project, always means the
 *   same employment (the `(project, device_pin)` unique index covers exited people too). Misses are
 *   never cached, so a person registered a second ago is found.
 */

export const DEVICE_TTL_MS = 3_000;
const MAX_ENTRIES = 50_000;

export interface CachedDevice<T, A = unknown> {
  record: T;
  /** What authenticating the device needs (no clear-text secret: see auth/device-secrets.ts). */
  auth: A;
  expires: number;
  /** When this process last wrote last_seen_at (ms). */
  seenWrittenAt: number;
  ip: string | null;
  firmware: string | null;
}

const devices = new Map<string, CachedDevice<unknown>>();

export function cachedDevice<T, A>(sn: string, now: number): CachedDevice<T, A> | undefined {
  const entry = devices.get(sn) as CachedDevice<T, A> | undefined;
  if (entry && entry.expires > now) return entry;
  devices.delete(sn);
  return undefined;
}

export function cacheDevice<T, A>(sn: string, entry: CachedDevice<T, A>): void {
  if (devices.size >= MAX_ENTRIES) devices.clear();
  devices.set(sn, entry as CachedDevice<unknown>);
}

export interface EmploymentMatch {
  employment: number;
  person: number;
  pin: string;
}

const employments = new Map<string, EmploymentMatch>();
const pinKey = (project: number, pin: string) => `${project}|${pin}`;

export function cachedEmployment(project: number, pin: string): EmploymentMatch | undefined {
  return employments.get(pinKey(project, pin));
}

export function cacheEmployment(project: number, match: EmploymentMatch): void {
  if (employments.size >= MAX_ENTRIES) employments.clear();
  employments.set(pinKey(project, match.pin), match);
}

/** Forget everything (a device or an employment was changed or deleted through Directus). */
export function forgetDevices(): void {
  devices.clear();
}

export function forgetEmployments(): void {
  employments.clear();
}
