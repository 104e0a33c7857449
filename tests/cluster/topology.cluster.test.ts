/**
 * The cluster is docker-compose.yml's topology: each replica runs with exactly the environment
 * compose gives its container except host names, ports and container paths, with the image's
 * command, from the assembled image directory; both share one uploads directory; nginx runs
 * deploy/nginx/nginx.conf with only listen, upstreams and paths changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { IMAGE_DIR, processEnvironment } from '../../scripts/lib/cluster/cluster.ts';
import { describeCluster, pidOf } from './support';

/** The variables the cluster may change: where things are, never how they behave. */
const TRANSLATED = ['DB_HOST', 'DB_PORT', 'REDIS', 'STORAGE_LOCAL_ROOT', 'EXTENSIONS_PATH', 'HOST', 'PORT'];

function environOf(pid: number): Record<string, string> {
  return Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

describeCluster('the production topology', (cluster) => {
  test.each(['directus-1', 'directus-2'])('%s runs with compose’s environment, translated only where it must be', (name) => {
    const pid = pidOf(cluster(), name);
    const running = environOf(pid);
    const { env, changed, container } = processEnvironment(cluster().dir, name);
    expect(running).toEqual(env);
    expect(changed.sort()).toEqual([...TRANSLATED].sort());
    for (const [key, value] of Object.entries(container)) {
      if (!TRANSLATED.includes(key)) expect({ key, value: running[key] }).toEqual({ key, value });
    }
    expect(container['DB_HOST']).toBe('postgres');
    expect(running['DB_HOST']).toBe('127.0.0.1');
    expect(running['REDIS']).toBe(`redis://127.0.0.1:${cluster().ports['redis']}`);
    expect(running['PORT']).toBe(String(cluster().ports[name]));
    // The image's ENV (Dockerfile): its node_modules/.bin first on PATH, production mode.
    expect(running['PATH']!.split(':')[0]).toBe(join(IMAGE_DIR, 'node_modules/.bin'));
    expect(running['NODE_ENV']).toBe('production');
    // The image's command, from its working directory.
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1)).toEqual(['node_modules/@directus/api/dist/cli/run.js', 'start']);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]).toBe(join(IMAGE_DIR, 'node_modules/.bin/node'));
  });

  test('the replicas share one uploads directory (compose volume `uploads`)', () => {
    const [one, two] = ['directus-1', 'directus-2'].map((name) => environOf(pidOf(cluster(), name))['STORAGE_LOCAL_ROOT']);
    expect(one).toBe(join(cluster().dir, 'volumes/uploads'));
    expect(two).toBe(one);
  });

  test('nginx runs deploy/nginx/nginx.conf with one upstream line per replica', () => {
    const conf = readFileSync(join(cluster().dir, 'nginx/nginx.conf'), 'utf8');
    const servers = [...conf.matchAll(/^\s*server 127\.0\.0\.1:(\d+)/gm)].map((m) => Number(m[1]));
    expect(servers.sort()).toEqual(Object.keys(cluster().replicas).map((name) => cluster().ports[name]!).sort());
    const original = readFileSync(join(import.meta.dirname, '../../deploy/nginx/nginx.conf'), 'utf8');
    // Every rule of the edge proxy (limits, timeouts, locations) is carried over unchanged.
    for (const line of original.split('\n').filter((l) => /limit_req|client_max_body_size|proxy_next_upstream|location|proxy_read_timeout/.test(l))) {
      expect(conf).toContain(line);
    }
  });
});
