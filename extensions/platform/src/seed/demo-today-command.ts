/**
 * `directus platform demo-today [--plan <file>] [--now ISO]`: brings the demo city up to now and
 * writes the demo terminals' plan for the rest of today to `<file>` as JSON (`{ "demo": false }` when
 * this database has no demo city). `npm start` runs it before starting the demo terminals.
 */
import type { Knex } from 'knex';
import { writeFileSync } from 'node:fs';
import { platformConfig } from '../config';
import { bringDemoUpToNow } from './demo-today';

interface Command {
  command(name: string): Command;
  description(text: string): Command;
  option(flags: string, description: string): Command;
  action(fn: (options: Record<string, unknown>) => Promise<void>): Command;
}

export function registerDemoTodayCommand(platform: Command, ctx: { database: Knex; env: Record<string, unknown>; log: (line: string) => void }): void {
  platform
    .command('demo-today')
    .description('Bring the demo city\'s punches up to now and plan the rest of today for the demo terminals (nothing without a demo city)')
    .option('--plan <file>', 'write the plan for the demo terminals to this JSON file')
    .option('--now <datetime>', 'the clock to run on (ISO date-time; default: now)')
    .action(async (options) => {
      try {
        const now = options['now'] === undefined ? new Date() : new Date(String(options['now']));
        if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date-time: ${String(options['now'])}`);
        // The server is running beside this process on the same SQLite file (its scheduled jobs write
        // every minute); without a busy timeout a write that meets theirs fails at once (SQLITE_BUSY).
        if (String(ctx.database.client.config.client).startsWith('sqlite')) await ctx.database.raw('PRAGMA busy_timeout = 20000');
        const report = await bringDemoUpToNow(ctx.database, platformConfig(ctx.env), now, ctx.log);
        if (!report) ctx.log('no demo city in this database: nothing to bring up to date');
        if (typeof options['plan'] === 'string') writeFileSync(options['plan'], JSON.stringify(report ? { demo: true, ...report.plan } : { demo: false }));
        process.exit(0);
      } catch (error) {
        console.error(error);
        process.exit(1);
      }
    });
}
