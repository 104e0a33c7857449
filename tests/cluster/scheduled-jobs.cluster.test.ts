/**
 * Check 2: scheduled jobs run exactly once per tick across the replicas. Every replica ticks and
 * logs one line per job and tick (jobs/schedule-leased-job.ts); for every tick seen, exactly one
 * replica ran it and every other replica that was up skipped it. The suite's cluster ticks every
 * 5 seconds (global-setup.ts). Generic over job names: add each new scheduled job to JOBS.
 */
import { expect, test } from 'vitest';
import { clusterDatabase, describeCluster, replicaLog, sleep, waitForPing } from './support';

/** The platform's scheduled jobs (their lease names). */
const JOBS = ['attendance-rollup'];
const TICKS = 4;
const TICK_LINE = /^job (\S+) tick (\S+): (ran|skipped)/;

describeCluster('scheduled jobs across replicas', (cluster) => {
  test.each(JOBS)('%s runs exactly once per tick', async (job) => {
    const replicas = Object.keys(cluster().replicas);
    for (const url of Object.values(cluster().replicas)) await waitForPing(url);
    const since = Date.now();
    type Tick = Map<string, { ran: number; skipped: number; replicas: Set<string> }>;
    const ticksAfter = (): Tick => {
      const ticks: Tick = new Map();
      for (const replica of replicas) {
        for (const line of replicaLog(cluster(), replica)) {
          const match = TICK_LINE.exec(line.msg);
          if (!match || match[1] !== job || Date.parse(match[2]!) < since) continue;
          const tick = ticks.get(match[2]!) ?? { ran: 0, skipped: 0, replicas: new Set<string>() };
          tick[match[3] as 'ran' | 'skipped'] += 1;
          tick.replicas.add(replica);
          ticks.set(match[2]!, tick);
        }
      }
      return ticks;
    };
    // Wait for TICKS ticks logged by every replica (a run may take a moment after its tick).
    const deadline = Date.now() + 90_000;
    let complete: [string, { ran: number; skipped: number; replicas: Set<string> }][] = [];
    while (Date.now() < deadline) {
      complete = [...ticksAfter()].filter(([, tick]) => tick.replicas.size === replicas.length);
      if (complete.length >= TICKS) break;
      await sleep(1_000);
    }
    expect(complete.length, `${job}: ticks logged by all ${replicas.length} replicas`).toBeGreaterThanOrEqual(TICKS);
    for (const [at, tick] of complete) {
      expect({ at, ran: tick.ran, skipped: tick.skipped }).toEqual({ at, ran: 1, skipped: replicas.length - 1 });
    }
    // A tick that only some replicas logged (one was busy or restarting) still ran exactly once.
    const settled = [...ticksAfter()].filter(([at]) => Date.parse(at) < Date.now() - 3_000);
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
});
