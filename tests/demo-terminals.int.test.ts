/**
 * The living demo: the platform started as `npm start` starts it (scripts/lib/run-platform.ts), on a
 * temporary data directory with the small city: today's punches are brought up to the moment of
 * start, then the demo terminals post new punches through each device protocol (ZKTeco ATTLOG,
 * Uniubi callback, Hikvision event), authenticated with the demo devices' secrets and at plausible
 * times (nothing lands in the device event log), and heartbeat; without the demo city's marker
 * nothing runs.
 */
import type { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dayStart, localDayOf } from '../extensions/platform/src/attendance/local-days';
import { dbDate, dbTimestamp, readTimestamp } from '../extensions/platform/src/db/values';
import { DEMO_MARKER } from '../extensions/platform/src/seed/demo-today';
import { startDemoTerminals } from '../scripts/lib/demo-terminals.ts';
import { freePort } from '../scripts/lib/platform.ts';
import { runPlatform, type RunningPlatform } from '../scripts/lib/run-platform.ts';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { accountToEmail } from '../schema/rules/account';
import { openDatabase } from './support/db';
import { api, login } from './support/http';

let dataDir: string;
let platform: RunningPlatform;
let db: Knex;
let startedAt: Date;
let cityAtStart: Record<string, unknown> | undefined;

const today = () => localDayOf(new Date());
const dbDay = (day: string) => dbDate(db, day);
const shanghaiClock = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'platform-demo-'));
  startedAt = new Date();
  platform = await runPlatform({ dataDir, port: await freePort(), seed: 'small', env: { LOG_LEVEL: 'error' }, demo: { intervalMs: 1000, stragglerEveryMs: 1000 }, quiet: true });
  db = openDatabase(platform.env);
  // Today's city row as the catch-up left it (the live refresh rewrites it every minute).
  cityAtStart = await db('city_days').where({ day: dbDay(today()) }).first();
}, 600_000);

