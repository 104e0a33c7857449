/**
 * A device that becomes active on a project must learn everyone on site there. `synced_project`
 * remembers for which project that was queued, so saving a device again queues nothing, moving it to
 * another project or re-activating it after a stop queues everyone again. That moment is also the
 * device's binding (`bound_at`): its punches from before it, less the backlog window, are not paid.
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
