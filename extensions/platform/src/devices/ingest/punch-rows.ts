/**
 * Device records → `punches` rows: the PIN (or, failing that, the card) is looked up among the
 * project's employments of any status (a person who left today still worked today); a PIN the
 * project does not know stays a row with no person, for staff to review.
 */
import type { Knex } from 'knex';
import type { AttendanceDirection } from '../../../../../schema/codes';
import { toDbRow } from '../../db/values';
import { cacheEmployment, cachedEmployment, type EmploymentMatch } from '../device-cache';
import { punchDirection, type ActiveDevice } from '../identify-device';

/** One record as a device reported it, already parsed. */
export interface PunchDraft {
  pin: string | null;
  cardNo?: string | null;
  punchedAt: Date;
  direction: AttendanceDirection | null;
  verify: string | null;
  raw: string;
  /** Unique per real punch: a resend carries the same key. */
  dedupKey: string;
}

export type PunchRow = Record<string, unknown>;

/** The dedup key of a record without its own sequence number: device, PIN and second. */
export function punchKey(sn: string, pin: string, punchedAt: Date): string {
  return `${sn}|${pin}|${punchedAt.toISOString()}`;
}

const CHUNK = 500;

export async function buildPunchRows(database: Knex, device: ActiveDevice, drafts: readonly PunchDraft[], now: Date): Promise<PunchRow[]> {
  const byPin = await employmentsBy(database, device.project, 'device_pin', unique(drafts.map((d) => d.pin)), false);
  const cards = unique(drafts.filter((d) => !d.pin).map((d) => d.cardNo ?? null));
  const byCard = cards.length ? await employmentsBy(database, device.project, 'card_no', cards, true) : new Map<string, Match>();
  const receivedAt = now.toISOString();
  return drafts.map((draft) => {
    const match = draft.pin ? byPin.get(draft.pin) : draft.cardNo ? byCard.get(draft.cardNo) : undefined;
    return toDbRow(database, 'punches', {
      project: device.project,
      device: device.id,
      employment: match?.employment ?? null,
      person: match?.person ?? null,
      device_pin: draft.pin ?? match?.pin ?? null,
      punched_at: draft.punchedAt.toISOString(),
      direction: punchDirection(device, draft.direction),
      verify_mode: draft.verify,
      source: 'device',
      dedup_key: draft.dedupKey.slice(0, 160),
      raw: draft.raw,
      received_at: receivedAt,
    });
  });
}

type Match = EmploymentMatch;

async function employmentsBy(database: Knex, project: number, column: 'device_pin' | 'card_no', values: string[], onSiteOnly: boolean): Promise<Map<string, Match>> {
  const found = new Map<string, Match>();
  let missing = values;
  if (column === 'device_pin') {
    missing = [];
    for (const pin of values) {
      const hit = cachedEmployment(project, pin);
      if (hit) found.set(pin, hit);
      else missing.push(pin);
    }
  }
  for (let i = 0; i < missing.length; i += CHUNK) {
    const query = database('employments').select('id', 'person', 'device_pin', 'card_no').where({ project }).whereIn(column, missing.slice(i, i + CHUNK));
    // A card number is unique only among the people on site; a PIN is unique in the project for good.
    if (onSiteOnly) query.andWhere({ status: 'on_site' });
    for (const row of await query) {
      const match = { employment: Number(row.id), person: Number(row.person), pin: String(row.device_pin) };
      found.set(String(row[column]), match);
      if (column === 'device_pin') cacheEmployment(project, match);
    }
  }
  return found;
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
