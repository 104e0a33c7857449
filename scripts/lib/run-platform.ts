/**
 * What `npm start` does after the build, in one function (so a test can do it on a temporary data
 * directory): prepare the database (bootstrap → provision → seed, each idempotent), start Directus,
 * then bring the demo city up to now and start its terminals (unless `demo` is false).
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startDemoTerminals, type DemoTerminals, type DemoTerminalsOptions } from './demo-terminals.ts';
import { embeddedEnv, prepareDatabase, startServer, stopServer, type Env } from './directus.ts';

export interface RunPlatformOptions {
  dataDir: string;
  port: number;
  seed: 'full' | 'small' | 'none';
  env?: Env;
  /** The demo terminals' options, or false to leave them off (PLATFORM_DEMO_TERMINALS=off). */
  demo: Pick<DemoTerminalsOptions, 'intervalMs' | 'stragglerEveryMs'> | false;
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface RunningPlatform {
  env: Env;
  baseUrl: string;
  server: ChildProcess;
  /** Null when off, when the database has no demo city, or when they could not start (`demoError`). */
  demo: DemoTerminals | null;
  demoError: string | null;
  stop: () => Promise<void>;
}

export async function runPlatform(options: RunPlatformOptions): Promise<RunningPlatform> {
  const env = embeddedEnv(options.dataDir, options.port, options.env ?? {});
  await prepareDatabase(env, options.seed, options.quiet ?? false);
  const server = await startServer(env, { quiet: options.quiet ?? false });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  let demo: DemoTerminals | null = null;
  let demoError: string | null = null;
  try {
    if (options.demo !== false) {
      demo = await startDemoTerminals({ baseUrl, env, planFile: join(options.dataDir, 'demo-plan.json'), ...options.demo, ...(options.log ? { log: options.log } : {}) });
    }
  } catch (error) {
    // The platform itself is up; a demo that cannot start is reported, not fatal.
    demoError = error instanceof Error ? error.message : String(error);
    options.log?.(`demo terminals not started: ${demoError}`);
  }
  return {
    env,
    baseUrl,
    server,
    demo,
    demoError,
    stop: async () => {
      await demo?.stop();
      await stopServer(server);
    },
  };
}
