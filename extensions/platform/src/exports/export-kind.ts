/**
 * What an export is: a named kind with validated parameters that builds sheets for one project.
 * The link, download, audit and access rules are shared (`exports/pipeline.ts`); a kind only
 * says what goes into the file and whether personal data is masked for the viewer.
 *
 * To add a kind: write `defineExport({ kind, label, params, filename, build })` in your module and add it to
 * `EXPORT_KINDS` in `exports/kinds.ts`. The H5 then asks `POST /platform/exports { kind, ...params }`.
 */
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { IsoDate } from '../../../../schema/rules/dates';
import { parseInput } from '../http/validate';
import type { Sheet } from './workbook';

/**
 * Who downloads: `project` = project staff (their own project only; personal data masked unless
 * the file's purpose needs it), `bureau` = 住建局 staff or an administrator (any project, full data).
 */
export interface ExportViewer {
  userId: string;
  role: 'project' | 'bureau';
}

export interface ExportProject {
  id: number;
  name: string;
  code: string | null;
}

/** What a kind's `check` and `build` get. */
export interface ExportContext {
  database: Knex;
  env: Record<string, unknown>;
  viewer: ExportViewer;
  project: ExportProject;
  /** Today in Asia/Shanghai, `YYYY-MM-DD`. */
  today: IsoDate;
  now: Date;
}

export interface ExportFile {
  sheets: readonly Sheet[];
  /** Whether ID numbers, phones etc. in the file are masked (audited). */
  masked: boolean;
  /** Data rows written (audited). */
  rows: number;
}

export interface ExportKindDef<Params> {
  /** Stable machine name, e.g. `roster`, `attendance-month`. */
  kind: string;
  /** Chinese name for messages and the audit log, e.g. `花名册`. */
  label: string;
  /** zod model of the parameters (everything in the request but `kind` and `project`); Chinese messages. */
  params: z.ZodType<Params>;
  labels?: Readonly<Record<string, string>>;
  /** Checks that need the database or today's date, run before a link is made and again on download. */
  check?: (ctx: ExportContext, params: Params) => Promise<void> | void;
  /** Download name with extension; Chinese is fine ('花名册-某项目-2026-03-05.xlsx'). Known before the file is built. */
  filename: (ctx: ExportContext, params: Params) => string;
  build: (ctx: ExportContext, params: Params) => Promise<ExportFile>;
}

/** A kind with its parameter type hidden, so kinds of different parameters share one list. */
export interface ExportKind {
  kind: string;
  label: string;
  /** Parses request parameters (400 on bad input) into their JSON form, which the link carries. */
  parse: (input: unknown) => Record<string, unknown>;
  check: (ctx: ExportContext, params: Record<string, unknown>) => Promise<void>;
  filename: (ctx: ExportContext, params: Record<string, unknown>) => string;
  build: (ctx: ExportContext, params: Record<string, unknown>) => Promise<ExportFile>;
}

export function defineExport<Params extends Record<string, unknown>>(def: ExportKindDef<Params>): ExportKind {
  const parse = (input: unknown): Params => parseInput(def.params, input, def.labels ?? {}) as Params;
  return {
    kind: def.kind,
    label: def.label,
    parse,
    check: async (ctx, params) => {
      await def.check?.(ctx, parse(params));
    },
    filename: (ctx, params) => def.filename(ctx, parse(params)),
    build: (ctx, params) => def.build(ctx, parse(params)),
  };
}
