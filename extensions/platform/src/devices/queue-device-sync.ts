import type { Knex } from 'knex';
import type { DeviceCommandKind } from '../../../../schema/codes';
import { dbNow } from '../db/values';
import type { CommandPayload } from './commands/command-payload';

/** What changed for a person on a project that devices must learn. */
export type DeviceSyncKind = 'enrol' | 'face' | 'card' | 'remove';

/** The device commands each change needs (a face only when the person has one). */
const COMMANDS: Readonly<Record<DeviceSyncKind, readonly DeviceCommandKind[]>> = {
  enrol: ['user_update', 'face_update'],
  face: ['face_update'],
  card: ['user_update'],
  remove: ['user_delete'],
};

const CHUNK = 400;

/**
 * Queues, in the caller's transaction, the commands that bring every active device of each
 * employment's project in line with the change (enrol a person, send a face, change a card,
 * remove a person). Every write to people/employments that devices care about calls this.
 */
export async function queueDeviceSync(trx: Knex, employmentIds: readonly number[], kind: DeviceSyncKind): Promise<void> {
  await queueCommands(trx, employmentIds, kind, null);
}

/** The same for the given devices only: a device just bound to a project learns everyone on site. */
export async function queueDeviceSyncTo(trx: Knex, deviceIds: readonly number[], employmentIds: readonly number[], kind: DeviceSyncKind): Promise<void> {
  if (deviceIds.length) await queueCommands(trx, employmentIds, kind, deviceIds);
}

interface Target {
  employment: number;
  project: number;
  status: string;
  pin: string;
  name: string;
  cardNo: string | null;
  face: string | null;
}

async function queueCommands(trx: Knex, employmentIds: readonly number[], kind: DeviceSyncKind, onlyDevices: readonly number[] | null): Promise<void> {
  for (let i = 0; i < employmentIds.length; i += CHUNK) {
    await queueChunk(trx, [...new Set(employmentIds.slice(i, i + CHUNK))], kind, onlyDevices);
  }
}

async function queueChunk(trx: Knex, employmentIds: number[], kind: DeviceSyncKind, onlyDevices: readonly number[] | null): Promise<void> {
  const targets: Target[] = (
    await trx('employments')
      .join('people', 'people.id', 'employments.person')
      .select('employments.id', 'employments.project', 'employments.status', 'employments.device_pin', 'employments.card_no', 'people.name', 'employments.face_photo', 'employments.face_device_photo')
      .whereIn('employments.id', employmentIds)
  ).map((row) => ({
    employment: Number(row.id),
    project: Number(row.project),
    status: String(row.status),
    pin: String(row.device_pin),
    name: String(row.name ?? ''),
    cardNo: row.card_no ? String(row.card_no) : null,
    // The face this project verified (on the employment): the JPEG made for devices, else the photo itself (converted on delivery).
    face: row.face_device_photo ? String(row.face_device_photo) : row.face_photo ? String(row.face_photo) : null,
  }));
  // Only people on site are put on a device; removal applies whatever the status (it usually follows an exit).
  const relevant = kind === 'remove' ? targets : targets.filter((t) => t.status === 'on_site');
  if (!relevant.length) return;
  const devicesQuery = trx('devices').select('id', 'project').where({ status: 'active' }).whereIn('project', [...new Set(relevant.map((t) => t.project))]);
  if (onlyDevices) devicesQuery.whereIn('id', onlyDevices);
  const devicesByProject = new Map<number, number[]>();
  for (const row of await devicesQuery) devicesByProject.set(Number(row.project), [...(devicesByProject.get(Number(row.project)) ?? []), Number(row.id)]);
  if (!devicesByProject.size) return;

  // Commands still waiting for the same person and device: updated in place, never piled up.
  const pending = await trx('device_commands')
    .select('id', 'device', 'employment', 'kind')
    .where({ status: 'pending' })
    .whereIn('employment', relevant.map((t) => t.employment))
    .whereIn('device', [...devicesByProject.values()].flat());
  const pendingByKey = new Map(pending.map((row) => [`${row.device}|${row.employment}|${row.kind}`, Number(row.id)]));

  const inserts: Record<string, unknown>[] = [];
  const updates: { id: number; payload: string }[] = [];
  const obsolete: number[] = [];
  const now = dbNow(trx);
  for (const target of relevant) {
    for (const device of devicesByProject.get(target.project) ?? []) {
      const key = (k: DeviceCommandKind) => `${device}|${target.employment}|${k}`;
      // A removal makes waiting updates pointless, and a new enrolment overtakes a waiting removal.
      const superseded: DeviceCommandKind[] = kind === 'remove' ? ['user_update', 'face_update'] : ['user_delete'];
      for (const k of superseded) {
        const id = pendingByKey.get(key(k));
        if (id !== undefined) obsolete.push(id);
      }
      for (const commandKind of COMMANDS[kind]) {
        const payload = payloadFor(commandKind, target);
        if (!payload) continue;
        const existing = pendingByKey.get(key(commandKind));
        if (existing !== undefined) updates.push({ id: existing, payload: JSON.stringify(payload) });
        else inserts.push({ device, employment: target.employment, kind: commandKind, payload: JSON.stringify(payload), status: 'pending', attempts: 0, date_created: now });
      }
    }
  }
  for (let i = 0; i < obsolete.length; i += CHUNK) await trx('device_commands').whereIn('id', obsolete.slice(i, i + CHUNK)).delete();
  for (const update of updates) await trx('device_commands').where({ id: update.id }).update({ payload: update.payload });
  for (let i = 0; i < inserts.length; i += 100) await trx('device_commands').insert(inserts.slice(i, i + 100));
}

function payloadFor(kind: DeviceCommandKind, target: Target): CommandPayload | null {
  if (kind === 'user_update') return { pin: target.pin, name: target.name, card_no: target.cardNo };
  if (kind === 'face_update') return target.face ? { pin: target.pin, face_file: target.face } : null;
  return { pin: target.pin, name: target.name };
}
