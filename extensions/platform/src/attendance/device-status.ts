/**
 * 设备状态: a device is 在线 when it contacted the server within the online window
 * (PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES), else 离线; a disabled or unbound device is never online.
 */
export interface DeviceSeen {
  status: string;
  /** ISO instant of the last contact, or null when never seen. */
  last_seen_at: string | null;
}

export function isDeviceOnline(device: DeviceSeen, now: Date, windowMinutes: number): boolean {
  if (device.status !== 'active' || device.last_seen_at === null) return false;
  const seen = Date.parse(device.last_seen_at);
  // last_seen_at is stamped by the server; one a little after `now` (another replica's clock) means "just now".
  return Number.isFinite(seen) && now.getTime() - seen <= windowMinutes * 60_000;
}
