/**
 * Attendance rows written straight into the test database (punches as a device would leave them,
 * approved key posts), and the roll-up CLI on a fixed clock.
 */
import type { Knex } from 'knex';
import { inject } from 'vitest';
import { toDbRow } from '../../extensions/platform/src/db/values';
import { directusCli } from '../../scripts/lib/directus.ts';

/** A Shanghai wall time as an instant: at('2026-03-02', '07:30'). */
export const at = (day: string, time: string): string => new Date(`${day}T${time}:00+08:00`).toISOString();

let counter = 0;

/**
 * Stores punches of employments of `projectId` as a device would (received now, unique dedup key).
 * @example await insertPunches(db, projectId, [{ employment: 12, at: at(day, '07:30'), direction: 'in' }]);
 */
export async function insertPunches(db: Knex, projectId: number, punches: readonly { employment: number; at: string; direction?: 'in' | 'out' }[]): Promise<void> {
  if (!punches.length) return;
  const ids = [...new Set(punches.map((p) => p.employment))];
  const employments = new Map<number, { person: number; device_pin: string }>(
    (await db('employments').select('id', 'person', 'device_pin').whereIn('id', ids)).map((row: { id: number; person: number; device_pin: string }) => [Number(row.id), row]),
  );
  const receivedAt = new Date().toISOString();
  const rows = punches.map((punch) => {
    const employment = employments.get(punch.employment);
    if (!employment) throw new Error(`no employment ${punch.employment}`);
    counter += 1;
    return toDbRow(db, 'punches', {
      project: projectId,
      employment: punch.employment,
      person: employment.person,
      device_pin: employment.device_pin,
      punched_at: punch.at,
      direction: punch.direction ?? 'in',
      verify_mode: '15',
      source: 'device',
      dedup_key: `test|${punch.employment}|${punch.at}|${Date.now()}-${counter}`,
      raw: 'test',
      received_at: receivedAt,
    });
  });
  for (let i = 0; i < rows.length; i += 200) await db('punches').insert(rows.slice(i, i + 200));
}

/** Approved key-post holders: `posts` as [unit_role, post, employment]. */
export async function insertKeyPosts(db: Knex, projectId: number, posts: readonly [string, string, number][], entryDate: string): Promise<void> {
  for (const [unitRole, post, employmentId] of posts) {
    const employment = await db('employments').select('person', 'unit').where({ id: employmentId }).first();
    await db('key_posts').insert(
      toDbRow(db, 'key_posts', {
        project: projectId,
        unit_role: unitRole,
        unit: employment.unit,
        post,
        person: employment.person,
        employment: employmentId,
        status: 'approved',
        entry_date: entryDate,
        reviewed_at: new Date().toISOString(),
        date_created: new Date().toISOString(),
      }),
    );
  }
}

/**
 * Runs `directus platform rollup` against the shared test platform (as an administrator would).
 * @example await rollup(['--project', '12', '--now', '2026-03-02T12:00:00+08:00']);
 */
export function rollup(args: string[]): Promise<void> {
  return directusCli(['platform', 'rollup', ...args], inject('platformEnv'), { quiet: true });
}

export interface CityDayCheck {
  city: Record<string, unknown> | undefined;
  sums: { on_site: number; present: number; projects: number };
}

/**
 * `city_days` of `day` (the latest day when omitted) next to the sums of that day's `project_days`,
 * read in one snapshot. Other test files run roll-ups meanwhile, which write project_days first and
 * city_days last, so it reads again (up to ~10 s) until no roll-up is half-way through.
 */
export async function cityDayAndSums(db: Knex, day?: unknown): Promise<CityDayCheck> {
  const read = () =>
    db.transaction(async (trx): Promise<CityDayCheck> => {
      const city = day === undefined ? await trx('city_days').orderBy('day', 'desc').first() : await trx('city_days').where({ day }).first();
      const [row] = await trx('project_days').where({ day: city?.['day'] ?? day }).sum({ on_site: 'on_site', present: 'present' }).count({ projects: '*' });
      return { city, sums: { on_site: Number(row?.['on_site'] ?? 0), present: Number(row?.['present'] ?? 0), projects: Number(row?.['projects'] ?? 0) } };
    });
  let check = await read();
  const consistent = ({ city, sums }: CityDayCheck) => Number(city?.['on_site']) === sums.on_site && Number(city?.['present']) === sums.present;
  for (let attempt = 0; attempt < 50 && !consistent(check); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    check = await read();
  }
  return check;
}
