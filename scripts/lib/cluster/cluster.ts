/**
 * The production topology of docker-compose.yml without a container engine: PostgreSQL, Redis and
 * nginx from Debian packages, the migrate job and the Directus replicas as processes running the
 * assembled image directory (scripts/image/assemble.sh, as the Dockerfile does). Every service's
 * environment, command and volumes are read from docker-compose.yml (compose.ts) and the image's
 * working directory and ENV from the Dockerfile (dockerfile.ts); translate.ts changes host names,
 * ports and paths, and nothing else.
 *
 * One cluster lives in one directory (default `.cluster/`):
 *   .env                  the compose project's .env (made from .env.example with fresh secrets)
 *   state.json            the ports chosen on the first `up`, what was migrated and seeded
 *   directus-N.pid        each replica's process id
 *   pg/ redis/ nginx/     the services' data and configuration
 *   volumes/<name>/       compose's named volumes (uploads, shared by the replicas)
 *   logs/                 every process's output (Directus logs JSON lines)
 * The assembled image is shared by all clusters of a checkout: `.cluster/image/`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import knex from 'knex';
import { ROOT } from '../directus.ts';
import { freePort } from '../platform.ts';
import { loadCompose, parseEnvFile, renderCompose, serviceEnvironment, type ComposeFile, type ComposeService, type EnvMap } from './compose.ts';
import { loadImageStage, type ImageStage } from './dockerfile.ts';
import { hostEnvironment, hostNginxConf, hostPathList, type HostMap } from './translate.ts';

export const DEFAULT_DIR = join(ROOT, '.cluster');
export const IMAGE_DIR = join(ROOT, '.cluster/image');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const DOCKERFILE = join(ROOT, 'Dockerfile');
/** The Dockerfile stage migrate and the replicas run (compose `build.target`). */
const APP_TARGET = 'app';
/** The port Directus listens on inside its container (its default; nginx.conf proxies to it). */
const CONTAINER_PORT = 8055;
/** The demo logins `npm start` prints (scripts/lib/directus.ts); a cluster's .env uses the same administrator. */
const DEMO_ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'Admin@2026' };

export type Seed = 'none' | 'small' | 'full';

export interface UpOptions {
  dir?: string;
  /** Load the demo city after migrating (`--demo` is `full`, the tests use `small`). */
  seed?: Seed;
  /** Lines to set in the cluster's .env (as an operator edits .env), e.g. a faster roll-up schedule. */
  env?: EnvMap;
  log?: (line: string) => void;
}

interface State {
  ports: Record<string, number>;
  /** The image stamp the database was last migrated with. */
  migrated?: string;
  seeded?: Seed;
}

export interface ClusterInfo {
  dir: string;
  /** nginx, the only entry point compose publishes. */
  url: string;
  /** Each replica's own URL (for checks that must reach one replica). */
  replicas: Record<string, string>;
  /** The PostgreSQL connection string (for assertions and benchmarks). */
  databaseUrl: string;
  ports: Record<string, number>;
}

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isRoot = () => process.getuid?.() === 0;

