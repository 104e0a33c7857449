import { z } from 'zod';
import { eventDocument, unwrap } from '../../../devices/hikvision/event-body';
import { parseHikvisionEvent } from '../../../devices/hikvision/parse-event';
import { admitDevice, requireActive } from '../../../devices/identify-device';
import { ingestPunches, recordDeviceEvents } from '../../../devices/ingest/ingest-punches';
import { punchKey } from '../../../devices/ingest/punch-rows';
import { textOf } from '../../../devices/vendor-values';
import { readDeviceBody, type DeviceBody } from '../../../http/device-body';
import { invalid } from '../../../http/errors';
import { parseInput } from '../../../http/validate';
import { DEVICE_BODY_MAX_BYTES, deviceSettings, presentedBy, type DeviceAnswer, type DeviceContext } from '../../device-kit';

/** ISAPI's own success answer. */
export const ISAPI_OK = { statusCode: 1, statusString: 'OK', subStatusCode: 'ok' } as const;

const Serial = z.string().trim().min(1, '缺少设备序列号').max(64, '设备序列号不能超过 64 个字符').regex(/^[0-9A-Za-z_.:-]+$/, '设备序列号格式不正确');
const EventQuery = z.object({ sn: Serial.optional(), SN: Serial.optional() });

/**
 * POST /isapi/event/<serial>[/<key>] — a Hikvision terminal's event push (HTTP listening host /
 * 事件上传): `multipart/form-data` with an event part (pictures are ignored), or the event JSON or
 * `EventNotificationAlert` XML as the body. A terminal does not put its serial in the event, so the
 * serial is part of the URL configured on it (`deviceID` in the event is used when present); the
 * device's secret is the URL's last segment or the password of the listening host's digest
 * authentication (a call without either is answered 401 with a digest challenge).
 */
export async function hikvisionEvent(ctx: DeviceContext): Promise<DeviceAnswer> {
  const { req, params, database } = ctx;
  const query = parseInput(EventQuery, req.query, { sn: '设备序列号', SN: '设备序列号' });
  const fromPath = params['sn'] === undefined ? undefined : parseInput(Serial, params['sn'], { '': '设备序列号' });
  const event = eventOf(await readDeviceBody(req, { maxBytes: DEVICE_BODY_MAX_BYTES }));
  if (!event) throw invalid('EVENT_MALFORMED', '事件内容应为 JSON 或 EventNotificationAlert XML（multipart 的事件部分或整个请求体）');
  const sn = fromPath ?? query.sn ?? query.SN ?? (textOf(event['deviceID']) || null);
  if (!sn) throw invalid('DEVICE_SN_MISSING', '缺少设备序列号：请把推送地址设为 /isapi/event/<设备序列号>/<设备密钥>', 'sn');
  const parsed = parseHikvisionEvent(event);
  if (!parsed.ok) throw invalid(parsed.rule, parsed.message, parsed.field);
  const message = parsed.value;
  const presented = presentedBy(ctx);
  const device = await admitDevice(ctx, { sn, protocol: 'hikvision', presented }, deviceSettings(ctx.env).admission);
  if (message.kind === 'heartbeat') return { json: ISAPI_OK };
  const now = new Date();
  if (message.kind === 'event') {
    await recordDeviceEvents(database, device, [message.event], { now, ip: presented.ip });
    return { json: ISAPI_OK };
  }
  const active = requireActive(device);
  const dedupKey = message.serialNo ? `${active.sn}|#${message.serialNo}` : punchKey(active.sn, message.pin ?? `card:${message.cardNo}`, message.punchedAt);
  await ingestPunches(database, active, [
    { pin: message.pin, cardNo: message.cardNo, punchedAt: message.punchedAt, direction: message.direction, verify: message.verify, raw: message.raw, dedupKey },
  ], { now, limits: deviceSettings(ctx.env).limits, ip: presented.ip });
  return { json: ISAPI_OK };
}

/** The event document: the JSON body, a text body (JSON or XML), or the multipart part that holds it. */
function eventOf(body: DeviceBody): Record<string, unknown> | null {
  if (body.kind === 'json') return unwrap(body.value);
  if (body.kind === 'text') return eventDocument(body.value);
  const named = body.value['event_log'] ?? body.value['EventNotificationAlert'] ?? body.value['AccessControllerEvent'];
  if (named !== undefined) return eventDocument(named);
  for (const value of Object.values(body.value)) {
    const document = eventDocument(value);
    if (document && (document['eventType'] !== undefined || document['AccessControllerEvent'] !== undefined)) return document;
  }
  return null;
}
