/**
 * Excel exports on the full demo city (SQLite): the main project's 花名册 (all people) and 考勤表 of
 * this month and the last, timed end to end over HTTP (signed link, then the file: query, sheet,
 * xlsx, audit row). Rolls attendance up from the start of last month first, so the month sheets
 * are full.
 */
import ExcelJS from 'exceljs';
import { accountToEmail } from '../../schema/rules/account.ts';
import { addDays, todayInShanghai } from '../../schema/rules/dates.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins.ts';
import { directusCli } from '../lib/directus.ts';
import { bootPlatform } from '../lib/platform.ts';

export const name = 'exports (花名册, 考勤表) of the main project (SQLite, full demo city)';

const ROUNDS = 3;

async function json(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  const response = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export async function run(): Promise<void> {
  // The shared bench machine is often busy: Directus's pressure limiter would answer 503 to the timing itself.
  const platform = await bootPlatform({ seed: 'full', extraEnv: { PRESSURE_LIMITER_ENABLED: 'false' } });
  try {
    const today = todayInShanghai(new Date());
    const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const rolled = performance.now();
    try {
      await directusCli(['platform', 'rollup', '--from', `${lastMonth}-01`], platform.env, { quiet: true });
      console.log(`roll-up from ${lastMonth}-01: ${((performance.now() - rolled) / 1000).toFixed(1)} s`);
    } catch (error) {
      // The seed has rolled up its own days already; the sheets are still timed on those.
      console.log(`roll-up from ${lastMonth}-01 failed, timing the seed's roll-up: ${String(error).split('\n')[0]}`);
    }
    const account = DEMO_LOGINS.projects[0]!;
    const login = await json(`${platform.baseUrl}/auth/login`, { method: 'POST', body: { email: accountToEmail(account.account), password: account.password } });
    const token: string = login.body.data.access_token;
    const cases: [string, Record<string, unknown>][] = [
      ['花名册 (all)', { kind: 'roster', status: 'all' }],
      ['花名册 (on site)', { kind: 'roster' }],
      [`考勤表 ${lastMonth}`, { kind: 'attendance-month', month: lastMonth }],
      [`考勤表 ${today.slice(0, 7)}`, { kind: 'attendance-month' }],
    ];
    for (const [label, request] of cases) {
      const timings: number[] = [];
      let size = 0;
      let rows = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const started = performance.now();
        const link = await json(`${platform.baseUrl}/platform/exports`, { method: 'POST', token, body: request });
        if (link.status !== 200) throw new Error(`link failed: ${link.status} ${JSON.stringify(link.body)}`);
        const response = await fetch(link.body.data.url.replace(/^https?:\/\/[^/]+/, platform.baseUrl));
        const body = Buffer.from(await response.arrayBuffer());
        timings.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`download failed: ${response.status} ${body.toString()}`);
        size = body.length;
        if (round === 0) {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(body as unknown as ArrayBuffer);
          rows = workbook.worksheets[0]?.rowCount ?? 0;
        }
      }
      const sorted = [...timings].sort((a, b) => a - b);
      console.log(`${label.padEnd(18)} median ${sorted[Math.floor(ROUNDS / 2)]!.toFixed(0)} ms, worst ${sorted[ROUNDS - 1]!.toFixed(0)} ms — ${(size / 1024).toFixed(0)} KB, ${rows} sheet rows`);
    }
  } finally {
    await platform.stop();
  }
}
