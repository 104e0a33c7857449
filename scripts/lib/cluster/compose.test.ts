import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { interpolate, parseEnvFile, renderCompose, serviceEnvironment } from './compose.ts';

const ROOT = join(import.meta.dirname, '../../..');
const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const example = parseEnvFile(readFileSync(join(ROOT, '.env.example'), 'utf8'));

describe('interpolate (Compose variable substitution)', () => {
  test.each([
    ['${A}', { A: 'x' }, 'x'],
    ['$A/b', { A: 'x' }, 'x/b'],
    ['${A:-d}', {}, 'd'],
    ['${A:-d}', { A: '' }, 'd'],
    ['${A-d}', { A: '' }, ''],
    ['${A-d}', {}, 'd'],
    ['$$KEY', {}, '$KEY'],
    ['${MISSING}', {}, ''],
    ['redis://${H:-redis}:6379', {}, 'redis://redis:6379'],
  ] as const)('%s with %o is %s', (text, vars, expected) => {
    expect(interpolate(text, vars)).toBe(expected);
  });

  test.each([
    ['${A:?A must be set}', {}],
    ['${A:?A must be set}', { A: '' }],
    ['${A?A must be set}', {}],
  ] as const)('%s with %o aborts', (text, vars) => {
    expect(() => interpolate(text, vars)).toThrow(/A must be set/);
  });
});

describe('the real docker-compose.yml', () => {
  const compose = renderCompose(composeText, example);

  test('has the production services, the replicas built from the app image', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['directus-1', 'directus-2', 'migrate', 'nginx', 'postgres', 'redis']);
    for (const name of ['migrate', 'directus-1', 'directus-2']) expect(compose.services[name]!.build).toEqual({ context: '.', target: 'app' });
    expect(compose.services['nginx']!.build).toEqual({ context: '.', target: 'edge' });
    expect(compose.services['migrate']!.restart).toBe('no');
    expect(compose.volumes).toContain('uploads');
  });

  test('a replica gets .env (env_file) overlaid by environment:', () => {
    const env = serviceEnvironment(compose.services['directus-1']!, () => example);
    expect(env).toMatchObject({ DB_CLIENT: 'pg', DB_HOST: 'postgres', REDIS: 'redis://redis:6379', CACHE_STORE: 'redis', PLATFORM_ROLLUP_CRON: '*/5 * * * *', STORAGE_LOCAL_ROOT: '/directus/uploads' });
  });

  // The engine-less cluster must give each process what compose gives its container: compare with
  // Compose's own rendering (Debian docker-compose v1, which merges env_file into environment).
  const dockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
  test.skipIf(!dockerCompose)('renders every service’s environment and command as docker-compose config does (skipped without docker-compose)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-render-'));
    try {
      cpSync(join(ROOT, 'docker-compose.yml'), join(dir, 'docker-compose.yml'));
      cpSync(join(ROOT, '.env.example'), join(dir, '.env'));
      const rendered = spawnSync('docker-compose', ['config'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: dir } });
      expect(rendered.status, rendered.stderr).toBe(0);
      const reference = parse(rendered.stdout) as { services: Record<string, { environment?: Record<string, unknown>; command?: string[] | string }> };
      for (const [name, service] of Object.entries(compose.services)) {
        const theirs = Object.fromEntries(Object.entries(reference.services[name]!.environment ?? {}).map(([k, v]) => [k, String(v ?? '')]));
        expect({ name, env: serviceEnvironment(service, () => parseEnvFile(readFileSync(join(dir, '.env'), 'utf8'))) }).toEqual({ name, env: theirs });
        // `config` prints the file again, so it keeps `$$` escaped; the container gets `$`.
        const command = reference.services[name]!.command;
        const argv = command === undefined ? undefined : (typeof command === 'string' ? command.split(/\s+/) : command).map((arg) => arg.replaceAll('$$', '$'));
        if (argv !== undefined) expect({ name, command: service.command }).toEqual({ name, command: argv });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // docker-compose is a Python program: seconds to start on a busy machine.
  }, 60_000);
  if (!dockerCompose) console.warn('!!! compose.test.ts: docker-compose is not installed; the comparison with Compose’s own rendering is skipped');
});
