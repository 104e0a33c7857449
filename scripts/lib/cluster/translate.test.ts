import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hostEnvironment, hostNginxConf, hostPathList } from './translate.ts';

const map = { servicePorts: { postgres: 55432, redis: 56379 }, paths: { '/directus': '/srv/image', '/directus/uploads': '/srv/cluster/volumes/uploads' } };

describe('hostEnvironment', () => {
  test.each([
    ['DB_HOST', 'postgres', '127.0.0.1'],
    ['REDIS', 'redis://redis:6379', 'redis://127.0.0.1:56379'],
    ['REDIS', 'redis://:secret@redis:6379/2', 'redis://:secret@127.0.0.1:56379/2'],
    ['STORAGE_LOCAL_ROOT', '/directus/uploads', '/srv/cluster/volumes/uploads'],
    ['EXTENSIONS_PATH', '/directus/extensions', '/srv/image/extensions'],
    // Values that only look like a service or a path stay as they are.
    ['CACHE_STORE', 'redis', 'redis'],
    ['RATE_LIMITER_STORE', 'redis', 'redis'],
    ['PUBLIC_URL', 'https://realname.example.gov.cn', 'https://realname.example.gov.cn'],
    ['SOME_PATH', '/directusx/other', '/directusx/other'],
    ['PLATFORM_ROLLUP_CRON', '*/5 * * * *', '*/5 * * * *'],
  ])('%s=%s becomes %s', (key, value, expected) => {
    expect(hostEnvironment({ [key]: value }, map).env[key]).toBe(expected);
  });

  test('a *_PORT follows its *_HOST when that names a service; the change list says what changed', () => {
    const { env, changed } = hostEnvironment({ DB_HOST: 'postgres', DB_PORT: '5432', SMTP_HOST: 'mail.example.com', SMTP_PORT: '25', KEY: 'k' }, map);
    expect(env).toEqual({ DB_HOST: '127.0.0.1', DB_PORT: '55432', SMTP_HOST: 'mail.example.com', SMTP_PORT: '25', KEY: 'k' });
    expect(changed.sort()).toEqual(['DB_HOST', 'DB_PORT']);
  });

  test('the image’s PATH', () => {
    expect(hostPathList('/directus/node_modules/.bin:$PATH', map, '/usr/bin:/bin')).toBe('/srv/image/node_modules/.bin:/usr/bin:/bin');
  });
});

describe('hostNginxConf on deploy/nginx/nginx.conf', () => {
  const original = readFileSync(join(import.meta.dirname, '../../../deploy/nginx/nginx.conf'), 'utf8');
  const host = { listen: 48080, upstreams: { 'directus-1': 48001, 'directus-2': 48002 }, dir: '/srv/cluster/nginx', html: '/srv/cluster/nginx/html' };

  test('fills in listen, upstreams and paths and keeps every other line', () => {
    const conf = hostNginxConf(original, host);
    expect(conf).toMatch(/server 127\.0\.0\.1:48001 max_fails=3 fail_timeout=10s;/);
    expect(conf).toMatch(/server 127\.0\.0\.1:48002 max_fails=3 fail_timeout=10s;/);
    expect(conf).not.toMatch(/directus-\d:8055|\sresolve[\s;]/);
    expect(conf).toContain('listen 127.0.0.1:48080 default_server;');
    expect(conf).toContain('root /srv/cluster/nginx/html;');
    expect(conf).toContain('pid /srv/cluster/nginx/nginx.pid;');
    expect(conf).toContain('access_log /srv/cluster/nginx/logs/access.log main;');
    const kept = original.split('\n').filter((line) => !/directus-\d:8055|^pid|\/var\/log\/nginx|listen 80|root \/usr/.test(line));
    for (const line of kept) expect(conf).toContain(line);
  });

  test('refuses when nginx.conf and compose disagree on the replicas', () => {
    expect(() => hostNginxConf(original, { ...host, upstreams: { 'directus-1': 1, 'directus-2': 2, 'directus-3': 3 } })).toThrow(/directus-3/);
  });
});
