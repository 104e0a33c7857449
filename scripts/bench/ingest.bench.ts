/**
 * Punch ingest with the small demo city, side by side: ZKTeco ATTLOG with 100 lines per POST (8
 * terminals posting at once), single-punch Uniubi and Hikvision posts (16 terminals of each, one
 * post in flight per terminal, like a site full of devices), and Directus REST `POST /items/punches` as admin (single items 16 in flight;
 * batches of 100). The terminals authenticate as real ones do (a keyed ZKTeco handshake, then its
 * address; the device secret in the Uniubi and Hikvision URLs), and their punches lie inside the
 * plausible window of a device bound today. Every punch is new (no resends), and every figure is
 * counted from the database afterwards, not from the answers. Every path, the platform's and
 * Directus's, is measured warm, after a warm-up stream of its own that is printed apart: a server
 * runs for days, and a cold one spends its first few thousand single-punch posts compiling the path
 * (~40% more CPU per punch).
 *
 * - default: a temporary embedded platform (one Directus on SQLite);
 * - `--cluster`: a temporary production topology (`npm run cluster`: PostgreSQL, Redis, two
 *   replicas) posted to through nginx. Each terminal posts from its own loopback address (127.0.1.x,
 *   single-punch terminals 127.0.2.x, REST clients 127.0.3.x), as real sites
 *   do, since nginx limits device requests and Directus all others per source address.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { clusterDown, clusterUp } from '../lib/cluster/cluster.ts';
import { attlogLine, hikvisionEvent, postHikvision, postUniubi, send, uniubiForm, ZkTerminal } from '../lib/devices.ts';
import { bootPlatform } from '../lib/platform.ts';

export const name = 'punch ingest: device protocols vs Directus REST (SQLite; --cluster: PostgreSQL cluster through nginx)';

const ZK_TERMINALS = 8;
const ZK_POSTS_PER_TERMINAL = 40;
const ZK_WARM_UP_POSTS = 2;
const LINES_PER_POST = 100;
const SINGLE_PUNCHES = 3_000;
const SINGLE_CONCURRENCY = 16;
/** Posts per single-punch protocol before it is measured (see the warm-up in `run`). */
const WARM_UP_PUNCHES = 3_000;
const REST_SINGLE = 400;
const REST_BATCHES = 30;
const REST_WARM_UP = 200;

interface Figure {
  label: string;
  punches: number;
  seconds: number;
  /** Server CPU seconds used (user + system), when it can be read (Linux /proc). */
  cpu: number | null;
}

/** The Directus servers listening on `ports` (their environment says so), for their CPU time; Linux only. */
function serverPids(ports: readonly string[]): string[] {
  return ports.map(serverPid).filter((pid): pid is string => pid !== null);
}

function serverPid(port: string): string | null {
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('cli/run.js')) continue;
        if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`PORT=${port}`)) return pid;
      } catch {
        // not ours to read, or gone
      }
    }
  } catch {
    // no /proc
  }
  return null;
}

