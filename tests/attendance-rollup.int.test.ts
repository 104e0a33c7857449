/**
 * The attendance roll-up job through its CLI (`directus platform rollup`) on a fixed clock, on
 * fresh projects of its own: person-days, project days, rates, and warnings raised and cleared.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readDate, readTimestamp } from '../extensions/platform/src/db/values';
import { PARTICIPATION } from '../schema/codes/participation';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { at, insertKeyPosts, insertPunches, rollup } from './support/attendance-fixtures';
import { openDatabase } from './support/db';
import { createApprovedProject } from './support/fresh-project';
import { insertOnSite, insertTeam } from './support/site-fixtures';

const TODAY = todayInShanghai(new Date());
const Y = addDays(TODAY, -1);
// A fixed clock: noon of the real today (the server's own scheduler, running on the real clock,
// reaches the same figures for these projects, so it cannot disturb the assertions).
const NOW = `${TODAY}T12:00:00+08:00`;
const ENTRY = addDays(TODAY, -30);

const GC = PARTICIPATION.GENERAL_CONTRACTOR;
const KEY_POSTS: [string, string][] = [
  [GC, 'project_manager'],
  [GC, 'technical_lead'],
  [GC, 'safety_officer'],
  [GC, 'quality_officer'],
  [GC, 'labour_officer'],
  [PARTICIPATION.SUPERVISION, 'chief_supervisor'],
  [PARTICIPATION.SUPERVISION, 'specialist_supervisor'],
  [PARTICIPATION.OWNER, 'owner_project_lead'],
];

let db: Knex;

/** One attendance_days row, normalised (SQLite stores booleans as 0/1 and instants as epoch ms). */
async function personDay(employment: number, day: string) {
  const rows: Record<string, unknown>[] = await db('attendance_days').where({ employment });
  const row = rows.find((r) => readDate(r['day']) === day);
  return (
    row && {
      project: Number(row['project']),
      team: Number(row['team']),
      first_in: readTimestamp(row['first_in']),
      last_out: readTimestamp(row['last_out']),
      punch_count: Number(row['punch_count']),
      hours: Number(row['hours']),
      valid: Boolean(row['valid']),
    }
  );
}

async function projectDay(projectId: number, day: string) {
  const rows: Record<string, unknown>[] = await db('project_days').where({ project: projectId });
  const row = rows.find((r) => readDate(r['day']) === day);
  return row && {
    on_site: Number(row['on_site']),
    present: Number(row['present']),
    attendance_rate: row['attendance_rate'] === null ? null : Number(row['attendance_rate']),
    key_posts_required: Number(row['key_posts_required']),
    key_posts_present: Number(row['key_posts_present']),
    key_post_rate: row['key_post_rate'] === null ? null : Number(row['key_post_rate']),
  };
}

async function warningsOf(projectId: number) {
  const rows: Record<string, unknown>[] = await db('warnings').where({ project: projectId }).orderBy('id');
  return rows.map((row) => ({
    id: Number(row['id']),
    kind: String(row['kind']),
    subject: row['subject'] === null ? null : String(row['subject']),
    status: String(row['status']),
    value: Number(row['value']),
    threshold: Number(row['threshold']),
    message: String(row['message']),
    raised_on: readDate(row['raised_on']),
    resolved_at: readTimestamp(row['resolved_at']),
  }));
}

async function countWhere(table: string, projectId: number): Promise<number> {
  const [row] = await db(table).where({ project: projectId }).count({ n: '*' });
  return Number(row?.['n'] ?? 0);
}

beforeAll(() => {
  db = openDatabase(inject('platformEnv'));
});

afterAll(async () => {
  await db.destroy();
});

