import { registerRollupCommand } from '../attendance/rollup-command';
import type { DirectusApi } from '../directus';
import { applyDueKeyPostExits, dueExitsDay } from '../key-posts/apply-due-exits';
import { provision } from '../provision';
import { seedDemoCity } from '../seed';
import { registerDemoTodayCommand } from '../seed/demo-today-command';

/** The subset of commander's API the CLI hook uses. */
interface Command {
  command(name: string): Command;
  description(text: string): Command;
  option(flags: string, description: string): Command;
  action(fn: (options: Record<string, unknown>) => Promise<void>): Command;
}

/** `directus platform provision`, `seed`, `rollup` and `key-post-exits`. */
export function registerCli(program: Command, context: DirectusApi & { logger: { info: (message: string) => void }; env: Record<string, unknown> }): void {
  const log = (message: string) => context.logger.info(message);
  const ctx = { services: context.services, database: context.database, getSchema: context.getSchema, log };
  const platform = program.command('platform').description('Real-name platform tasks');
  platform
    .command('provision')
    .description('Create or update collections, roles, flows and studio settings (idempotent)')
    .option('--seed <size>', 'then load the demo city: full or small')
    .action(async (options) =>
      run(async () => {
        await provision(ctx);
        const size = options['seed'];
        if (size === 'full' || size === 'small') await seedDemoCity(ctx, { small: size === 'small' });
      }, log),
    );
  platform
    .command('seed')
    .description('Load the deterministic demo city, unless demo data is already there')
    .option('--small', 'a small city for tests')
    .action(async (options) => run(() => seedDemoCity(ctx, { small: Boolean(options['small']) }), log));
  registerRollupCommand(platform, { database: context.database, env: context.env, log });
  platform
    .command('key-post-exits')
    .description('Make key-post exits approved ahead of their date exited once the date has come (the daily job, by hand)')
    .option('--today <date>', 'the day to run for (YYYY-MM-DD; default: today in Asia/Shanghai)')
    .action(async (options) =>
      run(async () => {
        const report = await applyDueKeyPostExits(context.database, dueExitsDay(options['today']), { waitMs: 60_000 });
        if (!report.ran) throw new Error(`another run holds the lease (${report.heldBy ?? 'unknown'}); try again later`);
        log(`key posts exited: ${report.exited.length ? report.exited.join(', ') : 'none'}`);
      }, log),
    );
  registerDemoTodayCommand(platform, { database: context.database, env: context.env, log });
}

async function run(task: () => Promise<void>, log: (message: string) => void): Promise<void> {
  try {
    await task();
    log('done');
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
