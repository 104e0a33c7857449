/**
 * Helpers of the cluster suite: the running cluster, its replicas' pids and logs, its database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { describe, inject, test } from 'vitest';
import { alive, type ClusterInfo } from '../../scripts/lib/cluster/cluster.ts';
import { clusterCli } from './cli';

/**
 * `describe` when the suite has a cluster; otherwise one skipped test that says why.
 * @example describeCluster('kill', (cluster) => { test('…', async () => { await fetch(cluster().url) }) });
 */
export function describeCluster(name: string, body: (cluster: () => ClusterInfo) => void): void {
  const cluster = inject('cluster');
  if (!cluster) {
    test.skip(inject('clusterSkipReason'), () => undefined);
    return;
  }
  describe(name, () => body(() => cluster));
}

/** `npm run cluster -- up` on the suite's cluster: starts whatever is not running. */
export const clusterUp = (cluster: ClusterInfo) => clusterCli(cluster.dir, ['up']);

export function pidOf(cluster: ClusterInfo, name: string): number {
  const file = name === 'redis' ? join(cluster.dir, 'redis/redis.pid') : join(cluster.dir, `${name}.pid`);
  return Number(readFileSync(file, 'utf8').trim());
}

export const isRunning = (cluster: ClusterInfo, name: string) => alive(pidOf(cluster, name));

/** A knex connection to the cluster's PostgreSQL. */
export function clusterDatabase(cluster: ClusterInfo): Knex {
  return knex({ client: 'pg', connection: cluster.databaseUrl, pool: { min: 0, max: 4 } });
}

export interface LogLine {
  level: number;
  time: number;
  pid: number;
  msg: string;
}

/** A replica's JSON log lines (Directus logs LOG_STYLE=raw in compose). */
export function replicaLog(cluster: ClusterInfo, name: string): LogLine[] {
  return readFileSync(join(cluster.dir, 'logs', `${name}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** Waits until `url` answers /server/ping. */
export async function waitForPing(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(`${url}/server/ping`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms`);
}

/**
 * Midnight (Asia/Shanghai) `daysAgo` days ago, as epoch ms: punches of a test placed in the hours after it are
 * plausible for any bound device and come before the demo city's first punch of a day (06:30), so no seeded
 * punch shares their keys. Each suite takes its own day.
 * @example const base = nightOf(1); const at = (i: number) => new Date(base + i * 1000);
 */
export function nightOf(daysAgo: number): number {
  const shanghai = 8 * 3_600_000;
  return Math.floor((Date.now() + shanghai) / 86_400_000) * 86_400_000 - shanghai - daysAgo * 86_400_000;
}

/** The hours after `nightOf(…)` that a suite's punches stay within. */
export const NIGHT_MS = 6 * 3_600_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Repeats a call answered 503 (Directus's pressure limiter, nginx's device limit) or 429 (the rate
 * limiter), as any client does; other answers are returned as they are.
 * @example const created = await retryBusy(() => api('POST', '/users', { token, json }));
 */
export async function retryBusy<T extends { status: number }>(call: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await call();
    if (![429, 503].includes(reply.status) || attempt >= attempts) return reply;
    await sleep(500);
  }
}
