import { recordResults } from '../../../devices/commands/deliver';
import { admitDevice } from '../../../devices/identify-device';
import { parseDeviceCmd, platformCommandId } from '../../../devices/zkteco/parse-devicecmd';
import { readRawBody } from '../../../http/raw-body';
import { deliverySettings, deviceSettings, presentedBy, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { iclockQuery } from '../query';

const MAX_BYTES = 256 * 1024;

/**
 * POST /iclock/devicecmd?SN=… — the terminal reports command results, one `ID=…&Return=…&CMD=…` per
 * line: Return 0 marks the command done; anything else failed (sent again up to the limit, then 下发失败).
 * The answer is `OK` whatever the lines say, as the protocol has it: the firmware keeps a result
 * file it was not answered `OK` for and posts it again forever, and nothing it resends can differ.
 * Results for ids the platform never gave (alphanumeric ids of another server's commands, extra
 * lines of an INFO result) change nothing and are only logged.
 */
export async function commandResults(ctx: DeviceContext): Promise<DeviceAnswer> {
  const { req, database, logger } = ctx;
  const query = iclockQuery(req.query);
  const body = (await readRawBody(req, { maxBytes: MAX_BYTES })).toString('utf8');
  const device = await admitDevice(ctx, { sn: query.SN, protocol: 'zkteco', presented: presentedBy(ctx) }, deviceSettings(ctx.env).admission);
  const { results, problems } = parseDeviceCmd(body);
  const ours = results.flatMap((result) => {
    const id = platformCommandId(result.id);
    return id === null ? [] : [{ id, returnCode: result.returnCode }];
  });
  const changed = await recordResults(database, device.id, ours, deliverySettings(ctx.env), new Date());
  const failed = results.filter((r) => r.returnCode !== '0');
  const foreign = results.filter((r) => platformCommandId(r.id) === null);
  if (failed.length || problems.length || foreign.length) logger.warn({ sn: device.sn, failed, foreign, problems: problems.slice(0, 20) }, 'iclock: command results with errors or unknown ids');
  return { text: changed === results.length ? 'OK' : `OK: ${changed}` };
}
