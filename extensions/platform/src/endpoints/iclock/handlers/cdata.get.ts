import { admitDevice } from '../../../devices/identify-device';
import { renderOptions } from '../../../devices/zkteco/render';
import { deviceSettings, presentedBy, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { commKeyOf, iclockQuery } from '../query';

/**
 * GET /iclock/cdata?SN=…&options=all[&pushcommkey=…] — the terminal's handshake. An unknown serial
 * is registered as pending (it gets the options and keeps polling; its uploads wait until staff
 * bind it). A device with a secret must send it as its communication key: that admits this
 * address for the device's other calls (which carry no key) for PLATFORM_DEVICE_SESSION_HOURS.
 */
export async function handshake(ctx: DeviceContext): Promise<DeviceAnswer> {
  const query = iclockQuery(ctx.req.query);
  const presented = presentedBy(ctx, { key: commKeyOf(ctx.req.query), handshake: true });
  const device = await admitDevice(ctx, { sn: query.SN, protocol: 'zkteco', presented }, deviceSettings(ctx.env).admission, { fresh: true });
  return { text: renderOptions({ sn: device.sn, attlogStamp: device.attlogStamp, operlogStamp: device.operlogStamp }) };
}
