/**
 * Starts the production topology (`npm run cluster -- up`, the real CLI) in a temporary directory
 * for the cluster suite: PostgreSQL, Redis, migrate, two Directus replicas and nginx, with the
 * small demo city and the roll-up ticking every 5 seconds (so check 2 sees several ticks). Stops
 * and deletes it afterwards. Without the Debian packages it provides no cluster: CI fails, a
 * developer machine skips with one loud line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { clusterInfo, missingPrograms, type ClusterInfo } from '../../scripts/lib/cluster/cluster.ts';
import { clusterCli } from './cli';

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo | null;
    clusterSkipReason: string;
  }
}

/** The roll-up's schedule in the suite: every 5 seconds (node-cron's optional seconds field). */
export const SUITE_ROLLUP_CRON = '*/5 * * * * *';

export default async function setup(project: TestProject) {
  const missing = missingPrograms();
  if (missing.length) {
    const reason = `cluster suite skipped: ${missing.join(', ')} not installed (Debian postgresql, redis-server, nginx-light; .ci/run installs them)`;
    if (process.env['CI'] === 'true') throw new Error(reason.replace('skipped', 'required in CI'));
    console.warn(`\n!!! ${reason}\n`);
    project.provide('cluster', null);
    project.provide('clusterSkipReason', reason);
    project.provide('baseUrl', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'platform-cluster-'));
  const started = Date.now();
  const output = await clusterCli(dir, ['up', '--seed', 'small', '--env', `PLATFORM_ROLLUP_CRON=${SUITE_ROLLUP_CRON}`]);
  const url = /^CLUSTER_URL=(\S+)$/m.exec(output.trim().split('\n').at(-1) ?? '')?.[1];
  if (!url) throw new Error(`cluster up printed no CLUSTER_URL as its last line:\n${output}`);
  const cluster = clusterInfo(dir);
  if (cluster.url !== url) throw new Error(`CLUSTER_URL ${url} is not the cluster's nginx ${cluster.url}`);
  console.log(`cluster suite: production topology up in ${((Date.now() - started) / 1000).toFixed(0)} s at ${url} (${dir})`);
  project.provide('cluster', cluster);
  project.provide('clusterSkipReason', '');
  // The shared helpers (tests/support/http.ts) talk to the platform at `baseUrl`: here, nginx.
  project.provide('baseUrl', url);
  return async () => {
    await clusterCli(dir, ['down', '--purge']);
  };
}