function readState(dir: string): State {
  const file = join(dir, 'state.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as State) : { ports: {} };
}

function writeState(dir: string, state: State): void {
  writeFileSync(join(dir, 'state.json'), JSON.stringify(state, null, 2));
}

/** Whether `pid` is a live process (not a zombie). */
export function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim().split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Finds a server binary on PATH, in sbin, or in PostgreSQL's versioned directory. */
function binary(name: string): string {
  const dirs = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/sbin'];
  const pgBins = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  for (const dir of [...pgBins, ...dirs]) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} not found: install the Debian packages postgresql, redis-server and nginx-light (see .ci/run)`);
}

/** Which of the cluster's programs are missing on this machine (empty: a cluster can start). */
export function missingPrograms(): string[] {
  return ['initdb', 'pg_ctl', 'postgres', 'redis-server', 'nginx'].filter((name) => {
    try {
      binary(name);
      return false;
    } catch {
      return true;
    }
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, failed?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = failed?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

const httpOk = (url: string) => async () => (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;

// ---------------------------------------------------------------- the image

/** A fingerprint of what assemble.sh copies: the lock file and the built files. */
function imageStamp(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  hash.update(readFileSync(join(ROOT, 'scripts/image/assemble.sh')));
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    else hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const path of ['extensions/platform/dist', 'extensions/platform/ocr-worker.mjs', 'extensions/platform/workers', 'web-h5/dist']) walk(join(ROOT, path));
  return hash.digest('hex').slice(0, 16);
}

/** Builds (when nothing was built yet) and assembles the image directory when the build changed. */
export function ensureImage(log: (line: string) => void, options: { build?: boolean } = {}): string {
  const built = existsSync(join(ROOT, 'extensions/platform/dist/api.js')) && existsSync(join(ROOT, 'web-h5/dist/index.html'));
  if (options.build || !built) {
    log('building the extension and the H5 (npm run build)');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const stamp = imageStamp();
  const stampFile = join(IMAGE_DIR, '.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return stamp;
  log(`assembling the image directory ${IMAGE_DIR} (scripts/image/assemble.sh, as the Dockerfile does)`);
  // Assembled beside it and swapped in by renames, so replicas of another cluster of this checkout
  // that run from it keep their open files and never see a half-assembled tree.
  // The previous tree is kept (hard links, little space) until the next assembly: a process still
  // running from it can go on opening files relative to its working directory.
  const next = `${IMAGE_DIR}.next`;
  const previous = `${IMAGE_DIR}.previous`;
  rmSync(next, { recursive: true, force: true });
  execFileSync('bash', [join(ROOT, 'scripts/image/assemble.sh'), ROOT, next], { stdio: ['ignore', 'inherit', 'inherit'] });
  writeFileSync(join(next, '.stamp'), stamp);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(IMAGE_DIR)) renameSync(IMAGE_DIR, previous);
  renameSync(next, IMAGE_DIR);
  return stamp;
}

// ---------------------------------------------------------------- configuration

/** The cluster's .env: .env.example with fresh secrets, the demo administrator and `overrides`. */
function ensureDotenv(dir: string, overrides: EnvMap): void {
  const file = join(dir, '.env');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : readFileSync(join(ROOT, '.env.example'), 'utf8');
  if (!existsSync(file)) {
    text = text.replace(/^([A-Z_]+)=CHANGE_ME\S*$/gm, (_line, key: string) => `${key}=${key in DEMO_ADMIN ? DEMO_ADMIN[key as keyof typeof DEMO_ADMIN] : randomBytes(32).toString('hex')}`);
    text = text.replace(/^ADMIN_EMAIL=.*$/m, `ADMIN_EMAIL=${DEMO_ADMIN.ADMIN_EMAIL}`);
  }
  for (const [key, value] of Object.entries(overrides)) {
    const line = `${key}=${value}`;
    text = new RegExp(`^${key}=.*$`, 'm').test(text) ? text.replace(new RegExp(`^${key}=.*$`, 'm'), () => line) : `${text.trimEnd()}\n${line}\n`;
  }
  writeFileSync(file, text, { mode: 0o600 });
}

interface Topology {
  compose: ComposeFile;
  dotenv: EnvMap;
  image: ImageStage;
  postgres: ComposeService;
  redis: ComposeService;
  nginx: ComposeService;
  migrate: ComposeService;
  replicas: ComposeService[];
}

/** The app-image services: the one-shot job (never restarted) and the replicas, by name. */
export function appServices(compose: ComposeFile): { migrate: ComposeService | undefined; replicas: ComposeService[] } {
  const app = Object.values(compose.services).filter((s) => s.build?.target === APP_TARGET);
  return { migrate: app.find((s) => s.restart === 'no'), replicas: app.filter((s) => s.restart !== 'no').sort((a, b) => a.name.localeCompare(b.name)) };
}

/** deploy/nginx/nginx.conf as a cluster in `dir` runs it, with placeholder ports (for `nginx -t` in check-compose.sh). */
export function exampleNginxConf(dir: string): string {
  const compose = renderCompose(readFileSync(COMPOSE_FILE, 'utf8'), parseEnvFile(readFileSync(join(ROOT, '.env.example'), 'utf8')));
  const upstreams = Object.fromEntries(appServices(compose).replicas.map((replica, i) => [replica.name, 18056 + i]));
  return hostNginxConf(readFileSync(join(ROOT, 'deploy/nginx/nginx.conf'), 'utf8'), { listen: 18080, upstreams, dir, html: join(dir, 'html') });
}

/** Reads docker-compose.yml with the cluster's .env and picks out the roles. */
function readTopology(dir: string): Topology {
  const { compose, dotenv } = loadCompose(COMPOSE_FILE, join(dir, '.env'));
  const image = loadImageStage(DOCKERFILE, APP_TARGET);
  const service = (name: string) => {
    const found = compose.services[name];
    if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
    return found;
  };
  const { migrate, replicas } = appServices(compose);
  return { compose, dotenv, image, postgres: service('postgres'), redis: service('redis'), nginx: service('nginx'), migrate: migrate ?? service('migrate'), replicas };
}

async function ensurePorts(dir: string, state: State, names: string[]): Promise<void> {
  for (const name of names) state.ports[name] ??= await freePort();
  writeState(dir, state);
}

function hostMap(dir: string, topology: Topology, state: State, service: ComposeService): HostMap {
  const paths: Record<string, string> = { [topology.image.workdir]: IMAGE_DIR };
  for (const volume of service.volumes) {
    if (topology.compose.volumes.includes(volume.source)) paths[volume.target] = join(dir, 'volumes', volume.source);
  }
  return { servicePorts: { [topology.postgres.name]: state.ports[topology.postgres.name]!, [topology.redis.name]: state.ports[topology.redis.name]! }, paths };
}

/**
 * The environment a process of an app-image service gets: the container's (compose) with host
 * names, ports and paths translated, the image's ENV (PATH with the image's bin first, NODE_ENV),
 * and where a replica listens.
 */
export function processEnvironment(dir: string, serviceName: string): { env: EnvMap; changed: string[]; container: EnvMap } {
  const topology = readTopology(dir);
  const state = readState(dir);
  const service = topology.compose.services[serviceName];
  if (!service) throw new Error(`no service ${serviceName}`);
  const map = hostMap(dir, topology, state, service);
  const container = serviceEnvironment(service, (path) => parseEnvFile(readFileSync(resolve(dir, path), 'utf8')));
  const { env, changed } = hostEnvironment(container, map);
  const imageEnv = Object.fromEntries(Object.entries(topology.image.env).map(([key, value]) => [key, hostPathList(value, map, process.env['PATH'] ?? '/usr/bin:/bin')]));
  const listen = state.ports[serviceName] ? { HOST: '127.0.0.1', PORT: String(state.ports[serviceName]) } : {};
  return { env: { ...imageEnv, HOME: IMAGE_DIR, ...env, ...listen }, changed: [...changed, ...Object.keys(listen)], container };
}

// ---------------------------------------------------------------- services

/** Runs `command` as the postgres user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(command: string, args: string[]): string[] {
  return isRoot() ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

function run(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  const result = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', cwd: options.cwd ?? '/', env: options.env ?? process.env });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** PostgreSQL as the compose `postgres` service's image sets it up: POSTGRES_USER is the superuser, POSTGRES_DB its database. */
async function startPostgres(dir: string, topology: Topology, port: number, log: (line: string) => void): Promise<void> {
  const pgDir = join(dir, 'pg');
  const data = join(pgDir, 'data');
  const env = topology.postgres.environment;
  const user = env['POSTGRES_USER'] ?? 'postgres';
  const password = env['POSTGRES_PASSWORD'] ?? '';
  const database = env['POSTGRES_DB'] ?? user;
  if (existsSync(join(data, 'postmaster.pid')) && alive(readPid(join(data, 'postmaster.pid')))) return;
  mkdirSync(join(pgDir, 'run'), { recursive: true });
  if (isRoot()) for (const path of [pgDir, join(pgDir, 'run')]) chownSync(path, uid('postgres'), uid('postgres', 'g'));
  const fresh = !existsSync(join(data, 'PG_VERSION'));
  if (fresh) {
    log('postgres: initdb');
    const pwfile = join(pgDir, 'pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (isRoot()) chownSync(pwfile, uid('postgres'), uid('postgres', 'g'));
    run(asPostgres(binary('initdb'), ['-D', data, '-U', user, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']));
    rmSync(pwfile);
  }
  log(`postgres: starting on 127.0.0.1:${port}`);
  rmSync(join(data, 'postmaster.pid'), { force: true });
  run(asPostgres(binary('pg_ctl'), ['-D', data, '-l', join(pgDir, 'postgres.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${join(pgDir, 'run')} -c listen_addresses=127.0.0.1`, 'start']));
  if (fresh) {
    const admin = knex({ client: 'pg', connection: { host: '127.0.0.1', port, user, password, database: 'postgres' }, pool: { min: 0, max: 1 } });
    try {
      const exists = await admin('pg_database').where({ datname: database }).first('datname');
      if (!exists) await admin.raw('create database ?? owner ??', [database, user]);
    } finally {
      await admin.destroy();
    }
  }
}

