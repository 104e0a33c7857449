/**
 * Hikvision ISAPI event pushes (HTTP listening host / 事件上传). An `AccessControllerEvent` whose
 * major/minor type is a successful verification (access-events.ts) and names a person
 * (`employeeNoString`) or a card is a punch, deduplicated by the device's own `serialNo`. A refused
 * or failed verification, door, alarm, tamper and remote-operation events are device events (kept
 * for review, never paid); heartbeats and other event types only show the device is alive. Pure.
 */
import type { AttendanceDirection } from '../../../../../schema/codes';
import type { DeviceEventDraft } from '../events/device-event';
import { PIN_PATTERN } from '../lines';
import { firstText, parseDeviceTime, rawJson, textOf, type Parsed } from '../vendor-values';
import { accessMeaning } from './access-events';

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
  | { kind: 'event'; event: DeviceEventDraft }
  | { kind: 'heartbeat' };

const PICTURE_KEYS = ['pictureURL', 'picturesNumber', 'FaceRect', 'picData', 'pictureURLList'];

const ATTENDANCE: Readonly<Record<string, AttendanceDirection>> = {
  checkIn: 'in',
  breakIn: 'in',
  overtimeIn: 'in',
  checkOut: 'out',
  breakOut: 'out',
  overtimeOut: 'out',
};

function typeNumber(...values: unknown[]): number | null {
  for (const value of values) {
    const text = textOf(value);
    if (/^\d{1,6}$/.test(text)) return Number(text);
    if (/^0x[0-9a-f]{1,6}$/i.test(text)) return parseInt(text, 16);
  }
  return null;
}

export function parseHikvisionEvent(event: Record<string, unknown>): Parsed<HikvisionMessage> {
  const eventType = textOf(event['eventType']);
  const detail = event['AccessControllerEvent'];
  // Firmware that omits eventType still names its access-control part.
  if (!eventType && detail === undefined) return { ok: false, rule: 'EVENT_TYPE_MISSING', message: '缺少事件类型 eventType', field: 'eventType' };
  if (eventType && eventType !== 'AccessControllerEvent') return { ok: true, value: { kind: 'heartbeat' } };
  if (!detail || typeof detail !== 'object' || Array.isArray(detail)) {
    return { ok: false, rule: 'EVENT_DETAIL_MISSING', message: '缺少门禁事件内容 AccessControllerEvent', field: 'AccessControllerEvent' };
  }
  const access = detail as Record<string, unknown>;
  const major = typeNumber(access['majorEventType'], access['major']);
  const minor = typeNumber(access['subEventType'], access['minor']);
  const meaning = accessMeaning(major, minor);
  const pin = firstText(access, ['employeeNoString', 'employeeNo']);
  const cardNo = textOf(access['cardNo']);
  const serial = textOf(access['serialNo']);
  const raw = rawJson({ ...event, AccessControllerEvent: Object.fromEntries(Object.entries(access).filter(([key]) => !PICTURE_KEYS.includes(key))) }, ['picData']);
  const at = parseDeviceTime(event['dateTime']);

  if (meaning.kind !== 'punch' || (!pin && !cardNo)) {
    const validPin = PIN_PATTERN.test(pin) ? pin : null;
    const who = validPin ?? (cardNo ? `卡号 ${cardNo.slice(0, 32)}` : '');
    const kind = meaning.kind === 'punch' ? 'unattributed' : meaning.kind;
    const label = meaning.kind === 'punch' ? `${meaning.label}，但未带工号或卡号` : meaning.label;
    const tally = meaning.kind === 'punch' ? false : meaning.tally;
    const key = tally ? `${major ?? '-'}/${minor ?? '-'}` : /^\d{1,20}$/.test(serial) ? `#${serial}` : `${who}|${at?.toISOString() ?? textOf(event['dateTime']).slice(0, 40)}|${major}/${minor}`;
    return { ok: true, value: { kind: 'event', event: { kind, occurredAt: at, pin: validPin, detail: [label, who].filter(Boolean).join('：').slice(0, 200), raw, key, tally } } };
  }

  if (pin && !PIN_PATTERN.test(pin)) return { ok: false, rule: 'PIN_INVALID', message: '工号格式不正确', field: 'AccessControllerEvent.employeeNoString' };
  if (cardNo.length > 32) return { ok: false, rule: 'CARD_INVALID', message: '卡号格式不正确', field: 'AccessControllerEvent.cardNo' };
  if (!at) return { ok: false, rule: 'PUNCH_TIME_INVALID', message: '事件时间 dateTime 格式不正确', field: 'dateTime' };
  if (serial && !/^\d{1,20}$/.test(serial)) return { ok: false, rule: 'SERIAL_INVALID', message: '事件流水号 serialNo 格式不正确', field: 'AccessControllerEvent.serialNo' };
  return {
    ok: true,
    value: {
      kind: 'punch',
      serialNo: serial || null,
      pin: pin || null,
      cardNo: cardNo || null,
      punchedAt: at,
      verify: meaning.verify,
      direction: ATTENDANCE[textOf(access['attendanceStatus'])] ?? null,
      raw,
    },
  };
}