describe('roll-up of punches into days, rates and warnings (fixed clock)', () => {
  let projectId: number;
  let teamId: number;
  let w: number[];
  let m: number[];

  beforeAll(async () => {
    const project = await createApprovedProject('出勤汇总测试');
    projectId = project.id;
    const team = await insertTeam(db, projectId);
    const managers = await insertTeam(db, projectId, { kind: 'management' });
    teamId = team.id;
    w = await insertOnSite(db, projectId, team, { count: 6, entryDate: ENTRY, namePrefix: '考勤' });
    m = await insertOnSite(db, projectId, managers, { count: 8, entryDate: ENTRY, namePrefix: '岗位', role: 'manager', trade: 'project_manager' });
    await insertKeyPosts(
      db,
      projectId,
      KEY_POSTS.map(([role, post], i) => [role, post, m[i]!]),
      ENTRY,
    );
    const day = (employment: number, d: string, from = '07:30', to = '18:00') => [
      { employment, at: at(d, from), direction: 'in' as const },
      { employment, at: at(d, to), direction: 'out' as const },
    ];
    await insertPunches(db, projectId, [
      ...day(w[0]!, Y),
      { employment: w[1]!, at: at(Y, '07:30'), direction: 'in' },
      ...day(w[2]!, Y, '08:00', '23:30'),
      ...day(w[3]!, addDays(Y, -2)),
      ...day(w[4]!, addDays(Y, -10)),
      // w[5] never punches.
      ...m.slice(0, 4).flatMap((id) => day(id, Y)),
      ...m.slice(4).flatMap((id) => day(id, addDays(Y, -2))),
    ]);
  });

  test('one run rolls a day up per person and per project and raises warnings', async () => {
    await rollup(['--project', String(projectId), '--now', NOW]);

    expect(await personDay(w[0]!, Y)).toEqual({ project: projectId, team: teamId, first_in: at(Y, '07:30'), last_out: at(Y, '18:00'), punch_count: 2, hours: 10.5, valid: true });
    expect(await personDay(w[1]!, Y)).toMatchObject({ first_in: at(Y, '07:30'), last_out: null, punch_count: 1, hours: 0, valid: false });
    // 23:30 local is 15:30 UTC, still the same local day.
    expect(await personDay(w[2]!, Y)).toMatchObject({ last_out: at(Y, '23:30'), hours: 15.5, valid: true });
    expect(await personDay(w[3]!, Y)).toBeUndefined();
    expect(await personDay(w[3]!, addDays(Y, -2))).toMatchObject({ valid: true });

    // Present: w0, w2 and four key-post holders, of 14 on site; key posts 4 of the 8 required.
    expect(await projectDay(projectId, Y)).toEqual({ on_site: 14, present: 6, attendance_rate: 0.4286, key_posts_required: 8, key_posts_present: 4, key_post_rate: 0.5 });
    expect(await projectDay(projectId, TODAY)).toMatchObject({ on_site: 14, present: 0 });

    const open = (await warningsOf(projectId)).filter((row) => row.status === 'open');
    expect(open.map((row) => [row.kind, row.subject, row.value]).sort()).toEqual(
      [
        ['attendance_rate', null, 0.4286],
        ['key_post_presence', null, 0.5],
        ['long_absence', String(w[4]), 10], // last punch on Y − 10 = today − 11: ten full days since
        ['long_absence', String(w[5]), 30],
      ].sort(),
    );
    const rateWarning = open.find((row) => row.kind === 'attendance_rate')!;
    expect(rateWarning).toMatchObject({ threshold: 0.6, raised_on: Y });
    expect(rateWarning.message).toContain('出勤率 42.9%');
    expect(open.find((row) => row.subject === String(w[4]))!.message).toContain(`最后打卡 ${addDays(Y, -10)}`);
    expect(open.find((row) => row.subject === String(w[5]))!.message).toContain('进场后未打卡');
  }, 180_000);

  test('late punches recover the day: figures follow and every warning is resolved', async () => {
    const before = await warningsOf(projectId);
    await insertPunches(db, projectId, [
      { employment: w[1]!, at: at(Y, '18:05'), direction: 'out' },
      ...[w[3]!, w[4]!, w[5]!, ...m.slice(4)].flatMap((employment) => [
        { employment, at: at(Y, '07:00'), direction: 'in' as const },
        { employment, at: at(Y, '17:00'), direction: 'out' as const },
      ]),
    ]);
    await rollup(['--project', String(projectId), '--now', NOW]);

    expect(await personDay(w[1]!, Y)).toMatchObject({ punch_count: 2, valid: true });
    expect(await projectDay(projectId, Y)).toEqual({ on_site: 14, present: 14, attendance_rate: 1, key_posts_required: 8, key_posts_present: 8, key_post_rate: 1 });
    const after = await warningsOf(projectId);
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
    for (const row of after) {
      expect(row.status).toBe('resolved');
      expect(row.resolved_at).not.toBeNull();
    }
  }, 180_000);

  test('running again changes nothing; --from recomputes a range the same way', async () => {
    const warnings = await warningsOf(projectId);
    const days = await countWhere('attendance_days', projectId);
    await rollup(['--project', String(projectId), '--now', NOW, '--from', addDays(Y, -12)]);
    expect(await warningsOf(projectId)).toEqual(warnings);
    expect(await countWhere('attendance_days', projectId)).toBe(days);
    for (let i = -12; i <= 1; i += 1) expect(await projectDay(projectId, addDays(Y, i)), addDays(Y, i)).toMatchObject({ on_site: 14 });
    expect(await projectDay(projectId, addDays(Y, -10))).toMatchObject({ present: 1 });
  }, 180_000);

  test('a bad option is refused and nothing runs', async () => {
    await expect(rollup(['--project', String(projectId), '--from', '2026-13-01'])).rejects.toThrow(/--from must be YYYY-MM-DD/);
  }, 180_000);
});

describe('two roll-ups at once', () => {
  test('concurrent runs leave one warning per kind and subject and one row per person-day', async () => {
    const project = await createApprovedProject('并发汇总测试');
    const team = await insertTeam(db, project.id);
    const people = await insertOnSite(db, project.id, team, { count: 4, entryDate: ENTRY, namePrefix: '并发' });
    await insertPunches(db, project.id, [{ employment: people[0]!, at: at(Y, '07:30') }]);

    await Promise.all([rollup(['--project', String(project.id), '--now', NOW]), rollup(['--project', String(project.id), '--now', NOW])]);

    const open = (await warningsOf(project.id)).filter((row) => row.status === 'open');
    expect(open.map((row) => `${row.kind}|${row.subject ?? ''}`).sort()).toEqual(
      ['attendance_rate|', 'key_post_presence|', ...people.slice(1).map((id) => `long_absence|${id}`)].sort(),
    );
    const rows = await db('attendance_days').where({ project: project.id }).select('employment', 'day');
    expect(rows).toHaveLength(1);
    expect(await countWhere('project_days', project.id)).toBe(2); // yesterday and today
  }, 240_000);
});
