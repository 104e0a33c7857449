/**
 * The demo city's living days: who of the people on site comes through which gate, and when, drawn
 * from the same habits as its history (punches.ts). `npm start` inserts the part of a day that has
 * already happened (extensions/platform/src/seed/demo-today.ts) and the demo terminals
 * (scripts/lib/demo-terminals.ts) post the rest through the devices' own protocols as it happens.
 *
 * Deterministic per day and person (its own seed, forked per person and per person-day), so a
 * restart on the same day plans the same punches and inserts none twice.
 */
import type { IsoDate } from '../schema/rules/dates';
import { comesOn, dayPunches, gatesByProject, habitOf, rawRecord, verifyOf, type Gate } from './punches';
import { createRng } from './random';
import type { EmploymentRow, PunchDirection } from './rows';
import { plusSeconds, shanghaiInstant } from './time';

const LIVE_SEED = 20260416;

/** An employment as the plan needs it (a row read back from the database). */
export type LivePerson = Pick<EmploymentRow, 'id' | 'project' | 'person' | 'role' | 'card_no' | 'device_pin' | 'entry_date' | 'exit_date'>;

/** A gate; an offline one keeps its punches in its memory (they are not planned). */
export type LiveGate = Gate & { offline: boolean };

export interface PlannedPunch {
  employment: number;
  person: number;
  project: number;
  device: number;
  sn: string;
  protocol: Gate['protocol'];
  pin: string;
  /** UTC ISO instant. */
  at: string;
  direction: PunchDirection;
  verify: string;
  /** What the device would have sent, as its protocol writes it. */
  raw: string;
}

/** Whether `person` is on site on `day` (entered, not yet past the exit date). */
function onSite(person: LivePerson, day: IsoDate): boolean {
  return person.entry_date <= day && (person.exit_date === null || person.exit_date >= day);
}

/**
 * The punches of `day` for the people on site, in time order. People in `absent` (who stopped
 * coming) have none; a person exiting that day may still come in the morning.
 * @example plannedDay('2026-03-02', people, gates).filter((p) => p.at <= now)
 */
export function plannedDay(day: IsoDate, people: readonly LivePerson[], gates: readonly LiveGate[], absent: ReadonlySet<number> = new Set()): PlannedPunch[] {
  const root = createRng(LIVE_SEED);
  const byProject = gatesByProject(gates);
  const planned: PlannedPunch[] = [];
  for (const person of people) {
    const gate = byProject.get(person.project);
    if (!gate || absent.has(person.id) || !onSite(person, day)) continue;
    const habit = habitOf(root.fork(`habit:${person.id}`), person);
    const rng = root.fork(`day:${day}:${person.id}`);
    if (!comesOn(rng, habit, day)) continue;
    for (const [seconds, direction] of dayPunches(rng, habit)) {
      const device = direction === 'in' ? gate.in : gate.out;
      const verify = verifyOf(rng, habit);
      if (device.offline) continue;
      const at = shanghaiInstant(day, seconds);
      planned.push({
        employment: person.id,
        person: person.person,
        project: person.project,
        device: device.id,
        sn: device.sn,
        protocol: device.protocol,
        pin: person.device_pin,
        at,
        direction,
        verify,
        raw: rawRecord(device, person.device_pin, at, direction, verify),
      });
    }
  }
  return planned.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.employment - b.employment));
}

/** When a planned punch reached the server: a few seconds after it was made (never after `now`). */
export function receivedAt(punch: Pick<PlannedPunch, 'at' | 'employment'>, now: string): string {
  const received = plusSeconds(punch.at, 2 + (punch.employment % 20));
  return received < now ? received : now;
}
