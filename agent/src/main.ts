/**
 * `platform-agent`: the site agent. Runs on a PC at a construction site (Node 20 or newer, no
 * database), delivers the platform's enrolment commands to the site's Hikvision/Uniubi terminals on
 * the LAN, and reports the results.
 *
 *   PLATFORM_AGENT_TOKEN=<token> npx platform-agent --server https://platform.example.gov.cn
 *
 * See agent/README.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Journal } from './journal';
import { PlatformClient, TokenRefusedError } from './platform-client';
import { SiteAgent } from './site-agent';

const USAGE = `用法：platform-agent --server <平台地址> [选项]

令牌从环境变量 PLATFORM_AGENT_TOKEN 或 --token-file 指定的文件读取（不要写在命令行上）。

选项：
  --server <url>        平台地址，例如 https://sm.gyzjj.gov.cn（必填）
  --token-file <path>   存放令牌的文件
  --data <dir>          日志与状态目录（默认 ./platform-agent-data）
  --concurrency <n>     每台终端同时进行的请求数（默认 4）
  --timeout <秒>        单次请求超时（默认 15）
  --batch <n>           每次领取的指令数（默认 100）
  --once                处理完当前所有指令后退出
  --help                显示本说明`;

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) fail(`需要 Node.js 20 或更新版本（当前 ${process.versions.node}）`);
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      'token-file': { type: 'string' },
      data: { type: 'string', default: './platform-agent-data' },
      concurrency: { type: 'string', default: '4' },
      timeout: { type: 'string', default: '15' },
      batch: { type: 'string', default: '100' },
      once: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.server) fail(USAGE);
  let server: URL;
  try {
    server = new URL(values.server);
  } catch {
    fail(`平台地址不正确：${values.server}`);
  }
  if (server.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(server.hostname)) log(`警告：平台地址不是 https，令牌和终端密码将明文传输（${server.origin}）`);
  const token = (values['token-file'] ? readFileSync(values['token-file'], 'utf8') : (process.env['PLATFORM_AGENT_TOKEN'] ?? '')).trim();
  if (!token) fail('缺少令牌：请设置环境变量 PLATFORM_AGENT_TOKEN 或使用 --token-file');
  const number = (name: string, value: string | undefined, min: number, max: number) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) fail(`--${name} 应为 ${min} 到 ${max} 之间的整数`);
    return parsed;
  };
  const concurrency = number('concurrency', values.concurrency, 1, 32);
  const timeoutMs = number('timeout', values.timeout, 1, 300) * 1000;
  const batch = number('batch', values.batch, 1, 500);

  const journal = Journal.open(resolve(values.data));
  const stop = () => {
    journal.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const pending = journal.undelivered().length + journal.unreported().length;
  log(`现场代理启动：平台 ${server.origin}，数据目录 ${journal.dir}${pending ? `，日志中有 ${pending} 条指令待处理` : ''}${journal.skipped ? `，跳过 ${journal.skipped} 行不完整记录` : ''}`);

  const agent = new SiteAgent(new PlatformClient(server.href, token, { timeoutMs: Math.max(timeoutMs, 30_000) }), journal, { concurrency, timeoutMs, batch, log });
  let backoff = 1000;
  for (;;) {
    try {
      const state = await agent.cycle();
      backoff = 1000;
      if (state === 'idle') {
        if (values.once) break;
        await sleep(agent.pollSeconds * 1000);
      }
    } catch (error) {
      if (error instanceof TokenRefusedError) {
        journal.close();
        fail(`${error.message}：请向住建局确认令牌是否有效`, 2);
      }
      log(`${(error as Error).message}，${Math.round(backoff / 1000)} 秒后重试`);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 60_000);
    }
  }
  journal.close();
  log('现场代理退出：指令已全部处理');
}

main().catch((error: unknown) => fail(`现场代理出错：${error instanceof Error ? error.message : String(error)}`));
