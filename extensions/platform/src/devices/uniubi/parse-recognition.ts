/**
 * Uniubi (宇泛) recognition callbacks, from a terminal on the site's LAN or from Uniubi's cloud
 * (WO 沃土 / UStar), as JSON `{ msgId?, type, content: {…} }` or flat form fields. Pure: no I/O.
 *
 * Who it was: the identifier the platform enrolled on the terminal (the device PIN). A terminal's
 * own LAN callback names it `personId` (the id the person was created with on the terminal). The
 * cloud's messages put the cloud's own row id in `personId`/`personGuid`/`admitGuid` and the
 * enrolled number in `empNo`; so `empNo` wins, and a cloud message without one is not attributed
 * to anybody (kept as a device event). Strangers (`STRANGERBABY`) and failed recognitions — a LAN
 * `type` other than `*_0` (face_0, card_0 …), a cloud `type` 2, a failed liveness check, a time or
 * validity window the person was outside of — are refusals: never punches. The vendor retries a
 * callback until it reads `{"result":1,"success":true}`; the caller makes resends no-ops.
 */
import type { DeviceEventDraft } from '../events/device-event';
import { PIN_PATTERN } from '../lines';
import { firstText, parseDeviceTime, rawJson, textOf, type Parsed, VERIFY_CARD, VERIFY_FACE, VERIFY_FINGERPRINT } from '../vendor-values';

export type UniubiMessage =
  | { kind: 'punch'; sn: string; pin: string; punchedAt: Date; verify: string | null; raw: string }
  | { kind: 'event'; sn: string; event: DeviceEventDraft }
  | { kind: 'heartbeat'; sn: string };

/** The person id Uniubi reports for an unrecognised face, and for a person-and-ID-card comparison. */
const STRANGER = 'STRANGERBABY';
const ID_CARD_ONLY = ['IDCARDBABY', 'IDCARD'];
const PICTURE_KEYS = ['imgBase64', 'base64', 'photo', 'faceImg', 'img', 'feature', 'base64Feature'];
/** Fields only the cloud sends: its own ids and its record time. */
const CLOUD_FIELDS = ['personGuid', 'admitGuid', 'showTime', 'guid', 'recordGuid', 'recordId'];

/** One flat record from either shape (`content` may be an object or a JSON string). */
export function flattenUniubi(body: Record<string, unknown>): Record<string, unknown> {
  const { content, ...top } = body;
  let inner: unknown = content;
  if (typeof inner === 'string') {
    try {
      inner = JSON.parse(inner);
    } catch {
      inner = null;
    }
  }
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? { ...top, ...(inner as Record<string, unknown>) } : top;
}

/** The device serial a callback names, or null. */
export function uniubiSerial(record: Record<string, unknown>): string | null {
  const sn = firstText(record, ['deviceKey', 'deviceSn', 'sn']);
  return sn && sn.length <= 64 ? sn : null;
}

export function parseUniubiCallback(body: Record<string, unknown>, options: { heartbeat?: boolean } = {}): Parsed<UniubiMessage> {
  const record = flattenUniubi(body);
  const sn = uniubiSerial(record);
  if (!sn) return { ok: false, rule: 'DEVICE_SN_MISSING', message: '缺少设备序列号 deviceKey', field: 'deviceKey' };
  const type = textOf(body['type']) || textOf(record['type']);
  if (options.heartbeat || /heart/i.test(type)) return { ok: true, value: { kind: 'heartbeat', sn } };
  const timeText = firstText(record, ['recTime', 'time', 'showTime']);
  if (!timeText) return { ok: false, rule: 'PUNCH_TIME_MISSING', message: '缺少识别时间 recTime/time', field: 'recTime' };
  const punchedAt = parseDeviceTime(timeText);
  if (!punchedAt) return { ok: false, rule: 'PUNCH_TIME_INVALID', message: '识别时间格式不正确', field: 'recTime' };

  const cloud = CLOUD_FIELDS.some((field) => textOf(record[field]) !== '');
  const empNo = textOf(record['empNo']);
  const personId = firstText(record, ['personId', 'personGuid', 'admitGuid']);
  const raw = rawJson(record, PICTURE_KEYS);
  const event = (kind: DeviceEventDraft['kind'], detail: string, pin: string | null, tally: boolean): Parsed<UniubiMessage> => ({
    ok: true,
    value: { kind: 'event', sn, event: { kind, occurredAt: punchedAt, pin, detail: detail.slice(0, 200), raw, key: tally ? kind : `${pin ?? personId}|${punchedAt.toISOString()}|${type}`, tally } },
  });

  if (personId === STRANGER || (!empNo && !personId)) return event('refused', '陌生人（未识别）', null, true);
  const refusal = refusalOf(record, type);
  const pin = empNo || (cloud || ID_CARD_ONLY.includes(personId) ? '' : personId);
  if (refusal) return event('refused', pin ? `${refusal}：${pin}` : refusal, PIN_PATTERN.test(pin) ? pin : null, false);
  if (!pin) {
    const why = ID_CARD_ONLY.includes(personId) ? '人证比对通过，但人员未在设备登记工号' : '云端消息未带工号 empNo（personId 是云端自己的编号），无法对应人员';
    return event('unattributed', why, null, false);
  }
  if (!PIN_PATTERN.test(pin)) return { ok: false, rule: 'PIN_INVALID', message: '人员编号格式不正确', field: empNo ? 'empNo' : 'personId' };
  return { ok: true, value: { kind: 'punch', sn, pin, punchedAt, verify: verifyOf(record, type), raw } };
}

/** Why the terminal did not let the person through, or null when it did. */
function refusalOf(record: Record<string, unknown>, type: string): string | null {
  // LAN: `face_0`, `card_0`, `faceAndcard_0` … pass; `_1`/`_2` are refusals (outside the permitted time, or no match).
  const lan = /_(\d+)$/.exec(type);
  if (lan && lan[1] !== '0') return `识别未通过（${type.slice(0, 32)}）`;
  // Cloud: type 1 比对成功, 2 比对失败.
  if (/^\d+$/.test(type) && type !== '1') return '比对失败';
  if (textOf(record['aliveType']) === '2') return '活体检测未通过';
  if (textOf(record['passTimeType']) === '2') return '不在通行时间段内';
  if (textOf(record['permissionTimeType']) === '2') return '不在有效期内';
  return null;
}

/** recMode 1 face, 2 card, 3 face+card, 4 ID card+face; else the `face_*`/`card_*` type; else the identify type. */
function verifyOf(record: Record<string, unknown>, type: string): string | null {
  const recMode = textOf(record['recMode']);
  if (recMode === '2') return VERIFY_CARD;
  if (recMode === '1' || recMode === '3' || recMode === '4') return VERIFY_FACE;
  const kind = `${type} ${textOf(record['identifyType'])}`.toLowerCase();
  if (kind.includes('face')) return VERIFY_FACE;
  if (kind.includes('card')) return VERIFY_CARD;
  if (kind.includes('finger')) return VERIFY_FINGERPRINT;
  return null;
}
