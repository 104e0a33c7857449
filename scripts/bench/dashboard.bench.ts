/**
 * The bureau dashboard 全市实名制概况 at city scale: a temporary SQLite platform (small demo city)
 * grown to 300 more projects and 60,000 people with three months of attendance history
 * (city/generate-city.ts, multi-row inserts), rolled up by the real roll-up
 * (`directus platform rollup --from`), then every panel's query timed over HTTP as the bureau user,
 * exactly as the studio sends it (one aliased field of `POST /graphql` per panel, rebuilt from the
 * panel's options by scripts/lib/insights-queries.ts; the Chromium test checks the studio sends the
 * same). Goal: p95 < 200 ms per panel.
 *
 * By default all three months get real punches (≈7.7 M; ~2.7 min to insert and ~1.7 min to roll up
 * on a quiet 2-core machine, ~5 min in all). BENCH_PUNCH_DAYS=14 gives only the last 14 days real
 * punches and the days before `project_days` rows from the same attendance model: the panels read
 * only roll-up tables, projects, devices, key posts and warnings, so their timings barely move.
 *
 * `--pg`: the same city in the PostgreSQL cluster (`npm run cluster`, two replicas, Redis cache),
 * queried through nginx. Every request carries a different comment in its GraphQL text, so
 * Directus's Redis cache (on in compose) never answers it: the figures are the database's work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { PROJECT_STATUSES } from '../../schema/codes/project.ts';
import { cityDashboard } from '../../schema/insights.ts';
import { addDays, todayInShanghai } from '../../schema/rules/dates.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins.ts';
import { clusterDirectus, clusterDown, clusterUp } from '../lib/cluster/cluster.ts';
import { directusCli } from '../lib/directus.ts';
import { dashboardQuery, graphqlField, panelQuery } from '../lib/insights-queries.ts';
import { bootPlatform } from '../lib/platform.ts';
import { generateCity } from './city/generate-city.ts';

export const name = 'Bureau dashboard 全市实名制概况: 300 projects, 60,000 people, 3 months (SQLite; --pg: PostgreSQL cluster)';

const PROJECTS = 300;
const PEOPLE = 60_000;
const DAYS = 92;
const PUNCH_DAYS = Math.min(DAYS, Number(process.env['BENCH_PUNCH_DAYS'] ?? DAYS));
const ROUNDS = 30;
const WARMUP = 3;
const GOAL_MS = 200;
/** At most one request per PACE_MS from the bench's one address: Directus's rate limiter (50/s in compose) would refuse more. */
const PACE_MS = 25;
let lastStart = 0;

async function timed<T>(label: string, task: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await task();
  console.log(`${label.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const count = async (db: Knex, table: string): Promise<number> => Number((await db(table).count({ n: '*' }))[0]?.['n'] ?? 0);

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Times `query` ROUNDS times after WARMUP; fails on any GraphQL error. Each request's text differs (a comment), so no cache answers it. */
async function timeQuery(baseUrl: string, token: string, query: string): Promise<{ samples: number[]; rows: number }> {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < WARMUP + ROUNDS; i += 1) {
    // Below the per-address rate limit (compose: 50 requests/s), outside the timed span.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastStart + PACE_MS - performance.now())));
    const started = performance.now();
    lastStart = started;
    const request = JSON.stringify({ query: `${query}\n# sample ${i} ${Date.now()}` });
    const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: request });
    const body = (await response.json()) as { data?: Record<string, unknown[]>; errors?: unknown[] };
    const ms = performance.now() - started;
    if (response.status !== 200 || body.errors) throw new Error(`${query}: ${response.status} ${JSON.stringify(body.errors)}`);
    rows = Object.values(body.data ?? {}).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
    if (i >= WARMUP) samples.push(ms);
  }
  return { samples, rows };
}

interface Target {
  baseUrl: string;
  db: Knex;
  rollup: (args: string[]) => Promise<void>;
  stop: () => Promise<void>;
}

// The scheduler is off so nothing but the measured requests runs in the servers.
async function embeddedTarget(): Promise<Target> {
  const platform = await bootPlatform({ seed: 'small', extraEnv: { PLATFORM_ROLLUP_CRON: 'off', PLATFORM_LIVE_TODAY_CRON: 'off' } });
  const db = knex({ client: 'sqlite3', connection: { filename: platform.env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 0, max: 1 } });
  return {
    baseUrl: platform.baseUrl,
    db,
    rollup: (args) => directusCli(['platform', 'rollup', ...args], platform.env, { quiet: true }),
    stop: async () => {
      await db.destroy();
      await platform.stop();
    },
  };
}

