import { identifyDevice, refuseDisabled } from '../../../devices/identify-device';
import { renderOptions } from '../../../devices/zkteco/render';
import { callerIp, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { iclockQuery } from '../query';

/**
 * GET /iclock/cdata?SN=…&options=all — the terminal's handshake. An unknown serial is registered as
 * pending (it gets the options and keeps polling; its uploads wait until staff bind it).
 */
export async function handshake({ req, database }: DeviceContext): Promise<DeviceAnswer> {
  const query = iclockQuery(req.query);
  const device = await identifyDevice(database, { sn: query.SN, protocol: 'zkteco', ip: callerIp(req) }, { fresh: true });
  refuseDisabled(device);
  return { text: renderOptions({ sn: device.sn, attlogStamp: device.attlogStamp, operlogStamp: device.operlogStamp }) };
}
