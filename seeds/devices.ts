/**
 * Gate devices and what they did lately: two per approved project (one offline for a day), an
 * unbound terminal, and the person-sync commands of the last week.
 */
import { addDays, isAfter } from '../schema/rules';
import { PENDING_DEVICE, type DeviceSpec } from './catalogue';
import { instantOn, laterOf, type Ctx, type ProjectPlan } from './context';
import type { Rng } from './random';
import type { DeviceCommandRow, DeviceRow, EmploymentRow, PersonRow } from './rows';
import { hms, plusSeconds } from './time';

function deviceRow(ctx: Ctx, rng: Rng, id: number, spec: DeviceSpec, project: ProjectPlan | null): DeviceRow {
  const lastSeen = spec.offline
    ? plusSeconds(ctx.now, -(86_400 + rng.int(3_600, 10_800)))
    : plusSeconds(ctx.now, -rng.int(5, project ? 90 : 1_800));
  const createdOn = project?.row.reviewed_at ? addDays(project.row.reviewed_at.slice(0, 10), rng.int(2, 5)) : addDays(ctx.today, -3);
  // Drawn in the same order as always, so the demo city stays what it was.
  const lastIp = `223.85.${rng.int(1, 254)}.${rng.int(1, 254)}`;
  const created = instantOn(rng, laterOf(createdOn, addDays(ctx.today, -360)), hms(10), hms(16));
  return {
    id,
    sn: spec.sn,
    project: project?.row.id ?? null,
    name: spec.name || null,
    protocol: spec.protocol,
    direction: spec.direction,
    status: project ? 'active' : 'pending',
    // The demo terminals have long had their project's people (the commands below are the last week's).
    synced_project: project?.row.id ?? null,
    // Bound the day they were installed.
    bound_at: project ? created : null,
    last_seen_at: lastSeen,
    last_ip: lastIp,
    firmware: spec.firmware,
    date_created: created,
  };
}

export function buildDevices(ctx: Ctx, projects: readonly ProjectPlan[]): DeviceRow[] {
  const rng = ctx.rng.fork('devices');
  const rows: DeviceRow[] = [];
  for (const project of projects) {
    for (const spec of project.spec.devices) rows.push(deviceRow(ctx, rng, rows.length + 1, spec, project));
  }
  rows.push(deviceRow(ctx, rng, rows.length + 1, PENDING_DEVICE, null));
  return rows;
}

/**
 * Person sync commands of the last week: enrolments of new arrivals and removals of leavers,
 * done on online devices and still queued on the offline one.
 */
export function buildDeviceCommands(
  ctx: Ctx,
  devices: readonly DeviceRow[],
  employments: readonly EmploymentRow[],
  people: readonly PersonRow[],
): DeviceCommandRow[] {
  const rng = ctx.rng.fork('device-commands');
  const since = addDays(ctx.today, -7);
  const rows: DeviceCommandRow[] = [];
  for (const employment of employments) {
    const arrived = employment.status === 'on_site' && !isAfter(since, employment.entry_date);
    const left = employment.exit_date !== null && !isAfter(since, employment.exit_date);
    if (!arrived && !left) continue;
    const person = people[employment.person - 1];
    if (!person) continue;
    const createdAt = left && employment.exit_date
      ? instantOn(rng, employment.exit_date, hms(17), hms(18))
      : plusSeconds(employment.date_created, rng.int(5, 60));
    for (const device of devices.filter((item) => item.project === employment.project)) {
      const queued = createdAt > device.last_seen_at;
      const failed = !queued && rng.chance(0.01);
      const payload: Record<string, string> = { pin: employment.device_pin, name: person.name };
      if (employment.card_no) payload['card_no'] = employment.card_no;
      rows.push({
        id: rows.length + 1,
        device: device.id,
        employment: employment.id,
        kind: arrived ? 'user_update' : 'user_delete',
        payload,
        status: queued ? 'pending' : failed ? 'failed' : 'done',
        attempts: queued ? 0 : failed ? 3 : 1,
        return_code: queued ? null : failed ? '-1003' : '0',
        sent_at: queued ? null : plusSeconds(createdAt, rng.int(10, 50)),
        done_at: queued || failed ? null : plusSeconds(createdAt, rng.int(55, 90)),
        date_created: createdAt,
      });
    }
  }
  return rows;
}