async function clusterTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cluster-'));
  const cluster = await clusterUp({ dir, seed: 'small', env: { PLATFORM_ROLLUP_CRON: 'off', PLATFORM_LIVE_TODAY_CRON: 'off', LOG_LEVEL: 'warn' }, log: () => undefined });
  const db = knex({ client: 'pg', connection: cluster.databaseUrl, pool: { min: 0, max: 2 } });
  return {
    baseUrl: cluster.url,
    db,
    rollup: async (args) => clusterDirectus(dir, ['platform', 'rollup', ...args]),
    stop: async () => {
      await db.destroy();
      await clusterDown({ dir, purge: true, log: () => undefined });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function run(flags: readonly string[] = []): Promise<void> {
  const pg = flags.includes('--pg');
  const target = await timed(pg ? 'cluster up (PostgreSQL, Redis, 2 replicas, nginx; small demo city)' : 'boot (small demo city)', () => (pg ? clusterTarget() : embeddedTarget()));
  const db = target.db;
  const platform = { baseUrl: target.baseUrl };
  try {
    const now = new Date();
    const today = todayInShanghai(now);
    const city = await timed(`generate ${PROJECTS} projects, ${PEOPLE} people, ${DAYS} days`, () =>
      generateCity(db, { projects: PROJECTS, people: PEOPLE, days: DAYS, punchDays: PUNCH_DAYS, today, now }),
    );
    const rate = Math.round(city.punches / city.punchSeconds);
    console.log(
      `  ${city.punches} punches for the last ${PUNCH_DAYS} days in ${city.punchSeconds.toFixed(1)} s (${rate} rows/s; ` +
        `${DAYS} days would be ≈${((city.punches * DAYS) / PUNCH_DAYS / 1e6).toFixed(1)} M punches, ≈${Math.round((city.punchSeconds * DAYS) / PUNCH_DAYS)} s to insert)`,
    );
    if (PUNCH_DAYS < DAYS) console.log(`  ${city.projectDays} project_days rows for the ${DAYS - PUNCH_DAYS} days before, from the same attendance model (no punches)`);

    // An empty city_days is refilled from every project_days day by the roll-up (as on an upgrade).
    await db('city_days').delete();
    await timed(`roll-up of the last ${PUNCH_DAYS} days, all projects (CLI)`, () => target.rollup(['--from', addDays(today, -(PUNCH_DAYS - 1)), '--now', now.toISOString()]));
    await db.raw('analyze');
    const sizes = await Promise.all(['projects', 'people', 'employments', 'devices', 'punches', 'attendance_days', 'project_days', 'city_days', 'warnings'].map(async (t) => `${t} ${await count(db, t)}`));
    console.log(`  rows: ${sizes.join(', ')}`);

    const login = await fetch(`${platform.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGINS.bureau) });
    const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;

    const dashboard = cityDashboard({ deviceOnlineMinutes: 5, warnRate: 0.6, arrivalBy: '09:30', projectStatuses: PROJECT_STATUSES });
    console.log(`\nPOST /graphql as bureau staff, ${ROUNDS} sequential requests per panel after ${WARMUP} warm-ups (round trip on this machine):`);
    let worst = 0;
    for (const panel of dashboard.panels) {
      const { samples, rows } = await timeQuery(platform.baseUrl, token, `query { ${graphqlField('panel', panelQuery(panel))} }`);
      worst = Math.max(worst, quantile(samples, 0.95));
      console.log(`  ${`${panel.name} (${panel.type}, ${rows} rows)`.padEnd(40)} p50 ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms`);
    }
    const whole = await timeQuery(platform.baseUrl, token, dashboardQuery(dashboard.panels));
    console.log(`  ${'whole dashboard (one batched request)'.padEnd(40)} p50 ${quantile(whole.samples, 0.5).toFixed(1)} ms, p95 ${quantile(whole.samples, 0.95).toFixed(1)} ms`);
    console.log(`  worst panel p95 ${worst.toFixed(1)} ms (goal < ${GOAL_MS} ms per panel): ${worst < GOAL_MS ? 'met' : 'NOT met'}`);
  } finally {
    await target.stop();
  }
}
