/**
 * A device that becomes active on a project must learn everyone on site there. `synced_project`
 * remembers for which project that was queued, so saving a device again queues nothing, moving it to
 * another project or re-activating it after a stop queues everyone again. That moment is also the
 * device's binding (`bound_at`): its punches from before it, less the backlog window, are not paid.
 *
 * A device leaving a project (moved, unbound or stopped) must also forget that project's people, or
 * it would still open for them: their removals are queued for it when it leaves (they wait while it
 * is stopped, and a return to the same project overtakes them: queue-device-sync.ts). A removal
 * queued before a new enrolment of the same PIN is delivered first (commands run in queue order).
 */
import type { Knex } from 'knex';
import { dbNow } from '../db/values';
import { forgetDevices } from './device-cache';
import { queueDeviceSyncTo } from './queue-device-sync';

/** Queues the enrolment of the on-site people for each of `deviceIds` that needs it; returns how many devices did. */
export async function enrolBoundDevices(database: Knex, deviceIds: readonly number[]): Promise<number> {
  if (!deviceIds.length) return 0;
  const enrolled = await database.transaction(async (trx) => {
    const devices = await trx('devices').select('id', 'status', 'project', 'synced_project').whereIn('id', deviceIds);
    let count = 0;
    for (const device of devices) {
      const project = device.project === null || device.project === undefined ? null : Number(device.project);
      const synced = device.synced_project === null || device.synced_project === undefined ? null : Number(device.synced_project);
      const target = device.status === 'active' ? project : null;
      if (target === synced) continue;
      if (synced !== null) await queueRemovals(trx, Number(device.id), synced);
      if (target !== null) {
        const onSite = await trx('employments').pluck('id').where({ project: target, status: 'on_site' }).orderBy('id');
        await queueDeviceSyncTo(trx, [Number(device.id)], onSite.map(Number), 'enrol');
        count += 1;
      }
      await trx('devices')
        .where({ id: device.id })
        .update({ synced_project: target, ...(target !== null ? { bound_at: dbNow(trx) } : {}) });
    }
    return count;
  });
  // The ingest cache must see the new binding time at once.
  forgetDevices();
  return enrolled;
}

/** Removal commands, for `device`, of everyone on site at `project` (unless one is already waiting). */
async function queueRemovals(trx: Knex, device: number, project: number): Promise<void> {
  const people: { id: number; device_pin: string; name: string | null }[] = await trx('employments')
    .join('people', 'people.id', 'employments.person')
    .where({ 'employments.project': project, 'employments.status': 'on_site' })
    .orderBy('employments.id')
    .select('employments.id', 'employments.device_pin', 'people.name');
  const waiting = new Set((await trx('device_commands').where({ device, kind: 'user_delete', status: 'pending' }).pluck('employment')).map(Number));
  const now = dbNow(trx);
  const rows = people
    .filter((p) => !waiting.has(Number(p.id)))
    .map((p) => ({ device, employment: p.id, kind: 'user_delete', payload: JSON.stringify({ pin: String(p.device_pin), name: String(p.name ?? '') }), status: 'pending', attempts: 0, date_created: now }));
  for (let i = 0; i < rows.length; i += 100) await trx('device_commands').insert(rows.slice(i, i + 100));
}
