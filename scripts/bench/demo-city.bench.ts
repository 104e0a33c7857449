/** Setup timings on a fresh SQLite database: bootstrap, provision, loading the full demo city, server start. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directusCli, embeddedEnv, startServer, stopServer } from '../lib/directus.ts';
import { freePort } from '../lib/platform.ts';

export const name = 'demo city setup (SQLite)';

async function timed(label: string, task: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await task();
  console.log(`${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-city-'));
  const env = embeddedEnv(dir, await freePort(), { LOG_LEVEL: 'error' });
  try {
    await timed('directus bootstrap', () => directusCli(['bootstrap'], env, { quiet: true }));
    await timed('platform provision (empty db)', () => directusCli(['platform', 'provision'], env, { quiet: true }));
    await timed('platform provision (again, no-op)', () => directusCli(['platform', 'provision'], env, { quiet: true }));
    await timed('platform seed (full demo city)', () => directusCli(['platform', 'seed'], env, { quiet: true }));
    await timed('platform --help (CLI start-up alone)', () => directusCli(['platform', '--help'], env, { quiet: true }));
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    await timed('server start until /server/ping', async () => (server = await startServer(env, { quiet: true })));
    if (server) await stopServer(server);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
