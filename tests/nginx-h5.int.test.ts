/**
 * The production edge proxy's H5 serving, with the real deploy/nginx/nginx.conf in Debian's nginx
 * (rendered for this host as the engine-less cluster renders it, scripts/lib/cluster/translate.ts;
 * both replicas replaced by the test server): the build's .gz copies sent by gzip_static
 * with Vary, hashed assets cached for good, index.html revalidated, a missing asset 404, the
 * favicon at the root, and everything else proxied to Directus.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ROOT } from '../scripts/lib/directus.ts';
import { hostNginxConf } from '../scripts/lib/cluster/translate.ts';
import { freePort } from '../scripts/lib/platform.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const DIST = join(ROOT, 'web-h5/dist');
if (!NGINX) console.warn('SKIPPED: nginx H5 serving test, no nginx installed (apt-get install nginx-light)');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.runIf(NGINX)('nginx serves the H5 pre-compressed (deploy/nginx)', () => {
  let dir: string;
  let port: number;
  let nginx: ChildProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'platform-nginx-'));
    port = await freePort();
    mkdirSync(join(dir, 'logs'));
    mkdirSync(join(dir, 'tmp'));
    mkdirSync(join(dir, 'html'));
    // A copy, not a link: nginx's workers (www-data) could not reach the checkout through a private
    // parent directory (a clone made with `mktemp -d` is 0700).
    cpSync(DIST, join(dir, 'html/h5'), { recursive: true });
    // As the engine-less cluster runs it, with both replicas' upstream lines pointing at the test server.
    const upstreamPort = Number(new URL(inject('baseUrl')).port);
    const conf = hostNginxConf(readFileSync(join(ROOT, 'deploy/nginx/nginx.conf'), 'utf8'), {
      listen: port,
      upstreams: { 'directus-1': upstreamPort, 'directus-2': upstreamPort },
      dir,
      html: join(dir, 'html'),
    });
    writeFileSync(join(dir, 'nginx.conf'), conf);
    // nginx's workers (www-data) read the files: the temporary directory is private by default.
    chmodSync(dir, 0o755);
    nginx = spawn(NGINX!, ['-c', join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: 'inherit' });
    for (let i = 0; i < 50; i += 1) {
      try {
        if ((await get(port, '/nginx-health')).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('nginx did not start');
  });

  afterAll(() => {
    nginx?.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  });

  test('index.html: the gzip copy, revalidated on every visit', async () => {
    const reply = await get(port, '/h5/login', { 'accept-encoding': 'gzip, deflate, br' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body.length).toBe(statSync(join(DIST, 'index.html.gz')).size);
    expect(gunzipSync(reply.body).toString()).toContain('<div id="app">');
  });

  test('a hashed script: the gzip copy, cached for a year; plain for a client that takes no gzip', async () => {
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    const script = /\/h5\/assets\/[^"]+\.js/.exec(index)![0];
    const zipped = await get(port, script, { 'accept-encoding': 'gzip' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const file = join(DIST, script.replace('/h5/', ''));
    expect(zipped.body.length).toBe(statSync(`${file}.gz`).size);
    expect(zipped.body.length).toBeLessThan(statSync(file).size);
    const plain = await get(port, script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBe(statSync(file).size);
  });

  test('a missing hashed file is 404; the icon font is a local file; the favicon answers at the root; /h5 redirects', async () => {
    expect((await get(port, '/h5/assets/index-gone.js')).status).toBe(404);
    const styles = readdirSync(join(DIST, 'assets')).filter((name) => name.endsWith('.css'));
    for (const name of styles) expect(readFileSync(join(DIST, 'assets', name), 'utf8'), name).not.toMatch(/at\.alicdn\.com|jsdelivr|data:font/);
    const font = readdirSync(join(DIST, 'assets')).find((name) => /^vant-icon-.*\.woff2$/.test(name));
    expect((await get(port, `/h5/assets/${font}`)).status).toBe(200);
    const favicon = await get(port, '/favicon.ico');
    expect(favicon.status).toBe(200);
    expect(favicon.headers['content-type']).toMatch(/icon/);
    const redirect = await get(port, '/h5');
    expect([redirect.status, redirect.headers['location']]).toEqual([301, expect.stringMatching(/\/h5\/$/)]);
  });

  test('everything else reaches Directus', async () => {
    const ping = await get(port, '/server/ping');
    expect([ping.status, ping.body.toString()]).toEqual([200, 'pong']);
  });
});