let serverCpuPids: string[] = [];
function serverCpuSeconds(): number | null {
  if (!serverCpuPids.length) return null;
  let seconds = 0;
  for (const pid of serverCpuPids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    seconds += (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return seconds;
}

interface Target {
  label: string;
  baseUrl: string;
  db: Knex;
  /** Punches per second; and how many times REST's rate, where a goal was set (the embedded platform's). */
  goals: { batched: number; single: number; timesRest?: { batched: number; single: number } };
  stop: () => Promise<void>;
}

async function embeddedTarget(): Promise<Target> {
  // Only the measured requests run in the server: no live refresh of today's figures, no delivery rounds.
  const platform = await bootPlatform({ seed: 'small', extraEnv: { LOG_LEVEL: 'error', PLATFORM_LIVE_TODAY_CRON: 'off', PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS: '0' } });
  const db = knex({ client: 'sqlite3', connection: { filename: platform.env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  serverCpuPids = serverPids([platform.env['PORT']!]);
  return { label: 'one Directus on SQLite', baseUrl: platform.baseUrl, db, goals: { batched: 20_000, single: 2_000, timesRest: { batched: 15, single: 10 } }, stop: async () => {
    await db.destroy();
    await platform.stop();
  } };
}

async function clusterTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cluster-'));
  const started = performance.now();
  // The roll-up is off so nothing but the measured requests runs in the servers.
  const cluster = await clusterUp({ dir, seed: 'small', env: { PLATFORM_ROLLUP_CRON: 'off', PLATFORM_LIVE_TODAY_CRON: 'off', LOG_LEVEL: 'warn' }, log: () => undefined });
  console.log(`cluster up in ${((performance.now() - started) / 1000).toFixed(0)} s: nginx ${cluster.url}, ${Object.keys(cluster.replicas).length} replicas, PostgreSQL`);
  const db = knex({ client: 'pg', connection: cluster.databaseUrl, pool: { min: 1, max: 2 } });
  serverCpuPids = serverPids(Object.values(cluster.replicas).map((url) => url.split(':').at(-1)!));
  return { label: 'the cluster through nginx (2 replicas, PostgreSQL)', baseUrl: cluster.url, db, goals: { batched: 15_000, single: 1_500 }, stop: async () => {
    await db.destroy();
    await clusterDown({ dir, purge: true, log: () => undefined });
    rmSync(dir, { recursive: true, force: true });
  } };
}

/** The loopback source address of client `i` of a kind (1: ZKTeco terminals, 2: single-punch terminals, 3: REST clients). */
const source = (kind: number, i: number) => `127.0.${kind}.${(i % 64) + 1}`;

const perSecond = (f: Figure) => f.punches / f.seconds;

/** Runs `count` tasks with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Refusals for load (Directus's pressure limiter answers 503) are retried, as devices do; counted. */
let retries = 0;
async function withRetry<T extends { status: number }>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const reply = await call();
    if (reply.status !== 503 || attempt >= 50) return reply;
    retries += 1;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function measure(label: string, expected: number, countRows: () => Promise<number>, work: () => Promise<void>): Promise<Figure> {
  const before = await countRows();
  retries = 0;
  const cpuBefore = serverCpuSeconds();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = serverCpuSeconds();
  const stored = (await countRows()) - before;
  if (stored !== expected) throw new Error(`${label}: expected ${expected} new punches, the database has ${stored}`);
  const figure = { label, punches: stored, seconds, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  const cpu = figure.cpu === null ? '' : ` ${((figure.cpu * 1000) / stored).toFixed(3).padStart(7)} ms server CPU/punch`;
  console.log(`${label.padEnd(64)} ${String(stored).padStart(6)} punches ${seconds.toFixed(2).padStart(7)} s ${perSecond(figure).toFixed(0).padStart(8)} punches/s${cpu}${retries ? ` (${retries} POSTs retried after 503 under pressure)` : ''}`);
  return figure;
}

function check(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

export async function run(flags: readonly string[] = []): Promise<void> {
  const target = flags.includes('--cluster') ? await clusterTarget() : await embeddedTarget();
  const db = target.db;
  const countPunches = async () => Number((await db('punches').count({ n: '*' }))[0]?.['n'] ?? 0);
  console.log(`target: ${target.label}`);
  try {
    const base = target.baseUrl;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'Admin@2026' }) });
    const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const project = await db('projects').where({ status: 'approved' }).orderBy('id').first('id');
    const pins: string[] = (await db('employments').where({ project: project.id }).pluck('device_pin')).map(String);
    const pinAt = (i: number) => pins[i % pins.length]!;
    // Distinct instants per series (12 hours apart, within the last ten days), so every punch is new and plausible.
    const start = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 10 * 86_400_000;
    const instant = (series: number, i: number) => new Date(start + series * 43_200_000 + i * 1000);

    // Terminals of each protocol, bound to the project the way staff do it (admin PATCH with the device secret).
    const secretOf = (sn: string) => `Bench-${sn}`;
    const zk = Array.from({ length: ZK_TERMINALS }, (_, i) => new ZkTerminal(base, `BENCHZK${i}`, { secret: secretOf(`BENCHZK${i}`), localAddress: source(1, i) }));
    // Single-punch terminals, each with its own serial, secret and address, as on a site.
    const singleTerminals = (prefix: string, firstSource: number) =>
      Array.from({ length: SINGLE_CONCURRENCY }, (_, t) => ({ sn: `${prefix}${t}`, setup: { secret: secretOf(`${prefix}${t}`), localAddress: source(2, firstSource + t) } }));
    const uniubiTerminals = singleTerminals('BENCHUNI', 0);
    const hikvisionTerminals = singleTerminals('BENCHHIK', 32);
    for (const terminal of zk) await terminal.handshake();
    for (const { sn, setup } of uniubiTerminals) await postUniubi(base, uniubiForm({ deviceKey: sn, personId: pinAt(0), at: instant(8, 0) }), '/uniubi/callback', setup);
    for (const { sn, setup } of hikvisionTerminals) await postHikvision(base, sn, hikvisionEvent({ pin: pinAt(0), serialNo: 0, at: instant(8, 0) }), 'multipart', setup);
    const devices = await db('devices').whereIn('sn', [...zk, ...uniubiTerminals, ...hikvisionTerminals].map((t) => t.sn)).select('id', 'sn');
    for (const { id, sn } of devices) {
      const bound = await fetch(`${base}/items/devices/${id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ status: 'active', project: project.id, direction: 'both', auth_secret: secretOf(sn) }) });
      if (!bound.ok) throw new Error(`binding ${sn} failed: ${bound.status} ${await bound.text()}`);
    }
    // A bound ZKTeco terminal proves itself with its communication key; its uploads then come from that address.
    for (const terminal of zk) if ((await terminal.handshake()).status !== 200) throw new Error(`${terminal.sn}: keyed handshake refused`);

    // Warm-up: JIT, schema cache, secrets opened once, first transaction.
    await zk[0]!.upload([attlogLine(pinAt(1), instant(9, 0))], 1);
    for (const { sn, setup } of uniubiTerminals) await postUniubi(base, uniubiForm({ deviceKey: sn, personId: pinAt(1), at: instant(9, 1) }), '/uniubi/callback', setup);
    for (const { sn, setup } of hikvisionTerminals) await postHikvision(base, sn, hikvisionEvent({ pin: pinAt(1), serialNo: 100_000, at: instant(9, 2) }), 'multipart', setup);

    const figures: Figure[] = [];
    // Each terminal's log goes on where its previous upload ended (the stamp is its last record's position).
    const zkStream = async (series: number, postsPerTerminal: number, firstPost: number) => {
      await Promise.all(
        zk.map(async (terminal, t) => {
          for (let post = 0; post < postsPerTerminal; post += 1) {
            const lines = Array.from({ length: LINES_PER_POST }, (_, l) => {
              const i = (t * postsPerTerminal + post) * LINES_PER_POST + l;
              return attlogLine(pinAt(i), instant(series, i), (i % 2) as 0 | 1);
            });
            const reply = await withRetry(() => terminal.upload(lines, (firstPost + post + 1) * LINES_PER_POST));
            if (!reply.text.startsWith('OK')) throw new Error(`ATTLOG refused: ${reply.status} ${reply.text}`);
          }
        }),
      );
    };
    // Each POST runs the per-line code a hundred times, so two per terminal warm it; more would only
    // grow the table the measured run inserts into (SQLite's index inserts slow as `punches` grows).
    const zkWarmUp = ZK_TERMINALS * ZK_WARM_UP_POSTS * LINES_PER_POST;
    await measure(`  warm-up, cold server: ZKTeco, ${ZK_WARM_UP_POSTS} POSTs per terminal (no goal)`, zkWarmUp, countPunches, () => zkStream(12, ZK_WARM_UP_POSTS, 0));
    figures.push(
      await measure(`ZKTeco ATTLOG, ${LINES_PER_POST} lines/POST, ${ZK_TERMINALS} terminals`, ZK_TERMINALS * ZK_POSTS_PER_TERMINAL * LINES_PER_POST, countPunches, () =>
        zkStream(1, ZK_POSTS_PER_TERMINAL, ZK_WARM_UP_POSTS),
      ),
    );
    // The single-punch streams, each measured on a warm server: a platform runs for days, so its
    // steady state is what a site sees; the first few thousand posts after a start run while V8
    // still compiles the path (about 40% more CPU per punch here), and are shown apart.
    const uniubiStream = (series: number, count: number) =>
      pool(count, SINGLE_CONCURRENCY, async (i) => {
        const { sn, setup } = uniubiTerminals[i % uniubiTerminals.length]!;
        const reply = await withRetry(() => postUniubi(base, uniubiForm({ deviceKey: sn, personId: pinAt(i), at: instant(series, i) }), '/uniubi/callback', setup));
        if (reply.status !== 200) throw new Error(`Uniubi refused: ${reply.status} ${reply.text}`);
      });
    const hikvisionStream = (series: number, count: number) =>
      pool(count, SINGLE_CONCURRENCY, async (i) => {
        const { sn, setup } = hikvisionTerminals[i % hikvisionTerminals.length]!;
        const reply = await withRetry(() => postHikvision(base, sn, hikvisionEvent({ pin: pinAt(i), serialNo: series * 1_000_000 + i + 1, at: instant(series, i) }), 'multipart', setup));
        if (reply.status !== 200) throw new Error(`Hikvision refused: ${reply.status} ${reply.text}`);
      });
    await measure(`  warm-up, cold server: Uniubi, ${WARM_UP_PUNCHES} posts (no goal)`, WARM_UP_PUNCHES, countPunches, () => uniubiStream(6, WARM_UP_PUNCHES));
    await measure(`  warm-up, cold server: Hikvision, ${WARM_UP_PUNCHES} posts (no goal)`, WARM_UP_PUNCHES, countPunches, () => hikvisionStream(7, WARM_UP_PUNCHES));
    figures.push(await measure(`Uniubi callback, 1 punch/POST, ${SINGLE_CONCURRENCY} in flight`, SINGLE_PUNCHES, countPunches, () => uniubiStream(2, SINGLE_PUNCHES)));
    figures.push(await measure(`Hikvision event (multipart), 1 punch/POST, ${SINGLE_CONCURRENCY} in flight`, SINGLE_PUNCHES, countPunches, () => hikvisionStream(3, SINGLE_PUNCHES)));
    const restItem = (series: number, i: number) => {
      const at = instant(series, i);
      return { project: project.id, device_pin: pinAt(i), punched_at: at.toISOString(), direction: 'in', verify_mode: '15', source: 'device', dedup_key: `REST|${series}|${i}`, raw: attlogLine(pinAt(i), at), received_at: new Date().toISOString() };
    };
    // Directus's item path gets its warm-up too, so the ratios compare warm servers.
    const restSingleStream = (series: number, count: number) =>
      pool(count, SINGLE_CONCURRENCY, async (i) => {
        const reply = await withRetry(() => send(`${base}/items/punches`, { method: 'POST', headers: auth, body: JSON.stringify(restItem(series, i)), localAddress: source(3, i % SINGLE_CONCURRENCY) }));
        if (reply.status !== 200) throw new Error(`REST refused: ${reply.status} ${reply.text}`);
      });
    const restBatchStream = (series: number, batches: number) =>
      pool(batches, 4, async (b) => {
        const items = Array.from({ length: LINES_PER_POST }, (_, l) => restItem(series, b * LINES_PER_POST + l));
        const reply = await withRetry(() => send(`${base}/items/punches`, { method: 'POST', headers: auth, body: JSON.stringify(items), localAddress: source(3, b % 4) }));
        if (reply.status !== 200) throw new Error(`REST batch refused: ${reply.status} ${reply.text}`);
      });
    await measure(`  warm-up, cold server: REST, ${REST_WARM_UP} single items (no goal)`, REST_WARM_UP, countPunches, () => restSingleStream(10, REST_WARM_UP));
    await measure(`  warm-up, cold server: REST, ${REST_WARM_UP / 20} batches (no goal)`, (REST_WARM_UP / 20) * LINES_PER_POST, countPunches, () => restBatchStream(11, REST_WARM_UP / 20));
    figures.push(await measure(`Directus REST POST /items/punches, 1 item, ${SINGLE_CONCURRENCY} in flight`, REST_SINGLE, countPunches, () => restSingleStream(4, REST_SINGLE)));
    figures.push(await measure(`Directus REST POST /items/punches, ${LINES_PER_POST} items/POST, 4 in flight`, REST_BATCHES * LINES_PER_POST, countPunches, () => restBatchStream(5, REST_BATCHES)));

    const [batched, uniubi, hikvision, restSingle, restBatched] = figures.map(perSecond) as [number, number, number, number, number];
    const single = Math.min(uniubi, hikvision);
    console.log('');
    const goals = target.goals;
    const times = (ratio: number, rest: string, goal: number | undefined) => `${ratio.toFixed(1)}× ${rest}${goal === undefined ? '' : ` (goal ≥ ${goal}×: ${check(ratio >= goal)})`}`;
    console.log(`batched: ${batched.toFixed(0)}/s (goal ≥ ${goals.batched}: ${check(batched >= goals.batched)}), ${times(batched / restBatched, 'REST batched', goals.timesRest?.batched)}`);
    console.log(`single (slower of Uniubi/Hikvision): ${single.toFixed(0)}/s (goal ≥ ${goals.single}: ${check(single >= goals.single)}), ${times(single / restSingle, 'REST single', goals.timesRest?.single)}`);
    const cpuPerPunch = figures.map((f) => (f.cpu === null ? null : f.cpu / f.punches));
    if (cpuPerPunch.every((c) => c !== null && c > 0)) {
      const [zkCpu, uniCpu, hikCpu, restSingleCpu, restBatchedCpu] = cpuPerPunch as number[];
      // Wall-clock figures depend on what else the machine runs; server CPU per punch does much less.
      console.log(`per server CPU-second: batched ${(1 / zkCpu!).toFixed(0)} punches (${(restBatchedCpu! / zkCpu!).toFixed(1)}× REST batched), single ${(1 / Math.max(uniCpu!, hikCpu!)).toFixed(0)} punches (${(restSingleCpu! / Math.max(uniCpu!, hikCpu!)).toFixed(1)}× REST single)`);
    }
    console.log(`load average during the run: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
  } finally {
    await target.stop();
  }
}
