import { spawnSync } from 'node:child_process';
import type { ClusterInfo } from '../../scripts/lib/cluster/cluster.ts';

/**
 * The cluster's Redis through `redis-cli` (Debian redis-server ships it).
 * @example const keys = await clusterRedis(cluster).keys();
 */
export function clusterRedis(cluster: ClusterInfo) {
  const cli = (...args: string[]) => {
    const result = spawnSync('redis-cli', ['-p', String(cluster.ports['redis']), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`redis-cli ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };
  return {
    keys: async () => cli('--scan').split('\n').filter(Boolean),
    ping: async () => cli('ping'),
  };
}
