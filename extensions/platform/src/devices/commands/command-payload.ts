/** What a queued `device_commands` row carries, whatever protocol later delivers it. */
import type { DeviceCommandKind } from '../../../../../schema/codes';

export interface CommandPayload {
  /** The person's device PIN (工号) on this project. */
  pin: string;
  /** user_update: name and card shown/used on the device. */
  name?: string;
  card_no?: string | null;
  /** face_update: the Directus file of the person's device face photo. */
  face_file?: string;
}

export interface QueuedCommand {
  id: number;
  kind: DeviceCommandKind;
  payload: CommandPayload;
  /** Deliveries so far (before the one it is due for). */
  attempts: number;
}

/** A payload read back from the database (json column: object on PostgreSQL, text on SQLite). */
export function readPayload(value: unknown): CommandPayload | null {
  const parsed: unknown = typeof value === 'string' ? safeJson(value) : value;
  if (!parsed || typeof parsed !== 'object') return null;
  const record = parsed as Record<string, unknown>;
  if (typeof record['pin'] !== 'string' || record['pin'] === '') return null;
  const payload: CommandPayload = { pin: record['pin'] };
  if (typeof record['name'] === 'string') payload.name = record['name'];
  if (typeof record['card_no'] === 'string' || record['card_no'] === null) payload.card_no = record['card_no'];
  if (typeof record['face_file'] === 'string') payload.face_file = record['face_file'];
  return payload;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
