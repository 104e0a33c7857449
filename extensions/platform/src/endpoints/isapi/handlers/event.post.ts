import { z } from 'zod';
import { eventJson, parseHikvisionEvent } from '../../../devices/hikvision/parse-event';
import { identifyDevice, refuseDisabled, requireActive } from '../../../devices/identify-device';
import { ingestPunches } from '../../../devices/ingest/ingest-punches';
import { punchKey } from '../../../devices/ingest/punch-rows';
import { readDeviceBody, type DeviceBody } from '../../../http/device-body';
import { invalid } from '../../../http/errors';
import { parseInput } from '../../../http/validate';
import { textOf } from '../../../devices/vendor-values';
import { callerIp, DEVICE_BODY_MAX_BYTES, type DeviceAnswer, type DeviceContext } from '../../device-kit';

/** ISAPI's own success answer. */
export const ISAPI_OK = { statusCode: 1, statusString: 'OK', subStatusCode: 'ok' } as const;

const Serial = z.string().trim().min(1, '缺少设备序列号').max(64, '设备序列号不能超过 64 个字符').regex(/^[0-9A-Za-z_.:-]+$/, '设备序列号格式不正确');
const EventQuery = z.object({ sn: Serial.optional(), SN: Serial.optional() });

/**
 * POST /isapi/event/<serial> (or /isapi/event?sn=<serial>) — a Hikvision terminal's event push
 * (HTTP 监听 / 事件上传), `multipart/form-data` with an `event_log` part (pictures are ignored) or the
 * event JSON as the body. A terminal does not put its serial in the event, so the serial is part of
 * the URL configured on it (`deviceID` in the event is used when present).
 */
export async function hikvisionEvent({ req, params, database }: DeviceContext): Promise<DeviceAnswer> {
  const query = parseInput(EventQuery, req.query, { sn: '设备序列号', SN: '设备序列号' });
  const fromPath = params['sn'] === undefined ? undefined : parseInput(Serial, params['sn'], { '': '设备序列号' });
  const event = eventOf(await readDeviceBody(req, { maxBytes: DEVICE_BODY_MAX_BYTES }));
  if (!event) throw invalid('EVENT_MALFORMED', '事件内容应为 JSON（multipart 的 event_log 部分或整个请求体）');
  const sn = fromPath ?? query.sn ?? query.SN ?? (textOf(event['deviceID']) || null);
  if (!sn) throw invalid('DEVICE_SN_MISSING', '缺少设备序列号：请把推送地址设为 /isapi/event/<设备序列号>', 'sn');
  const parsed = parseHikvisionEvent(event);
  if (!parsed.ok) throw invalid(parsed.rule, parsed.message, parsed.field);
  const message = parsed.value;
  const device = await identifyDevice(database, { sn, protocol: 'hikvision', ip: callerIp(req) });
  if (message.kind !== 'punch') {
    refuseDisabled(device);
    return { json: ISAPI_OK };
  }
  const active = requireActive(device);
  const dedupKey = message.serialNo ? `${active.sn}|#${message.serialNo}` : punchKey(active.sn, message.pin ?? `card:${message.cardNo}`, message.punchedAt);
  await ingestPunches(database, active, [
    { pin: message.pin, cardNo: message.cardNo, punchedAt: message.punchedAt, direction: message.direction, verify: message.verify, raw: message.raw, dedupKey },
  ], { now: new Date() });
  return { json: ISAPI_OK };
}

function eventOf(body: DeviceBody): Record<string, unknown> | null {
  if (body.kind === 'json') return body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? (body.value as Record<string, unknown>) : null;
  if (body.kind === 'text') return eventJson(body.value);
  const part = body.value['event_log'] ?? Object.values(body.value).find((value) => eventJson(value)?.['eventType'] !== undefined);
  return part === undefined ? null : eventJson(part);
}
