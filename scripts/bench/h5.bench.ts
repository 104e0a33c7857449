/**
 * What a phone downloads to show the login page the first time (empty cache): the H5 served by the
 * embedded `/h5/` endpoint of a temporary platform, loaded in Debian's Chromium at 375×812 with
 * WeChat's user agent, every response's bytes on the wire counted (Chromium's own figures, after
 * Content-Encoding). Goal: ≤ 100 KB of compressed JavaScript and CSS. For comparison, the same files
 * uncompressed and as gzip (the .gz copies the build writes, what nginx's gzip_static sends).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, CHROMIUM, openPhone } from '../../tests/support/browser.ts';
import { ROOT } from '../lib/directus.ts';
import { bootPlatform } from '../lib/platform.ts';

export const name = 'H5 first load of the login page (embedded /h5/, Chromium, empty cache)';

const GOAL_KB = 100;
const DIST = join(ROOT, 'web-h5/dist');

interface Loaded {
  path: string;
  kind: string;
  wire: number;
  encoding: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    return;
  }
  const platform = await bootPlatform({ seed: 'none', extraEnv: { PLATFORM_ROLLUP_CRON: 'off', PLATFORM_LIVE_TODAY_CRON: 'off' } });
  const { page, close } = await openPhone();
  try {
    const loaded: Loaded[] = [];
    page.on('requestfinished', (request) => {
      void (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        const url = new URL(request.url());
        if (url.origin !== platform.baseUrl) return;
        loaded.push({ path: url.pathname, kind: request.resourceType(), wire: sizes.responseBodySize + sizes.responseHeadersSize, encoding: (await response?.headerValue('content-encoding')) ?? 'identity' });
      })();
    });
    await page.goto(`${platform.baseUrl}/h5/login`, { waitUntil: 'networkidle' });
    await page.locator('[data-test="login-submit"]').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'bench-h5-login.png') });

    const jsCss = loaded.filter((item) => item.kind === 'script' || item.kind === 'stylesheet');
    const sum = (items: readonly Loaded[], pick: (item: Loaded) => number) => items.reduce((n, item) => n + pick(item), 0);
    const onDisk = (item: Loaded, suffix = '') => size(join(DIST, item.path.replace(/^\/h5\//, '')) + suffix) || size(join(DIST, 'index.html') + suffix);
    console.log(`\n${'response'.padEnd(48)} ${'type'.padEnd(11)} ${'encoding'.padEnd(9)} ${'on the wire'.padStart(11)} ${'raw'.padStart(9)}`);
    for (const item of [...loaded].sort((a, b) => b.wire - a.wire)) {
      console.log(`${item.path.slice(0, 47).padEnd(48)} ${item.kind.padEnd(11)} ${item.encoding.padEnd(9)} ${kb(item.wire).padStart(11)} ${kb(onDisk(item)).padStart(9)}`);
    }
    const wire = sum(jsCss, (item) => item.wire);
    console.log(`\n${loaded.length} requests, ${kb(sum(loaded, (item) => item.wire))} on the wire in all (headers included)`);
    console.log(`JS + CSS: ${jsCss.length} files, ${kb(wire)} on the wire (${[...new Set(jsCss.map((i) => i.encoding))].join('/')}); ` +
      `uncompressed ${kb(sum(jsCss, (item) => onDisk(item)))}, gzip copies ${kb(sum(jsCss, (item) => onDisk(item, '.gz')))}, brotli copies ${kb(sum(jsCss, (item) => onDisk(item, '.br')))}`);
    console.log(`goal ≤ ${GOAL_KB} KB compressed JS + CSS: ${wire <= GOAL_KB * 1024 ? 'met' : 'NOT met'}`);
  } finally {
    await close();
    await platform.stop();
  }
}
