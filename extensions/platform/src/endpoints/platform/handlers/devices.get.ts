import { readTimestamp } from '../../../db/values';
import { projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';

/** GET /platform/devices — the project's devices with online state and pending commands. */
export async function listDevices({ req, database, env }: HandlerContext) {
  const scope = await projectScope(req, database);
  const windowMinutes = Number(env['PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES'] ?? 5);
  const pending = database('device_commands').count('*').where('device_commands.device', database.ref('devices.id')).whereIn('device_commands.status', ['pending', 'sent']).as('pending_commands');
  const rows = await database('devices')
    .select('id', 'sn', 'name', 'protocol', 'direction', 'status', 'last_seen_at', pending)
    .where({ project: scope.projectId })
    .orderBy('id');
  const since = Date.now() - windowMinutes * 60_000;
  return rows.map((row) => {
    const lastSeen = readTimestamp(row.last_seen_at);
    return {
      ...row,
      last_seen_at: lastSeen,
      pending_commands: Number(row.pending_commands),
      online: row.status === 'active' && lastSeen !== null && Date.parse(lastSeen) >= since,
    };
  });
}
