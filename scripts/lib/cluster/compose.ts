/**
 * Reads docker-compose.yml the way Compose does, so the engine-less cluster (`npm run cluster`)
 * runs every service with exactly the settings compose would give its container: `.env`
 * interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `$$`), YAML
 * anchors and merge keys, `env_file` under `environment`. Only the rendering; what runs where is
 * cluster.ts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type EnvMap = Record<string, string>;

export interface ComposeService {
  name: string;
  image?: string;
  build?: { context: string; target?: string; dockerfile?: string };
  command?: string[];
  environment: EnvMap;
  envFiles: string[];
  volumes: { source: string; target: string; readOnly: boolean }[];
  ports: string[];
  dependsOn: string[];
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: string[];
}

/** Parses a `.env` file as Compose does: `KEY=value` lines, `#` comments; the value is the rest of the line. */
export function parseEnvFile(text: string): EnvMap {
  const env: EnvMap = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    env[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return env;
}

/**
 * Compose's variable substitution of one string.
 * @example interpolate('${DB_PORT:-5432}', {}) // '5432'
 */
export function interpolate(text: string, vars: EnvMap): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = braced ?? bare ?? '';
    const value = vars[name];
    const unset = value === undefined;
    const empty = unset || value === '';
    switch (op) {
      case ':-':
        return empty ? interpolate(arg ?? '', vars) : value!;
      case '-':
        return unset ? interpolate(arg ?? '', vars) : value!;
      case ':?':
        if (empty) throw new Error(`required variable ${name} is missing a value: ${arg ?? ''}`);
        return value!;
      case '?':
        if (unset) throw new Error(`required variable ${name} is missing a value: ${arg ?? ''}`);
        return value!;
      default:
        return value ?? '';
    }
  });
}

function interpolateDeep(value: unknown, vars: EnvMap): unknown {
  if (typeof value === 'string') return interpolate(value, vars);
  if (Array.isArray(value)) return value.map((item) => interpolateDeep(item, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateDeep(item, vars)]));
  return value;
}

function asEnvMap(value: unknown): EnvMap {
  if (!value) return {};
  if (Array.isArray(value)) return parseEnvFile(value.map(String).join('\n'));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, item === null ? '' : String(item)]));
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Service `command:` as an argv (a string command is split on spaces, as Compose does without a shell). */
function asCommand(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String) : String(value).split(/\s+/).filter(Boolean);
}

/**
 * Renders a compose file with `vars` (the project's `.env`) the way `docker compose config` does.
 * @example const compose = renderCompose(readFileSync('docker-compose.yml', 'utf8'), parseEnvFile(readFileSync('.env', 'utf8')));
 */
export function renderCompose(text: string, vars: EnvMap): ComposeFile {
  const doc = interpolateDeep(parse(text, { merge: true }), vars) as { services?: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };
  const services: Record<string, ComposeService> = {};
  for (const [name, spec] of Object.entries(doc.services ?? {})) {
    const build = spec['build'];
    const dependsOn = spec['depends_on'];
    services[name] = {
      name,
      ...(typeof spec['image'] === 'string' ? { image: spec['image'] } : {}),
      ...(build ? { build: typeof build === 'string' ? { context: build } : (build as ComposeService['build'] & object) } : {}),
      ...(asCommand(spec['command']) ? { command: asCommand(spec['command'])! } : {}),
      environment: asEnvMap(spec['environment']),
      envFiles: asList(spec['env_file']),
      volumes: asList(spec['volumes']).map((entry) => {
        const [source = '', target = '', mode = ''] = entry.split(':');
        return { source, target, readOnly: mode === 'ro' };
      }),
      ports: asList(spec['ports']),
      dependsOn: Array.isArray(dependsOn) ? dependsOn.map(String) : Object.keys((dependsOn as Record<string, unknown> | undefined) ?? {}),
      ...(spec['restart'] === undefined ? {} : { restart: String(spec['restart']) }),
    };
  }
  return { services, volumes: Object.keys(doc.volumes ?? {}) };
}

/** A service's container environment: its `env_file`s, then `environment:` (which wins, as in Compose). */
export function serviceEnvironment(service: ComposeService, readEnvFile: (path: string) => EnvMap): EnvMap {
  return Object.assign({}, ...service.envFiles.map(readEnvFile), service.environment) as EnvMap;
}

/** Reads and renders a compose file with the `.env` at `envPath`. */
export function loadCompose(composePath: string, envPath: string): { compose: ComposeFile; dotenv: EnvMap } {
  const dotenv = parseEnvFile(readFileSync(envPath, 'utf8'));
  return { compose: renderCompose(readFileSync(composePath, 'utf8'), dotenv), dotenv };
}
