import { recordResults } from '../../../devices/commands/deliver';
import { identifyDevice, refuseDisabled } from '../../../devices/identify-device';
import { parseDeviceCmd } from '../../../devices/zkteco/parse-devicecmd';
import { invalid } from '../../../http/errors';
import { readRawBody } from '../../../http/raw-body';
import { callerIp, deliverySettings, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { iclockQuery } from '../query';

const MAX_BYTES = 256 * 1024;

/**
 * POST /iclock/devicecmd?SN=… — the terminal reports command results, one `ID=…&Return=…&CMD=…` per
 * line: Return 0 marks the command done; anything else failed (sent again up to the limit, then 下发失败).
 */
export async function commandResults(ctx: DeviceContext): Promise<DeviceAnswer> {
  const { req, database, logger } = ctx;
  const query = iclockQuery(req.query);
  const body = (await readRawBody(req, { maxBytes: MAX_BYTES })).toString('utf8');
  const { results, problems } = parseDeviceCmd(body);
  if (results.length === 0) throw invalid('DEVICECMD_MALFORMED', problems.length ? `指令结果格式不正确：第${problems[0]?.line}行${problems[0]?.reason}` : '指令结果为空');
  const device = await identifyDevice(database, { sn: query.SN, protocol: 'zkteco', ip: callerIp(req) });
  refuseDisabled(device);
  const changed = await recordResults(database, device.id, results, deliverySettings(ctx.env), new Date());
  const failed = results.filter((r) => r.returnCode !== '0');
  if (failed.length || problems.length) logger.warn({ sn: device.sn, failed, problems }, 'iclock: command results with errors');
  return { text: changed === results.length ? 'OK' : `OK: ${changed}` };
}
