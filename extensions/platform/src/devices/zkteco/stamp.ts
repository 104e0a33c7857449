/**
 * ZKTeco stamps: each upload carries `Stamp=` (the terminal's position in its log); the platform
 * keeps the highest one it has committed and hands it back at the next handshake, so the terminal
 * sends only newer records. Pure: no I/O.
 */

/** The stamp to keep after an upload committed with `incoming` (never moves backwards; junk is ignored). */
export function nextStamp(current: string | null, incoming: string | null | undefined): string | null {
  if (!incoming || !/^\d{1,20}$/.test(incoming)) return current;
  if (current && /^\d{1,20}$/.test(current) && BigInt(incoming) <= BigInt(current)) return current;
  return String(BigInt(incoming));
}
