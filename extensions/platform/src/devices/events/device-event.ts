/**
 * A device event as a protocol parser reports it (before it is a `device_events` row): what
 * happened, when the device says it did, and a key that is the same when the device sends the same
 * event again. Counted events (`tally`) are folded per device, kind, key and day into one row. Pure.
 */
import type { DeviceEventKind } from '../../../../../schema/codes';

export interface DeviceEventDraft {
  kind: DeviceEventKind;
  /** The device's time for the event; null when it gave none that can be read. */
  occurredAt: Date | null;
  pin: string | null;
  /** For staff, in Chinese (≤ 200 characters). */
  detail: string;
  /** The record as received, without pictures. */
  raw: string | null;
  /** The same for a resend of the same event; for a counted event, what is counted together. */
  key: string;
  tally: boolean;
}
