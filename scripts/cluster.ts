/**
 * `npm run cluster -- <command>`: docker-compose.yml's production topology on this machine, from
 * Debian packages (postgresql, redis-server, nginx-light) and this checkout, without a container
 * engine. See scripts/lib/cluster/cluster.ts and deploy/README.md.
 *
 *   up [--demo] [--seed small|full] [--build] [--env KEY=VALUE ...] [--dir DIR]
 *        starts what is not running (a killed replica comes back); prints CLUSTER_URL=… last
 *   down [--purge] [--dir DIR]   stops everything it started; --purge deletes its data
 *   status [--dir DIR]           which processes run, and the addresses
 *   nginx-conf DIR               prints deploy/nginx/nginx.conf as a cluster in DIR runs it (check-compose.sh)
 */
import { DEMO_LOGINS } from '../seeds/demo-logins.ts';
import { alive, clusterDown, clusterInfo, clusterUp, DEFAULT_DIR, ensureImage, exampleNginxConf, type Seed } from './lib/cluster/cluster.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [command, ...rest] = process.argv.slice(2);
const flags = new Set(rest.filter((arg) => arg.startsWith('--')));
const value = (name: string): string | undefined => {
  const index = rest.indexOf(name);
  return index >= 0 ? rest[index + 1] : undefined;
};
const values = (name: string): string[] => rest.flatMap((arg, i) => (arg === name && rest[i + 1] ? [rest[i + 1]!] : []));
const dir = resolve(value('--dir') ?? DEFAULT_DIR);

try {
  if (command === 'up') {
    const seed = (value('--seed') ?? (flags.has('--demo') ? 'full' : 'none')) as Seed;
    if (!['none', 'small', 'full'].includes(seed)) throw new Error(`--seed must be small or full: ${seed}`);
    const env = Object.fromEntries(values('--env').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    if (flags.has('--build')) ensureImage((line) => console.error(`cluster: ${line}`), { build: true });
    const cluster = await clusterUp({ dir, seed, env });
    console.log(`
建筑工人实名制管理平台 · production topology (docker-compose.yml) on this machine
  nginx:          ${cluster.url}   (studio ${cluster.url}/admin, H5 ${cluster.url}/h5/)
${Object.entries(cluster.replicas).map(([name, url]) => `  ${name}:${' '.repeat(Math.max(1, 15 - name.length))}${url}   (pid in ${join(dir, `${name}.pid`)})`).join('\n')}
  PostgreSQL:     ${cluster.databaseUrl}
  Redis:          redis://127.0.0.1:${cluster.ports['redis']}
  Logs:           ${join(dir, 'logs')}/
  Administrator:  admin@example.com / Admin@2026${seed === 'none' ? '' : `
  Bureau staff:   ${DEMO_LOGINS.bureau.email} / ${DEMO_LOGINS.bureau.password}
${DEMO_LOGINS.projects.map((p) => `  Project ${p.projectName}: account ${p.account} / ${p.password}`).join('\n')}`}
Stop it with: npm run cluster -- down${dir === DEFAULT_DIR ? '' : ` --dir ${dir}`}`);
    console.log(`CLUSTER_URL=${cluster.url}`);
  } else if (command === 'down') {
    await clusterDown({ dir, purge: flags.has('--purge') });
  } else if (command === 'nginx-conf') {
    process.stdout.write(exampleNginxConf(resolve(rest[0] ?? '.')));
  } else if (command === 'status') {
    if (!existsSync(join(dir, 'state.json'))) throw new Error(`no cluster in ${dir}`);
    const cluster = clusterInfo(dir);
    const pidOf = (file: string) => (existsSync(file) ? Number(readFileSync(file, 'utf8').trim().split('\n')[0]) : undefined);
    const processes: [string, number | undefined][] = [
      ['postgres', pidOf(join(dir, 'pg/data/postmaster.pid'))],
      ['redis', pidOf(join(dir, 'redis/redis.pid'))],
      ...readdirSync(dir).filter((f) => f.endsWith('.pid')).map((f) => [f.slice(0, -4), pidOf(join(dir, f))] as [string, number | undefined]),
      ['nginx', pidOf(join(dir, 'nginx/nginx.pid'))],
    ];
    for (const [name, pid] of processes) console.log(`${name.padEnd(12)} ${alive(pid) ? `running (pid ${pid})` : 'stopped'}`);
    console.log(`CLUSTER_URL=${cluster.url}`);
  } else {
    console.error('usage: npm run cluster -- up [--demo] [--build] [--env KEY=VALUE] [--dir DIR] | down [--purge] [--dir DIR] | status [--dir DIR]');
    process.exit(2);
  }
  process.exit(0);
} catch (error) {
  console.error(`cluster: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