/** uid (or gid with 'g') of a system user. */
function uid(name: string, kind: 'u' | 'g' = 'u'): number {
  return Number(execFileSync('id', [`-${kind}`, name], { encoding: 'utf8' }).trim());
}

function redisPidFile(dir: string): string {
  return join(dir, 'redis', 'redis.pid');
}

/** Redis with the compose service's own command line, on a local port and directory. */
async function startRedis(dir: string, topology: Topology, port: number, log: (line: string) => void): Promise<void> {
  if (alive(readPid(redisPidFile(dir)))) return;
  const redisDir = join(dir, 'redis');
  mkdirSync(redisDir, { recursive: true });
  const [program = 'redis-server', ...args] = topology.redis.command ?? [];
  log(`redis: starting on 127.0.0.1:${port}`);
  run([binary(program), ...args, '--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--daemonize', 'yes', '--pidfile', redisPidFile(dir), '--logfile', join(dir, 'logs', 'redis.log')]);
  await waitFor('redis', async () => alive(readPid(redisPidFile(dir))) && run(['redis-cli', '-p', String(port), 'ping']).includes('PONG'), 20_000);
}

/** Runs an app-image service's command to completion (the migrate job), output to its log. */
function runJob(dir: string, service: ComposeService, argv: string[], log: (line: string) => void): void {
  const { env } = processEnvironment(dir, service.name);
  log(`${service.name}: ${argv.join(' ').replace(/\s+/g, ' ').slice(0, 120)}`);
  const out = openSync(join(dir, 'logs', `${service.name}.log`), 'a');
  try {
    const result = spawnSync(resolveProgram(argv[0]!, env), argv.slice(1), { cwd: IMAGE_DIR, env, stdio: ['ignore', out, out] });
    if (result.status !== 0) throw new Error(`${service.name} exited ${result.status}; see ${join(dir, 'logs', `${service.name}.log`)}`);
  } finally {
    closeSync(out);
  }
}

