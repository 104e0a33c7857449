import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedEnv, prepareDatabase, startServer, stopServer, type Env } from './directus.ts';

export interface BootedPlatform {
  baseUrl: string;
  dataDir: string;
  env: Env;
  /** The server's output, when booted with `logFile: true`. */
  logFile?: string;
  stop: () => Promise<void>;
}

/**
 * A real platform on a temporary database: bootstrap, provision, seed, start.
 * @example const platform = await bootPlatform({ seed: 'small', db: { DB_CLIENT: 'pg', DB_CONNECTION_STRING: url } });
 */
export async function bootPlatform(options: { seed: 'small' | 'full' | 'none'; db?: Env; extraEnv?: Env; logFile?: boolean }): Promise<BootedPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-test-'));
  const port = await freePort();
  const env = embeddedEnv(dataDir, port, { LOG_LEVEL: 'error', ...options.db, ...options.extraEnv });
  await prepareDatabase(env, options.seed, true);
  const logFile = options.logFile ? join(dataDir, 'server.log') : undefined;
  const server = await startServer(env, { quiet: true, ...(logFile ? { logFile } : {}) });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    env,
    ...(logFile ? { logFile } : {}),
    stop: async () => {
      await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
