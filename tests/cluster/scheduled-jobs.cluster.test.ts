/**
 * Check 2: scheduled jobs run exactly once per tick across the replicas. Every replica ticks and
 * logs one line per job and tick (jobs/schedule-leased-job.ts); for every tick seen, exactly one
 * replica ran it and every other replica that was up skipped it. The suite's cluster ticks every
 * 5 seconds (global-setup.ts). Generic over job names: add each new scheduled job to JOBS.
 */
import { expect, test } from 'vitest';
import type { ClusterInfo } from '../../scripts/lib/cluster/cluster.ts';
import { holderName } from '../../extensions/platform/src/jobs/lease';
import { clusterDatabase, describeCluster, replicaLog, sleep, waitForPing } from './support';
import { exitedPid } from '../support/exited-pid';

/** The platform's scheduled jobs (their lease names). */
const JOBS = ['attendance-rollup', 'attendance-live-today', 'key-post-exits', 'device-delivery'];
const TICKS = 4;
const TICK_LINE = /^job (\S+) tick (\S+): (ran|skipped)/;

type Tick = { ran: number; skipped: number; replicas: Set<string> };

/** The ticks of `job` at or after `since` that the replicas logged, by scheduled time. */
function ticksAfter(cluster: ClusterInfo, job: string, since: number): Map<string, Tick> {
  const ticks = new Map<string, Tick>();
  for (const replica of Object.keys(cluster.replicas)) {
    for (const line of replicaLog(cluster, replica)) {
      const match = TICK_LINE.exec(line.msg);
      if (!match || match[1] !== job || Date.parse(match[2]!) < since) continue;
      const tick = ticks.get(match[2]!) ?? { ran: 0, skipped: 0, replicas: new Set<string>() };
      tick[match[3] as 'ran' | 'skipped'] += 1;
      tick.replicas.add(replica);
      ticks.set(match[2]!, tick);
    }
  }
  return ticks;
}

describeCluster('scheduled jobs across replicas', (cluster) => {
  test.each(JOBS)('%s runs exactly once per tick', async (job) => {
    const replicas = Object.keys(cluster().replicas);
    for (const url of Object.values(cluster().replicas)) await waitForPing(url);
    const since = Date.now();
    // Wait for TICKS ticks logged by every replica (a run may take a moment after its tick).
    const deadline = Date.now() + 90_000;
    let complete: [string, Tick][] = [];
    while (Date.now() < deadline) {
      complete = [...ticksAfter(cluster(), job, since)].filter(([, tick]) => tick.replicas.size === replicas.length);
      if (complete.length >= TICKS) break;
      await sleep(1_000);
    }
    expect(complete.length, `${job}: ticks logged by all ${replicas.length} replicas`).toBeGreaterThanOrEqual(TICKS);
    for (const [at, tick] of complete) {
      expect({ at, ran: tick.ran, skipped: tick.skipped }).toEqual({ at, ran: 1, skipped: replicas.length - 1 });
    }
    // A tick that only some replicas logged (one was busy or restarting) still ran exactly once.
    const settled = [...ticksAfter(cluster(), job, since)].filter(([at]) => Date.parse(at) < Date.now() - 3_000);
    for (const [at, tick] of settled) expect({ at, ran: tick.ran }).toEqual({ at, ran: 1 });
    // Ticks sit on the schedule's 5-second grid.
    const times = complete.map(([at]) => Date.parse(at)).sort((a, b) => a - b);
    for (const time of times) expect(time % 5_000).toBe(0);

    // The lease row remembers the last tick run, which is what stops a second replica.
    const db = clusterDatabase(cluster());
    try {
      const row = await db('platform_jobs').where({ name: job }).first('last_tick');
      expect(Number(row.last_tick)).toBeGreaterThanOrEqual(times.at(-1)!);
    } finally {
      await db.destroy();
    }
  });

  test('a lease held by a replica killed mid-run does not hold up the next tick', async () => {
    const job = 'key-post-exits';
    const replicas = Object.keys(cluster().replicas);
    for (const url of Object.values(cluster().replicas)) await waitForPing(url);
    // The replicas run on this host (hostnames match): a holder whose process is gone, with two
    // minutes left on its lease, as a replica SIGKILLed while running the job leaves it.
    const dead = holderName(await exitedPid());
    const db = clusterDatabase(cluster());
    try {
      await db('platform_jobs').where({ name: job }).update({ holder: dead, lease_until: Date.now() + 120_000 });
      const since = Date.now();
      const deadline = since + 30_000;
      let first: [string, Tick] | undefined;
      while (Date.now() < deadline && !first) {
        first = [...ticksAfter(cluster(), job, since)].sort(([a], [b]) => a.localeCompare(b)).find(([, tick]) => tick.replicas.size === replicas.length);
        await sleep(1_000);
      }
      expect(first, `${job}: a tick logged by every replica within 30 s`).toBeDefined();
      expect({ ran: first![1].ran, skipped: first![1].skipped }).toEqual({ ran: 1, skipped: replicas.length - 1 });
      expect((await db('platform_jobs').where({ name: job }).first('holder')).holder).not.toBe(dead);
    } finally {
      await db.destroy();
    }
  });
});
