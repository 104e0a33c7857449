import { admitDevice } from '../../../devices/identify-device';
import { deviceSettings, presentedBy, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { iclockQuery } from '../query';

/** GET /iclock/ping?SN=… — a keep-alive some firmware sends while uploading a long backlog. */
export async function ping(ctx: DeviceContext): Promise<DeviceAnswer> {
  const query = iclockQuery(ctx.req.query);
  await admitDevice(ctx, { sn: query.SN, protocol: 'zkteco', presented: presentedBy(ctx) }, deviceSettings(ctx.env).admission);
  return { text: 'OK' };
}
