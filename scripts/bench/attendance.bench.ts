/**
 * 出勤一览表 at scale: a temporary SQLite platform (small demo city) whose main project grows to
 * 1,000 people on site with a year of punches (bulk knex inserts), rolled up with
 * `directus platform rollup --from`, then `GET /platform/attendance/summary` timed over HTTP for a
 * day (today's live view among them), a week and a month. Goal: p95 < 100 ms. Also prints the roll-up times and, for context,
 * the 更多 list and the first page of 出勤记录.
 */
import knex, { type Knex } from 'knex';
import { accountToEmail } from '../../schema/rules/account.ts';
import { addDays, todayInShanghai } from '../../schema/rules/dates.ts';
import { createRng } from '../../seeds/random.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins.ts';
import { directusCli } from '../lib/directus.ts';
import { bootPlatform } from '../lib/platform.ts';

export const name = '出勤一览表 summary query: 1,000 people, a year of punches (SQLite)';

const PEOPLE = 1_000;
const DAYS = 365;
const ROUNDS = 40;
const WARMUP = 3;
const BATCH = 400; // SQLite: a multi-row insert is one compound SELECT of at most 500 terms
const HOUR = 3_600_000;

/** Epoch ms of Shanghai wall time on `day` (SQLite stores Directus timestamps as epoch ms). */
const at = (day: string, seconds: number): number => Date.parse(`${day}T00:00:00+08:00`) + seconds * 1000;
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