/** argv[0] looked up on the process's PATH, as a container's runtime does. */
function resolveProgram(program: string, env: EnvMap): string {
  if (program.includes('/')) return program;
  for (const entry of (env['PATH'] ?? '').split(':')) if (entry && existsSync(join(entry, program))) return join(entry, program);
  return program;
}

function replicaPidFile(dir: string, name: string): string {
  return join(dir, `${name}.pid`);
}

/** Starts a replica (its compose command) in the background; returns its pid. */
function startReplica(dir: string, service: ComposeService, topology: Topology): number {
  const { env } = processEnvironment(dir, service.name);
  const argv = service.command ?? topology.image.cmd;
  const out = openSync(join(dir, 'logs', `${service.name}.log`), 'a');
  const child = spawn(resolveProgram(argv[0]!, env), argv.slice(1), { cwd: IMAGE_DIR, env, stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  child.unref();
  writeFileSync(replicaPidFile(dir, service.name), `${child.pid}\n`);
  return child.pid!;
}

async function startNginx(dir: string, topology: Topology, state: State, log: (line: string) => void): Promise<void> {
  const nginxDir = join(dir, 'nginx');
  const pidFile = join(nginxDir, 'nginx.pid');
  for (const sub of ['logs', 'tmp', 'html']) mkdirSync(join(nginxDir, sub), { recursive: true });
  // The edge image holds the H5 at /usr/share/nginx/html/h5; here the assembled image's copy.
  if (!existsSync(join(nginxDir, 'html', 'h5'))) symlinkSync(join(IMAGE_DIR, 'web-h5', 'dist'), join(nginxDir, 'html', 'h5'));
  const upstreams = Object.fromEntries(topology.replicas.map((r) => [r.name, state.ports[r.name]!]));
  const conf = hostNginxConf(readFileSync(join(ROOT, 'deploy/nginx/nginx.conf'), 'utf8'), { listen: state.ports['nginx']!, upstreams, dir: nginxDir, html: join(nginxDir, 'html') });
  writeFileSync(join(nginxDir, 'nginx.conf'), conf);
  const nginx = binary('nginx');
  run([nginx, '-t', '-q', '-p', nginxDir, '-c', join(nginxDir, 'nginx.conf')]);
  if (alive(readPid(pidFile))) {
    run([nginx, '-p', nginxDir, '-c', join(nginxDir, 'nginx.conf'), '-s', 'reload']);
    return;
  }
  log(`nginx: starting on 127.0.0.1:${state.ports['nginx']}`);
  run([nginx, '-p', nginxDir, '-c', join(nginxDir, 'nginx.conf')]);
  await waitFor('nginx', httpOk(`http://127.0.0.1:${state.ports['nginx']}/nginx-health`), 20_000);
}

/** The Directus CLI in the image directory, as the migrate job runs it. */
const DIRECTUS_CLI = ['node', 'node_modules/@directus/api/dist/cli/run.js'];

/**
 * Runs `directus <args>` against a cluster the way the migrate job runs (its environment, the
 * image directory), e.g. `platform rollup` after loading data or a restore.
 * @example clusterDirectus(dir, ['platform', 'rollup', '--from', '2026-01-01']);
 */
export function clusterDirectus(dir: string, args: string[], log: (line: string) => void = () => undefined): void {
  const resolved = resolve(dir);
  runJob(resolved, readTopology(resolved).migrate, [...DIRECTUS_CLI, ...args], log);
}

// ---------------------------------------------------------------- up / down

function info(dir: string, topology: Topology, state: State): ClusterInfo {
  const env = topology.postgres.environment;
  const user = encodeURIComponent(env['POSTGRES_USER'] ?? 'postgres');
  const password = encodeURIComponent(env['POSTGRES_PASSWORD'] ?? '');
  return {
    dir,
    url: `http://127.0.0.1:${state.ports['nginx']}`,
    replicas: Object.fromEntries(topology.replicas.map((r) => [r.name, `http://127.0.0.1:${state.ports[r.name]}`])),
    databaseUrl: `postgres://${user}:${password}@127.0.0.1:${state.ports[topology.postgres.name]}/${env['POSTGRES_DB'] ?? user}`,
    ports: { ...state.ports },
  };
}

/** A running cluster's addresses (reads its state; starts nothing). */
export function clusterInfo(dir = DEFAULT_DIR): ClusterInfo {
  return info(dir, readTopology(dir), readState(dir));
}

/**
 * Starts whatever of the cluster is not running, in compose's order: postgres and redis, the
 * migrate job (when the image changed since the last migration), the replicas, nginx.
 */
export async function clusterUp(options: UpOptions = {}): Promise<ClusterInfo> {
  const dir = resolve(options.dir ?? DEFAULT_DIR);
  const log = options.log ?? ((line: string) => console.error(`cluster: ${line}`));
  const missing = missingPrograms();
  if (missing.length) throw new Error(`missing programs: ${missing.join(', ')} (Debian packages postgresql, redis-server, nginx-light)`);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  // PostgreSQL's and nginx's unprivileged users must reach their directories.
  chmodSync(dir, 0o755);
  const stamp = ensureImage(log);

  const state = readState(dir);
  // PUBLIC_URL is nginx's address, so links Directus makes point at the cluster.
  await ensurePorts(dir, state, ['nginx']);
  ensureDotenv(dir, { PUBLIC_URL: `http://127.0.0.1:${state.ports['nginx']}`, HTTP_PORT: String(state.ports['nginx']), ...options.env });
  const topology = readTopology(dir);
  await ensurePorts(dir, state, [topology.postgres.name, topology.redis.name, ...topology.replicas.map((r) => r.name)]);
  for (const volume of topology.compose.volumes) mkdirSync(join(dir, 'volumes', volume), { recursive: true });

  await startPostgres(dir, topology, state.ports[topology.postgres.name]!, log);
  await startRedis(dir, topology, state.ports[topology.redis.name]!, log);

  const running = topology.replicas.filter((r) => alive(readPid(replicaPidFile(dir, r.name))));
  if (state.migrated !== stamp) {
    // As `docker compose up` recreates containers of a changed image: stop, migrate, start.
    for (const replica of running) await stopPid(readPid(replicaPidFile(dir, replica.name)), 30_000);
    runJob(dir, topology.migrate, topology.migrate.command ?? topology.image.cmd, log);
    state.migrated = stamp;
    writeState(dir, state);
  }
  const seed = options.seed ?? 'none';
  if (seed !== 'none' && state.seeded !== seed && state.seeded !== 'full') {
    runJob(dir, topology.migrate, [...DIRECTUS_CLI, 'platform', 'provision', '--seed', seed], log);
    state.seeded = seed;
    writeState(dir, state);
  }

  const started: { name: string; pid: number }[] = [];
  for (const replica of topology.replicas) {
    if (alive(readPid(replicaPidFile(dir, replica.name)))) continue;
    log(`${replica.name}: starting on 127.0.0.1:${state.ports[replica.name]}`);
    started.push({ name: replica.name, pid: startReplica(dir, replica, topology) });
  }
  for (const { name, pid } of started) {
    await waitFor(name, httpOk(`http://127.0.0.1:${state.ports[name]}/server/ping`), 180_000, () => (alive(pid) ? undefined : `exited; see ${join(dir, 'logs', `${name}.log`)}`));
  }
  await startNginx(dir, topology, state, log);
  return info(dir, topology, state);
}

/** SIGTERM, then SIGKILL after `graceMs` (compose's stop_grace_period). */
async function stopPid(pid: number | undefined, graceMs: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid!, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) process.kill(pid!, 'SIGKILL');
  while (alive(pid)) await sleep(50);
}

/** Stops everything the cluster started; `purge` also deletes its data (the shared image stays). */
export async function clusterDown(options: { dir?: string; purge?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const dir = resolve(options.dir ?? DEFAULT_DIR);
  const log = options.log ?? ((line: string) => console.error(`cluster: ${line}`));
  if (!existsSync(dir)) return;
  const nginxPid = readPid(join(dir, 'nginx', 'nginx.pid'));
  if (alive(nginxPid)) {
    log('nginx: stopping');
    await stopPid(nginxPid, 10_000);
  }
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.pid'))) {
    log(`${file.replace(/\.pid$/, '')}: stopping`);
    await stopPid(readPid(join(dir, file)), 30_000);
    rmSync(join(dir, file));
  }
  const redisPid = readPid(redisPidFile(dir));
  if (alive(redisPid)) {
    log('redis: stopping');
    await stopPid(redisPid, 10_000);
  }
  const data = join(dir, 'pg', 'data');
  if (alive(readPid(join(data, 'postmaster.pid')))) {
    log('postgres: stopping');
    run(asPostgres(binary('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']));
  }
  if (options.purge) {
    log(`deleting ${dir}`);
    for (const entry of readdirSync(dir)) if (!join(dir, entry).startsWith(IMAGE_DIR)) rmSync(join(dir, entry), { recursive: true, force: true });
    if (dir !== DEFAULT_DIR) rmSync(dir, { recursive: true, force: true });
  }
}
