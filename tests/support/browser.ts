import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/directus.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins.ts';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Browser tests run where Chromium is installed; CI installs it and must not skip them. */
export const hasChromium = existsSync(CHROMIUM) || process.env['CI'] === 'true';

/**
 * Headless Chromium with a phone context (375×812, touch, zh-CN).
 * @example const { page, close } = await openPhone(); await page.goto(url); await close();
 */
export async function openPhone(): Promise<{ browser: Browser; context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN',
  });
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}

/**
 * Collects what the page's Content-Security-Policy refused (`securitypolicyviolation` events and the
 * console's CSP messages) and the same-origin responses that failed (4xx/5xx), for asserting a page
 * loads cleanly. Call before navigating.
 * @example const problems = watchPage(page, base); await page.goto(url); expect(await problems()).toEqual([]);
 */
export function watchPage(page: Page, base: string): () => Promise<string[]> {
  const seen: string[] = [];
  void page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|CSP violation|Refused to (load|execute|apply|connect|run)/i.test(message.text())) seen.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(base) && !new URL(response.url()).pathname.startsWith('/platform/') && !new URL(response.url()).pathname.startsWith('/auth/')) {
      seen.push(`${response.status()} ${response.url()}`);
    }
  });
  return async () => [...seen];
}

/**
 * Saves a full-page screenshot under test-artifacts/ and returns its path.
 * @example await screenshot(page, 'declare-filled');
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The text input (or textarea) inside the element marked `data-test="<id>"`. */
export function field(page: Page, id: string) {
  return page.locator(`[data-test="${id}"] input, [data-test="${id}"] textarea`).first();
}

/**
 * Logs the H5 in as demo project `index` (0–2, seeds/demo-logins.ts) and waits for the home page.
 * @example await logIn(page, inject('baseUrl'));
 */
export async function logIn(page: Page, base: string, index = 0): Promise<void> {
  const account = DEMO_LOGINS.projects[index]!;
  await page.goto(`${base}/h5/login`);
  await field(page, 'login-account').fill(account.account);
  await field(page, 'login-password').fill(account.password);
  await page.locator('[data-test="login-submit"]').click();
  await page.locator('[data-test="home-project-name"]').waitFor({ timeout: 20_000 });
}
