/**
 * The site agent as a site PC runs it: the built single file `agent/dist/platform-agent.mjs` in its
 * own process, on Debian's Node 20 when there is one (the agent's minimum), with the token in its
 * environment.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/directus.ts';

export const AGENT_BUNDLE = join(ROOT, 'agent/dist/platform-agent.mjs');

/** Node 20 (the agent's documented minimum) when the machine has it, else the Node running the tests. */
export const AGENT_NODE = (() => {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version.startsWith('v20.')) return { path: candidate, version };
  }
  console.warn(`!!! No Node 20 found at /usr/bin/node: the site agent runs on the test runner's Node ${process.version} instead`);
  return { path: process.execPath, version: process.version };
})();

export interface AgentProcess {
  child: ChildProcess;
  /** Everything the agent printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * Starts `platform-agent` against `server` with `token`, journaling in `dataDir`.
 * @example const agent = startAgent({ server: baseUrl, token, dataDir, args: ['--once'] });
 */
export function startAgent(options: { server: string; token: string; dataDir: string; args?: string[] }): AgentProcess {
  if (!existsSync(AGENT_BUNDLE)) throw new Error(`${AGENT_BUNDLE} is missing: run npm run build first`);
  const child = spawn(AGENT_NODE.path, [AGENT_BUNDLE, '--server', options.server, '--data', options.dataDir, '--timeout', '5', ...(options.args ?? [])], {
    env: { PATH: process.env['PATH'] ?? '', PLATFORM_AGENT_TOKEN: options.token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}
