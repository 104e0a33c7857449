/**
 * `directus platform rollup [--from YYYY-MM-DD] [--now ISO] [--project ID]`: runs the attendance
 * roll-up by hand (after a restore, after changing the validity rule, or from tests on a fixed
 * clock). Only administrators with shell access run CLI commands; project staff cannot trigger it.
 */
import type { Knex } from 'knex';
import { isIsoDate } from '../../../../schema/rules/dates';
import { platformConfig } from '../config';
import { runAttendanceRollup } from './run-rollup';

/** The part of commander's API this command uses. */
interface Command {
  command(name: string): Command;
  description(text: string): Command;
  option(flags: string, description: string): Command;
  action(fn: (options: Record<string, unknown>) => Promise<void>): Command;
}

/** A CLI run waits this long for a scheduler run that holds the lease to finish. */
const CLI_WAIT_MS = 5 * 60_000;

export function parseRollupOptions(options: Record<string, unknown>): { now: Date; from?: string; projectId?: number } {
  const now = options['now'] === undefined ? new Date() : new Date(String(options['now']));
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date-time: ${String(options['now'])}`);
  const from = options['from'] === undefined ? undefined : String(options['from']);
  if (from !== undefined && !isIsoDate(from)) throw new Error(`--from must be YYYY-MM-DD: ${from}`);
  const projectId = options['project'] === undefined ? undefined : Number(options['project']);
  if (projectId !== undefined && !(Number.isInteger(projectId) && projectId > 0)) throw new Error(`--project must be a project id: ${String(options['project'])}`);
  return { now, ...(from !== undefined ? { from } : {}), ...(projectId !== undefined ? { projectId } : {}) };
}

export function registerRollupCommand(platform: Command, ctx: { database: Knex; env: Record<string, unknown>; log: (line: string) => void }): void {
  platform
    .command('rollup')
    .description('Roll punches up into daily attendance, project rates and warnings (incremental, or every day since --from)')
    .option('--from <date>', 'recompute every day from this date (YYYY-MM-DD) to today')
    .option('--now <datetime>', 'the clock to run on (ISO date-time; default: now)')
    .option('--project <id>', 'only this project')
    .action(async (options) => {
      try {
        const request = parseRollupOptions(options);
        const report = await runAttendanceRollup(ctx.database, platformConfig(ctx.env), request, { waitMs: CLI_WAIT_MS, log: ctx.log });
        if (!report.ran) throw new Error(`another roll-up holds the lease (${report.heldBy ?? 'unknown'}); try again later`);
        process.exit(0);
      } catch (error) {
        console.error(error);
        process.exit(1);
      }
    });
}
