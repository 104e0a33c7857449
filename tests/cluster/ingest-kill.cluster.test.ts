/**
 * Check 1: 8 ZKTeco terminals and 16 single-punch terminals (8 Uniubi, 8 Hikvision) post through
 * nginx while directus-1 is killed with SIGKILL mid-stream and brought back by
 * `npm run cluster -- up`. The terminals keep what was not acknowledged and send it again; in the
 * end PostgreSQL holds every punch exactly once, per terminal.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { attlogLine, hikvisionEvent, postHikvision, postUniubi, SinglePunchTerminal, uniubiForm, ZkTerminal } from '../../scripts/lib/devices.ts';
import { demoDeviceSecret } from '../../seeds/catalogue';
import { ADMIN } from '../support/fixtures';
import { api, login } from '../support/http';
import { clusterDatabase, clusterUp, describeCluster, isRunning, NIGHT_MS, nightOf, pidOf, sleep, waitForPing } from './support';

const ZK_TERMINALS = 8;
const UNIUBI_TERMINALS = 8;
const HIKVISION_TERMINALS = 8;
const LINES_PER_POST = 50;

describeCluster('ingest through nginx while directus-1 is killed (SIGKILL) and restarted', (cluster) => {
  let db: Knex;
  let admin: string;
  /** Each terminal's device id and the PINs of its project. */
  const devices = new Map<string, { id: number; pins: string[] }>();
  // Punch times of this run: the night of yesterday, a minute apart per terminal, one line a second.
  const base = nightOf(1);
  const at = (terminal: number, i: number) => new Date(base + terminal * 60_000 + i * 1000);
  /** The device secret: the demo city's for its terminals, one set here when binding the new ones. */
  const secretOf = (sn: string) => (sn.startsWith('CL') ? `Cluster-${sn}` : demoDeviceSecret(sn));

  beforeAll(async () => {
    db = clusterDatabase(cluster());
    await waitForPing(cluster().url);
    admin = await login(ADMIN.email, ADMIN.password, cluster().url);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  /** The demo devices of a protocol first, then new terminals bound to the first approved project by the administrator. */
  async function terminals(protocol: 'zkteco' | 'uniubi' | 'hikvision', count: number, prefix: string, register: (sn: string) => Promise<unknown>): Promise<string[]> {
    const demo: { sn: string }[] = await db('devices').where({ protocol, status: 'active' }).whereNotNull('project').orderBy('id').select('sn');
    const sns = demo.map((d) => d.sn).slice(0, count);
    const project = Number((await db('projects').where({ status: 'approved' }).orderBy('id').first('id')).id);
    for (let i = sns.length; i < count; i += 1) {
      const sn = `${prefix}${String(i).padStart(2, '0')}`;
      await register(sn);
      const device = await db('devices').where({ sn }).first('id');
      expect(device, `${sn} registered itself on first contact`).toBeTruthy();
      const bound = await api('PATCH', `/items/devices/${device.id}`, { token: admin, baseUrl: cluster().url, json: { status: 'active', project, direction: 'both', auth_secret: secretOf(sn) } });
      expect(bound.status).toBe(200);
      sns.push(sn);
    }
    for (const sn of sns) {
      const device = await db('devices').where({ sn }).first('id', 'project');
      const pins = (await db('employments').where({ project: device.project }).orderBy('id').pluck('device_pin')).map(String);
      devices.set(sn, { id: Number(device.id), pins });
    }
    return sns;
  }

  test('every punch is stored exactly once, none is lost', async () => {
    const url = cluster().url;
    const registration = new Date(base - 86_400_000);
    const zkSns = await terminals('zkteco', ZK_TERMINALS, 'CLZK', (sn) => new ZkTerminal(url, sn).handshake());
    const uniSns = await terminals('uniubi', UNIUBI_TERMINALS, 'CLUNI', (sn) => postUniubi(url, uniubiForm({ deviceKey: sn, personId: 'NOBODY', at: registration })));
    const hikSns = await terminals('hikvision', HIKVISION_TERMINALS, 'CLHIK', (sn) => postHikvision(url, sn, hikvisionEvent({ pin: 'NOBODY', serialNo: 0, at: registration })));

    // The terminals authenticate as real ones do: a keyed ZKTeco handshake, the secret in the Uniubi and Hikvision URLs.
    const zk = zkSns.map((sn) => new ZkTerminal(url, sn, { secret: secretOf(sn) }));
    for (const terminal of zk) expect((await terminal.handshake()).status).toBe(200);
    const uniubi = uniSns.map((sn) => ({ sn, terminal: new SinglePunchTerminal((form: Record<string, string>) => postUniubi(url, form, '/uniubi/callback', { secret: secretOf(sn) })) }));
    const hikvision = hikSns.map((sn) => ({ sn, terminal: new SinglePunchTerminal((event: ReturnType<typeof hikvisionEvent>) => postHikvision(url, sn, event, 'multipart', { secret: secretOf(sn) })) }));
    const recorded = new Map<string, number>();
    const count = (sn: string) => recorded.set(sn, (recorded.get(sn) ?? 0) + 1);

    let stop = false;
    let zkRefusals = 0;
    const zkLoop = async (terminal: ZkTerminal, index: number) => {
      const pins = devices.get(terminal.sn)!.pins;
      let i = 0;
      while (!stop) {
        for (let k = 0; k < LINES_PER_POST; k += 1, i += 1) {
          terminal.record(attlogLine(pins[i % pins.length]!, at(index, i), (i % 2) as 0 | 1));
          count(terminal.sn);
        }
        const outcome = await terminal.pushAll(LINES_PER_POST).catch(() => ({ refused: true }));
        if (outcome.refused) zkRefusals += 1;
        // About a batch a second per terminal: a busy site, not a stress test (the benchmark is that).
        await sleep(outcome.refused ? 500 : 1_000);
      }
    };
    const singleLoop = async <E,>(sn: string, terminal: SinglePunchTerminal<E>, event: (pin: string, i: number) => E) => {
      const pins = devices.get(sn)!.pins;
      let i = 0;
      while (!stop) {
        terminal.record(event(pins[i % pins.length]!, i));
        count(sn);
        i += 1;
        await sleep((await terminal.sendPending()) ? 250 : 500);
      }
    };
    const loops = [
      ...zk.map((terminal, t) => zkLoop(terminal, t)),
      ...uniubi.map(({ sn, terminal }, u) =>
        singleLoop(sn, terminal, (pin, i) => uniubiForm({ deviceKey: sn, personId: pin, at: at(ZK_TERMINALS + u, i) })),
      ),
      ...hikvision.map(({ sn, terminal }, h) =>
        singleLoop(sn, terminal, (pin, i) =>
          hikvisionEvent({ pin, serialNo: i + 1, at: at(ZK_TERMINALS + UNIUBI_TERMINALS + h, i) }),
        ),
      ),
    ];

    // Mid-stream: after a few seconds of traffic on both replicas.
    await sleep(4_000);
    const victim = pidOf(cluster(), 'directus-1');
    process.kill(victim, 'SIGKILL');
    const killedAt = Date.now();
    await sleep(1_500);
    const accessLog = join(cluster().dir, 'nginx/logs/access.log');
    const logOffset = statSync(accessLog).size;
    await clusterUp(cluster());
    const restartedAfter = Date.now() - killedAt;
    const revived = pidOf(cluster(), 'directus-1');
    expect(revived).not.toBe(victim);
    expect(isRunning(cluster(), 'directus-1')).toBe(true);
    // Traffic reaches the restarted replica again before the terminals stop recording.
    await sleep(4_000);
    stop = true;
    await Promise.all(loops);

    // Drain: every terminal sends what it still holds until the server acknowledged all of it.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const zkDone = (await Promise.all(zk.map(async (t) => (await t.pushAll(LINES_PER_POST).catch(() => ({ refused: true }))).refused === null))).every(Boolean);
      const singlesDone = (await Promise.all([...uniubi, ...hikvision].map(({ terminal }) => terminal.sendPending()))).every(Boolean);
      if (zkDone && singlesDone) break;
      if (Date.now() > deadline) throw new Error('terminals could not deliver their backlog within 60 s');
      await sleep(500);
    }

    const ids = [...devices.values()].map((d) => d.id);
    const stored: { device: number; n: string | number; keys: string | number }[] = await db('punches')
      .whereIn('device', ids)
      .andWhere('punched_at', '>=', new Date(base))
      .andWhere('punched_at', '<', new Date(base + NIGHT_MS))
      .groupBy('device')
      .select('device', db.raw('count(*) as n'), db.raw('count(distinct dedup_key) as keys'));
    const byDevice = new Map(stored.map((row) => [Number(row.device), { n: Number(row.n), keys: Number(row.keys) }]));
    let total = 0;
    for (const [sn, expected] of recorded) {
      const got = byDevice.get(devices.get(sn)!.id) ?? { n: 0, keys: 0 };
      expect({ sn, stored: got.n, distinct: got.keys }).toEqual({ sn, stored: expected, distinct: expected });
      total += expected;
    }
    expect(recorded.size).toBe(ZK_TERMINALS + UNIUBI_TERMINALS + HIKVISION_TERMINALS);
    expect(zk.every((t) => t.serverStamp === t.log.length)).toBe(true);

    // Both replicas served device posts after the restart (nginx's access log names the upstream).
    const after = readFileSync(accessLog, 'utf8').slice(logOffset).split('\n').filter((line) => / "POST \/(iclock|uniubi|isapi)\//.test(line));
    const upstreams = new Set(after.flatMap((line) => /upstream=(\S+)/.exec(line)?.[1]?.split(/,\s*/) ?? []));
    for (const replica of Object.values(cluster().replicas)) expect(upstreams).toContain(replica.replace('http://', ''));

    const singleFailures = [...uniubi, ...hikvision].reduce((n, { terminal }) => n + terminal.failures, 0);
    console.log(
      `check 1: ${total} punches from ${recorded.size} terminals stored exactly once; directus-1 back after ${(restartedAfter / 1000).toFixed(1)} s; ` +
        `unacknowledged sends retried: ${zkRefusals} ZKTeco batches, ${singleFailures} single punches`,
    );
  });
});
