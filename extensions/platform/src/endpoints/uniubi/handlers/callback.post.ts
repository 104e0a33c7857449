import { identifyDevice, refuseDisabled, requireActive } from '../../../devices/identify-device';
import { ingestPunches } from '../../../devices/ingest/ingest-punches';
import { punchKey } from '../../../devices/ingest/punch-rows';
import { parseUniubiCallback } from '../../../devices/uniubi/parse-recognition';
import { readDeviceBody } from '../../../http/device-body';
import { invalid } from '../../../http/errors';
import { callerIp, DEVICE_BODY_MAX_BYTES, type DeviceAnswer, type DeviceContext } from '../../device-kit';

/** What a Uniubi terminal needs to hear to stop retrying. */
export const UNIUBI_SUCCESS = { result: 1, success: true } as const;

/**
 * POST /uniubi/callback (识别回调) and /uniubi/heartbeat (心跳回调) — one recognition or heartbeat as
 * JSON or form fields. A recognition is stored once however often the terminal resends it;
 * strangers and heartbeats only show the device is alive.
 */
export async function uniubiCallback({ req, database }: DeviceContext): Promise<DeviceAnswer> {
  const body = await readDeviceBody(req, { maxBytes: DEVICE_BODY_MAX_BYTES });
  const fields = body.kind === 'fields' ? body.value : body.kind === 'json' ? body.value : null;
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw invalid('BODY_MALFORMED', '回调内容应为 JSON 对象或表单字段');
  const parsed = parseUniubiCallback(fields as Record<string, unknown>);
  if (!parsed.ok) throw invalid(parsed.rule, parsed.message, parsed.field);
  const message = parsed.value;
  const device = await identifyDevice(database, { sn: message.sn, protocol: 'uniubi', ip: callerIp(req) });
  if (message.kind !== 'punch') {
    refuseDisabled(device);
    return { json: UNIUBI_SUCCESS };
  }
  const active = requireActive(device);
  await ingestPunches(database, active, [
    { pin: message.pin, punchedAt: message.punchedAt, direction: null, verify: message.verify, raw: message.raw, dedupKey: punchKey(active.sn, message.pin, message.punchedAt) },
  ], { now: new Date() });
  return { json: UNIUBI_SUCCESS };
}