async function json(url: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  const response = await fetch(url, { ...init, headers });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const count = async (db: Knex, table: string, where: Record<string, unknown> = {}): Promise<number> => Number((await db(table).where(where).count({ n: '*' }))[0]?.['n'] ?? 0);

async function timed<T>(label: string, task: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await task();
  console.log(`${label.padEnd(46)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Grows the project to PEOPLE on site (entered over a year ago), spread over its teams. */
async function addPeople(db: Knex, projectId: number, today: string): Promise<void> {
  const onSite = await count(db, 'employments', { project: projectId, status: 'on_site' });
  const teams: { id: number; unit: number }[] = await db('teams').where({ project: projectId }).whereNot('kind', 'management').select('id', 'unit');
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂华建国志红';
  const rng = createRng(6);
  const created = Date.now();
  await db.transaction(async (trx) => {
    for (let i = 0; i < PEOPLE - onSite; i += 1) {
      const team = teams[i % teams.length]!;
      const [person] = await trx('people').insert(
        {
          name: `${rng.pick([...surnames])}${rng.pick([...given])}${rng.chance(0.5) ? rng.pick([...given]) : ''}`,
          id_type: '01',
          // Bench-only identities: unique, never shown, not valid GB 11643 numbers.
          id_number: `BENCH${String(i).padStart(13, '0')}`,
          gender: 'male',
          ethnicity: '01',
          birth_date: dayMs('1985-06-15'),
          date_created: created,
        },
        ['id'],
      );
      await trx('employments').insert({
        project: projectId,
        person: Number(typeof person === 'object' ? person.id : person),
        team: team.id,
        unit: team.unit,
        role: 'worker',
        trade: '010',
        device_pin: `B${String(i).padStart(5, '0')}`,
        entry_date: dayMs(addDays(today, -DAYS - 30)),
        status: 'on_site',
        date_created: created,
      });
    }
  });
}

/** A year of punches for everyone on site, and today's up to now: ≈85 % present on working days, a few lone punches. */
async function addPunches(db: Knex, projectId: number, today: string): Promise<number> {
  const gates: { id: number; direction: string; sn: string }[] = await db('devices').where({ project: projectId, status: 'active' }).select('id', 'direction', 'sn');
  const gateIn = gates.find((g) => g.direction === 'in') ?? gates[0]!;
  const gateOut = gates.find((g) => g.direction === 'out') ?? gates[0]!;
  const employments: { id: number; person: number; device_pin: string; punched: number }[] = await db('employments')
    .where({ project: projectId, status: 'on_site' })
    .select('id', 'person', 'device_pin', db('punches').count('*').where('punches.employment', db.ref('employments.id')).as('punched'));
  const rng = createRng(2026);
  const seedWindowStart = addDays(today, -8);
  let total = 0;
  await db.transaction(async (trx) => {
    for (let d = DAYS; d >= 0; d -= 1) {
      const day = addDays(today, -d);
      const sunday = new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
      const rows: Record<string, unknown>[] = [];
      for (const e of employments) {
        // The demo city already has its last week of punches for its own people.
        if (Number(e.punched) > 0 && day >= seedWindowStart && day < today) continue;
        if (!rng.chance(sunday ? 0.6 : 0.85)) continue;
        const arrive = at(day, rng.int(6 * 3600 + 40 * 60, 8 * 3600 + 30 * 60));
        const leave = at(day, rng.int(17 * 3600, 19 * 3600 + 20 * 60));
        const times: [number, 'in' | 'out'][] = rng.chance(0.05) ? [[arrive, 'in']] : [[arrive, 'in'], [leave, 'out']];
        for (const [time, direction] of times) {
          if (time > Date.now()) continue; // today: only what has happened
          const gate = direction === 'in' ? gateIn : gateOut;
          rows.push({
            project: projectId,
            device: gate.id,
            employment: e.id,
            person: e.person,
            device_pin: e.device_pin,
            punched_at: time,
            direction,
            verify_mode: '15',
            source: 'device',
            dedup_key: `${gate.sn}|${e.device_pin}|${new Date(time).toISOString()}`,
            raw: 'bench',
            received_at: time + 5_000,
          });
        }
      }
      for (let i = 0; i < rows.length; i += BATCH) await trx('punches').insert(rows.slice(i, i + BATCH));
      total += rows.length;
    }
  });
  return total;
}

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
}

export async function run(): Promise<void> {
  // The scheduler is off so nothing but the measured requests runs in the server.
  const platform = await timed('boot (small demo city)', () => bootPlatform({ seed: 'small', extraEnv: { PLATFORM_ROLLUP_CRON: 'off', PLATFORM_LIVE_TODAY_CRON: 'off' } }));
  const db = knex({ client: 'sqlite3', connection: { filename: platform.env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 0, max: 1 } });
  try {
    const account = DEMO_LOGINS.projects[0]!;
    const login = await json(`${platform.baseUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ email: accountToEmail(account.account), password: account.password }) });
    const token: string = login.body.data.access_token;
    const projectId: number = (await json(`${platform.baseUrl}/platform/me`, { token })).body.data.project.id;
    const today = todayInShanghai(new Date());

    await timed(`add people up to ${PEOPLE} on site`, () => addPeople(db, projectId, today));
    const started = performance.now();
    const punches = await addPunches(db, projectId, today);
    const seconds = (performance.now() - started) / 1000;
    console.log(`${`insert ${punches} punches (${DAYS} days)`.padEnd(46)} ${seconds.toFixed(1)} s (${Math.round(punches / seconds)} rows/s)`);

    const env = platform.env;
    await timed('roll-up, full year (CLI, incl. ~CLI start-up)', () => directusCli(['platform', 'rollup', '--project', String(projectId), '--from', addDays(today, -DAYS)], env, { quiet: true }));
    await timed('roll-up, incremental (CLI, incl. CLI start-up)', () => directusCli(['platform', 'rollup', '--project', String(projectId)], env, { quiet: true }));
    await timed('CLI start-up alone (platform --help)', () => directusCli(['platform', '--help'], env, { quiet: true }));
    console.log(
      `project: ${await count(db, 'employments', { project: projectId, status: 'on_site' })} on site, ` +
        `${await count(db, 'punches', { project: projectId })} punches, ${await count(db, 'attendance_days', { project: projectId })} person-days, ` +
        `${await count(db, 'project_days', { project: projectId })} project days`,
    );

    const yesterday = addDays(today, -1);
    const queries: [string, string][] = [
      ['summary: today (live)', '/platform/attendance/summary?period=day'],
      ['summary: a day (yesterday)', `/platform/attendance/summary?period=day&date=${yesterday}`],
      ['summary: a day (100 days ago)', `/platform/attendance/summary?period=day&date=${addDays(today, -100)}`],
      ['summary: this week', `/platform/attendance/summary?period=week&date=${yesterday}`],
      ['summary: a month (this month)', `/platform/attendance/summary?period=month&date=${yesterday}`],
      ['summary: a month (6 months ago)', `/platform/attendance/summary?period=month&date=${addDays(today, -180)}`],
    ];
    const extras: [string, string][] = [
      ['更多: month, absent list', `/platform/attendance/people?period=month&date=${yesterday}&status=absent`],
      ['更多: day, present list', `/platform/attendance/people?period=day&date=${yesterday}&status=present`],
      ['更多: today (live), absent list', '/platform/attendance/people?period=day&status=absent'],
      ['出勤记录: first page', '/platform/punches?limit=30'],
    ];
    const all: number[] = [];
    console.log(`\nHTTP timings, ${ROUNDS} sequential requests each after ${WARMUP} warm-ups (round trip on this machine):`);
    for (const [label, path] of [...queries, ...extras]) {
      const samples: number[] = [];
      for (let i = 0; i < WARMUP + ROUNDS; i += 1) {
        const start = performance.now();
        const response = await json(`${platform.baseUrl}${path}`, { token });
        const ms = performance.now() - start;
        if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
        if (i >= WARMUP) samples.push(ms);
      }
      if (queries.some(([, p]) => p === path)) all.push(...samples);
      console.log(`  ${label.padEnd(34)} ${figures(samples)}`);
    }
    console.log(`  ${'summary, all periods together'.padEnd(34)} ${figures(all)} (goal p95 < 100 ms)`);
  } finally {
    await db.destroy();
    await platform.stop();
  }
}
