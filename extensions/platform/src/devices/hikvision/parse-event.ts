/**
 * Hikvision ISAPI event pushes (HTTP listening / 事件上传): the event JSON, from the `event_log` part
 * of a multipart upload or as the whole body. An `AccessControllerEvent` that names a person
 * (`employeeNoString`) or a card is a punch, deduplicated by the device's own `serialNo`; heartbeats
 * and other events (door opened, tamper …) only show the device is alive. Pure: no I/O.
 */
import type { AttendanceDirection } from '../../../../../schema/codes';
import { PIN_PATTERN } from '../lines';
import { firstText, parseDeviceTime, rawJson, textOf, type Parsed, VERIFY_CARD, VERIFY_FACE, VERIFY_FINGERPRINT } from '../vendor-values';

export type HikvisionMessage =
  | {
      kind: 'punch';
      /** The device's event sequence number; null on firmware that does not send one. */
      serialNo: string | null;
      pin: string | null;
      cardNo: string | null;
      punchedAt: Date;
      verify: string | null;
      direction: AttendanceDirection | null;
      raw: string;
    }
  | { kind: 'heartbeat' }
  | { kind: 'other'; eventType: string };

const PICTURE_KEYS = ['pictureURL', 'picturesNumber', 'FaceRect', 'picData'];

const VERIFY_MODES: Readonly<Record<string, string>> = { face: VERIFY_FACE, card: VERIFY_CARD, fingerPrint: VERIFY_FINGERPRINT, fingerprint: VERIFY_FINGERPRINT };

const ATTENDANCE: Readonly<Record<string, AttendanceDirection>> = {
  checkIn: 'in',
  breakIn: 'in',
  overtimeIn: 'in',
  checkOut: 'out',
  breakOut: 'out',
  overtimeOut: 'out',
};

/** The event JSON text (an `event_log` part or a whole body) as an object, or null when it is not JSON. */
export function eventJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function parseHikvisionEvent(event: Record<string, unknown>): Parsed<HikvisionMessage> {
  const eventType = textOf(event['eventType']);
  if (!eventType) return { ok: false, rule: 'EVENT_TYPE_MISSING', message: '缺少事件类型 eventType', field: 'eventType' };
  if (/^heartbeat$/i.test(eventType)) return { ok: true, value: { kind: 'heartbeat' } };
  if (eventType !== 'AccessControllerEvent') return { ok: true, value: { kind: 'other', eventType: eventType.slice(0, 64) } };
  const detail = event['AccessControllerEvent'];
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) {
    return { ok: false, rule: 'EVENT_DETAIL_MISSING', message: '缺少门禁事件内容 AccessControllerEvent', field: 'AccessControllerEvent' };
  }
  const access = detail as Record<string, unknown>;
  const pin = firstText(access, ['employeeNoString', 'employeeNo']);
  const cardNo = textOf(access['cardNo']);
  if (!pin && !cardNo) return { ok: true, value: { kind: 'other', eventType } };
  if (pin && !PIN_PATTERN.test(pin)) return { ok: false, rule: 'PIN_INVALID', message: '工号格式不正确', field: 'AccessControllerEvent.employeeNoString' };
  if (cardNo.length > 32) return { ok: false, rule: 'CARD_INVALID', message: '卡号格式不正确', field: 'AccessControllerEvent.cardNo' };
  const punchedAt = parseDeviceTime(event['dateTime']);
  if (!punchedAt) return { ok: false, rule: 'PUNCH_TIME_INVALID', message: '事件时间 dateTime 格式不正确', field: 'dateTime' };
  const serial = textOf(access['serialNo']);
  if (serial && !/^\d{1,20}$/.test(serial)) return { ok: false, rule: 'SERIAL_INVALID', message: '事件流水号 serialNo 格式不正确', field: 'AccessControllerEvent.serialNo' };
  const mode = textOf(access['currentVerifyMode']);
  return {
    ok: true,
    value: {
      kind: 'punch',
      serialNo: serial || null,
      pin: pin || null,
      cardNo: cardNo || null,
      punchedAt,
      verify: VERIFY_MODES[mode] ?? (mode ? mode.slice(0, 16) : null),
      direction: ATTENDANCE[textOf(access['attendanceStatus'])] ?? null,
      raw: rawJson({ ...event, AccessControllerEvent: Object.fromEntries(Object.entries(access).filter(([key]) => !PICTURE_KEYS.includes(key))) }, ['picData']),
    },
  };
}
