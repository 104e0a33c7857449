import { admitDevice, requireActive } from '../../../devices/identify-device';
import { ingestPunches, recordDeviceEvents } from '../../../devices/ingest/ingest-punches';
import { punchKey } from '../../../devices/ingest/punch-rows';
import { parseUniubiCallback } from '../../../devices/uniubi/parse-recognition';
import { readDeviceBody } from '../../../http/device-body';
import { invalid } from '../../../http/errors';
import { DEVICE_BODY_MAX_BYTES, deviceSettings, presentedBy, type DeviceAnswer, type DeviceContext } from '../../device-kit';

/** What a Uniubi terminal needs to hear to stop retrying. */
export const UNIUBI_SUCCESS = { result: 1, success: true } as const;

/**
 * POST /uniubi/callback/<key> (识别回调) and /uniubi/heartbeat/<key> (心跳回调) — one recognition or
 * heartbeat as JSON or form fields, from the terminal or from Uniubi's cloud. `<key>` (or `?key=`) is
 * the device's secret. A recognition is stored once however often the terminal resends it; a
 * refusal or a recognition that names nobody the platform enrolled is a device event; heartbeats
 * only show the device is alive.
 */
export function uniubiCallback(options: { heartbeat: boolean }) {
  return async function callback(ctx: DeviceContext): Promise<DeviceAnswer> {
    const { req, database } = ctx;
    const body = await readDeviceBody(req, { maxBytes: DEVICE_BODY_MAX_BYTES });
    const fields = body.kind === 'fields' ? body.value : body.kind === 'json' ? body.value : null;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw invalid('BODY_MALFORMED', '回调内容应为 JSON 对象或表单字段');
    const parsed = parseUniubiCallback(fields as Record<string, unknown>, options);
    if (!parsed.ok) throw invalid(parsed.rule, parsed.message, parsed.field);
    const message = parsed.value;
    const presented = presentedBy(ctx);
    const device = await admitDevice(ctx, { sn: message.sn, protocol: 'uniubi', presented }, deviceSettings(ctx.env).admission);
    if (message.kind === 'heartbeat') return { json: UNIUBI_SUCCESS };
    const now = new Date();
    if (message.kind === 'event') {
      await recordDeviceEvents(database, device, [message.event], { now, ip: presented.ip });
      return { json: UNIUBI_SUCCESS };
    }
    const active = requireActive(device);
    await ingestPunches(database, active, [
      { pin: message.pin, punchedAt: message.punchedAt, direction: null, verify: message.verify, raw: message.raw, dedupKey: punchKey(active.sn, message.pin, message.punchedAt) },
    ], { now, limits: deviceSettings(ctx.env).limits, ip: presented.ip });
    return { json: UNIUBI_SUCCESS };
  };
}
