import { dueCommands, markError, markSent } from '../../../devices/commands/deliver';
import { readDeviceFace } from '../../../devices/commands/face-image';
import { admitDevice, isActive } from '../../../devices/identify-device';
import { renderBiophoto, renderCommandLines, renderDeleteUser, renderUserInfo } from '../../../devices/zkteco/render';
import { deliverySettings, deviceSettings, presentedBy, type DeviceAnswer, type DeviceContext } from '../../device-kit';
import { iclockQuery } from '../query';

/** Commands per poll, and roughly how many bytes (face photos are tens of KB each). */
const MAX_COMMANDS = 50;
const MAX_BYTES = 512 * 1024;

/**
 * GET /iclock/getrequest?SN=… — the terminal polls for commands: queued person/face/removal commands
 * as `C:<id>:<command>` lines (marked sent), or `OK` when there are none. Only a ZKTeco device, from
 * the address its keyed handshake admitted, gets them: the commands carry names, card numbers and
 * face photos, and handing them out marks them sent.
 */
export async function pollCommands(ctx: DeviceContext): Promise<DeviceAnswer> {
  const { req, database } = ctx;
  const query = iclockQuery(req.query);
  const firmware = query.INFO?.split(',')[0]?.trim() || null;
  const device = await admitDevice(ctx, { sn: query.SN, protocol: 'zkteco', firmware, presented: presentedBy(ctx) }, deviceSettings(ctx.env).admission);
  if (!isActive(device)) return { text: 'OK' };
  const now = new Date();
  const due = await dueCommands(database, device.id, deliverySettings(ctx.env), now, MAX_COMMANDS);
  const lines: { id: number; command: string }[] = [];
  const unreadable: number[] = [];
  let bytes = 0;
  for (const command of due) {
    if (bytes >= MAX_BYTES) break;
    let text: string | null = null;
    if (command.kind === 'user_update') text = renderUserInfo(command.payload);
    else if (command.kind === 'user_delete') text = renderDeleteUser(command.payload.pin);
    else if (command.payload.face_file) {
      const jpeg = await readDeviceFace(ctx, command.payload.face_file);
      if (jpeg) text = renderBiophoto(command.payload.pin, jpeg);
    }
    if (text === null) unreadable.push(command.id);
    else {
      lines.push({ id: command.id, command: text });
      bytes += text.length;
    }
  }
  await markError(database, unreadable, 'NOFACE');
  await markSent(database, lines.map((line) => line.id), now);
  return { text: renderCommandLines(lines) };
}
