/**
 * Uniubi (宇泛) recognition callbacks: either JSON `{ msgId?, type, content: {…} }` or the device's flat
 * form fields (`deviceKey`, `personId`/`empNo`, `recTime`/`time`, `recMode`, `identifyType`/`type`,
 * `aliveBody` …). The vendor retries a callback up to 20 times until it gets `{"result":1,"success":true}`,
 * so the same recognition can arrive many times; the caller makes that a no-op. Pure: no I/O.
 */
import { PIN_PATTERN } from '../lines';
import { firstText, parseDeviceTime, rawJson, textOf, type Parsed, VERIFY_CARD, VERIFY_FACE, VERIFY_FINGERPRINT } from '../vendor-values';

export type UniubiMessage =
  | { kind: 'punch'; sn: string; pin: string; punchedAt: Date; verify: string | null; raw: string }
  /** A face the device did not recognise: nothing to store. */
  | { kind: 'stranger'; sn: string }
  | { kind: 'heartbeat'; sn: string };

/** The person id Uniubi reports for an unrecognised face. */
const STRANGER = 'STRANGERBABY';
const PICTURE_KEYS = ['imgBase64', 'base64', 'photo', 'faceImg', 'img'];

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

export function parseUniubiCallback(body: Record<string, unknown>): Parsed<UniubiMessage> {
  const record = flattenUniubi(body);
  const sn = firstText(record, ['deviceKey', 'deviceSn', 'sn']);
  if (!sn || sn.length > 64) return { ok: false, rule: 'DEVICE_SN_MISSING', message: '缺少设备序列号 deviceKey', field: 'deviceKey' };
  const type = textOf(body['type']) || textOf(record['type']);
  if (/heart/i.test(type)) return { ok: true, value: { kind: 'heartbeat', sn } };
  const pin = firstText(record, ['personId', 'empNo', 'personGuid', 'admitGuid']);
  const timeText = firstText(record, ['recTime', 'time', 'showTime']);
  if (!timeText) return { ok: false, rule: 'PUNCH_TIME_MISSING', message: '缺少识别时间 recTime/time', field: 'recTime' };
  const punchedAt = parseDeviceTime(timeText);
  if (!punchedAt) return { ok: false, rule: 'PUNCH_TIME_INVALID', message: '识别时间格式不正确', field: 'recTime' };
  if (!pin || pin === STRANGER || /^face_1$/i.test(type)) return { ok: true, value: { kind: 'stranger', sn } };
  if (!PIN_PATTERN.test(pin)) return { ok: false, rule: 'PIN_INVALID', message: '人员编号格式不正确', field: 'personId' };
  return { ok: true, value: { kind: 'punch', sn, pin, punchedAt, verify: verifyOf(record, type), raw: rawJson(record, PICTURE_KEYS) } };
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