afterAll(async () => {
  await db?.destroy();
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start keeps the demo city alive', () => {
  test('the seed marked this database as the demo city, and the terminals started', async () => {
    expect(await db('platform_jobs').where({ name: DEMO_MARKER }).first()).toBeTruthy();
    expect(platform.demo).not.toBeNull();
  });

  test('today’s punches up to the moment of start are there, as the gates record them', async () => {
    const rows: Record<string, unknown>[] = await db('punches')
      .join('devices', 'devices.id', 'punches.device')
      .select('punches.punched_at', 'punches.received_at', 'punches.employment', 'punches.raw', 'devices.protocol')
      .where('punches.punched_at', '>=', dbTimestamp(db, dayStart(today())))
      .andWhere('punches.received_at', '<', dbTimestamp(db, new Date(startedAt.getTime() + 120_000)));
    const before = rows.filter((row) => (readTimestamp(row['punched_at']) ?? '') <= startedAt.toISOString());
    for (const row of rows) expect(readTimestamp(row['received_at'])! >= readTimestamp(row['punched_at'])!).toBe(true);
    // Arrivals are 06:30–08:30 local: from 09:00 on most of the people on site have come in.
    if (shanghaiClock(startedAt) >= '09:00') {
      const onSite = Number((await db('employments').where({ status: 'on_site' }).whereIn('project', db('devices').select('project').whereNotNull('project')).count({ n: '*' }))[0]?.['n']);
      expect(new Set(before.map((row) => row['employment'])).size / onSite).toBeGreaterThan(0.5);
    }
    if (shanghaiClock(startedAt) < '06:30') expect(before).toHaveLength(0);
  });

  test('new punches arrive through every protocol, and the gates heartbeat', async () => {
    const posted = async () =>
      (await db('punches')
        .join('devices', 'devices.id', 'punches.device')
        .select('devices.protocol', 'punches.raw')
        .where('punches.received_at', '>', dbTimestamp(db, startedAt))
        .andWhere('punches.punched_at', '>', dbTimestamp(db, startedAt))) as { protocol: string; raw: string }[];
    // Every protocol's terminal gets punches acknowledged (a gate with nothing due lets a late arrival in).
    await expect.poll(() => Object.values(platform.demo!.sent).every((n) => n > 0), { timeout: 90_000, interval: 2_000 }).toBe(true);
    // Each as its own protocol carried it: an ATTLOG line, a Uniubi callback, a Hikvision event
    // (the catch-up at start stores punches in a shape of its own; these are the terminals').
    const rows = await posted();
    const carried = (protocol: string, shape: (raw: string) => boolean) => rows.some((row) => row.protocol === protocol && shape(row.raw));
    const json = (raw: string) => {
      try {
        return JSON.parse(raw) as Record<string, any>;
      } catch {
        return {};
      }
    };
    expect(carried('zkteco', (raw) => /^\S+\t\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\t[01]\t/.test(raw))).toBe(true);
    expect(carried('uniubi', (raw) => 'deviceKey' in json(raw))).toBe(true);
    expect(carried('hikvision', (raw) => json(raw)['eventType'] === 'AccessControllerEvent' && typeof json(raw)['AccessControllerEvent']?.employeeNoString === 'string')).toBe(true);
    expect(platform.demo!.sent.zkteco + platform.demo!.sent.uniubi + platform.demo!.sent.hikvision).toBeGreaterThanOrEqual(3);

    const gates: Record<string, unknown>[] = await db('devices').select('sn', 'last_seen_at').whereNotNull('project');
    const seen = (sn: string) => Date.parse(readTimestamp(gates.find((gate) => gate.sn === sn)?.['last_seen_at']) ?? '');
    expect(seen('CJDE20230417')).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    // The demo's offline gate stays offline.
    expect(seen('CJDE20231026')).toBeLessThan(startedAt.getTime() - 3_600_000);
  });

  test('the terminals authenticate with the demo secrets and punch at plausible times: the device event log stays clean', async () => {
    // Anything the doors refused or set aside since the start: failed authentication, an impossible
    // time, a refused verification, a PIN the platform does not know.
    const events: Record<string, unknown>[] = await db('device_events')
      .select('kind', 'sn', 'detail', 'count')
      .where('received_at', '>', dbTimestamp(db, startedAt))
      .whereIn('kind', ['auth_failed', 'implausible_time', 'refused', 'unattributed']);
    expect(events).toEqual([]);
    // And the terminals were admitted: each protocol's punches were acknowledged by the server.
    expect(platform.demo!.sent).toEqual({ zkteco: expect.any(Number), uniubi: expect.any(Number), hikvision: expect.any(Number) });
    for (const protocol of ['zkteco', 'uniubi', 'hikvision'] as const) expect(platform.demo!.sent[protocol], protocol).toBeGreaterThan(0);
  });

  test('the H5 sees today grow: everyone who came through a terminal since the start is counted', async () => {
    // Per project: who punched today, and who of them came in only after the start (through a terminal).
    const firsts: { project: number; employment: number; first: unknown }[] = await db('punches')
      .select('project', 'employment')
      .min({ first: 'punched_at' })
      .whereNotNull('employment')
      .andWhere('punched_at', '>=', dbTimestamp(db, dayStart(today())))
      .groupBy('project', 'employment');
    const byProject = new Map<number, { came: number; since: number }>();
    for (const row of firsts) {
      const entry = byProject.get(Number(row.project)) ?? { came: 0, since: 0 };
      entry.came += 1;
      if ((readTimestamp(row.first) ?? '') > startedAt.toISOString()) entry.since += 1;
      byProject.set(Number(row.project), entry);
    }
    const [projectId, figures] = [...byProject.entries()].sort((a, b) => b[1].since - a[1].since)[0] ?? [0, { came: 0, since: 0 }];
    expect(figures.since, 'nobody came through a demo terminal since the start').toBeGreaterThan(0);
    const code = (await db('projects').where({ id: projectId }).first('code')).code as string;
    const account = DEMO_LOGINS.projects.find((p) => p.account === code)!;
    const token = await login(accountToEmail(account.account), account.password, platform.baseUrl);
    const live = (await api('GET', '/platform/attendance/summary', { token, baseUrl: platform.baseUrl })).body.data;
    expect(live.live).not.toBeNull();
    // Everyone who punched today counts as present (the demo's late arrivals are people on site).
    expect(live.present).toBeGreaterThanOrEqual(figures.came);
    expect(live.present).toBeGreaterThan(figures.came - figures.since);
  });

  test('the studio dashboard’s 今日 row follows within a minute (the live refresh)', async () => {
    const city = async () => (await db('city_days').where({ day: dbDay(today()) }).first()) as Record<string, unknown> | undefined;
    await expect
      .poll(async () => {
        const row = await city();
        return (readTimestamp(row?.['computed_at']) ?? '') > startedAt.toISOString() && Number(row?.['present']) > Number(cityAtStart?.['present'] ?? 0);
      }, { timeout: 150_000, interval: 5_000 })
      .toBe(true);
  }, 180_000);

  test('no punch is stored twice, however often the city is brought up to date', async () => {
    await platform.demo!.stop();
    await startDemoTerminals({ baseUrl: platform.baseUrl, env: platform.env, planFile: join(dataDir, 'again.json') }).then((again) => again?.stop());
    const [dupes] = await db('punches').select('device', 'device_pin', 'punched_at').count({ n: '*' }).groupBy('device', 'device_pin', 'punched_at').having(db.raw('count(*) > 1')).then((rows) => [rows.length]);
    expect(dupes).toBe(0);
  });

  test('without the demo city’s marker, nothing runs', async () => {
    await db('platform_jobs').where({ name: DEMO_MARKER }).delete();
    const count = async () => Number((await db('punches').count({ n: '*' }))[0]?.['n']);
    const before = await count();
    expect(await startDemoTerminals({ baseUrl: platform.baseUrl, env: platform.env, planFile: join(dataDir, 'none.json'), intervalMs: 200 })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await count()).toBe(before);
  });
});
