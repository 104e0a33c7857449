import { identifyDevice, refuseDisabled } from '../../../devices/identify-device';
import { callerIp, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { iclockQuery } from '../query';

/** GET /iclock/ping?SN=… — a keep-alive some firmware sends while uploading a long backlog. */
export async function ping({ req, database }: DeviceContext): Promise<DeviceAnswer> {
  const query = iclockQuery(req.query);
  refuseDisabled(await identifyDevice(database, { sn: query.SN, protocol: 'zkteco', ip: callerIp(req) }));
  return { text: 'OK' };
}
