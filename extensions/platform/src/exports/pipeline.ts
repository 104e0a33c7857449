/**
 * The export pipeline shared by every kind: who may export which project, the signed link, the
 * download (built on request, audited, sent with its length) — see `download-token.ts` for why
 * downloads go through links.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { todayInShanghai } from '../../../../schema/rules/dates';
import { writeAudit } from '../audit/write-audit';
import { platformConfig } from '../config';
import { invalid, unavailable } from '../http/errors';
import { parseInput } from '../http/validate';
import { signDownload, verifyDownload } from './download-token';
import type { ExportLink } from '../../../../schema/api/exports';
import type { ExportContext, ExportKind, ExportProject } from './export-kind';

export type { ExportLink };
import { EXPORT_KINDS } from './kinds';
import { exportProject, exportViewer } from './viewer';
import { workbookBuffer } from './workbook';

export interface ExportApi {
  database: Knex;
  env: Record<string, unknown>;
}

/** A built export, ready to send. */
export interface ExportDownload {
  filename: string;
  body: Buffer;
}

const KIND_NAMES = EXPORT_KINDS.map((kind) => kind.kind);

const ExportRequest = z.looseObject({
  kind: z.string({ error: '请选择导出内容' }).refine((kind) => KIND_NAMES.includes(kind), '不支持的导出内容'),
  project: z.unknown().optional(),
});

/** The path of the file endpoint, relative to the API root. */
export const FILE_PATH = '/platform/exports/file';

/**
 * Checks the request (kind, parameters, the caller's right to the project, the kind's own checks)
 * and answers a signed link; nothing is built or written yet.
 */
export async function createExportLink(api: ExportApi, userId: string | null | undefined, input: unknown, origin: string): Promise<ExportLink> {
  const { kind: kindName, project: requested, ...rest } = parseInput(ExportRequest, input, { kind: '导出内容' });
  const kind = kindOf(kindName);
  const viewer = await exportViewer(api.database, userId);
  const project = await exportProject(api.database, viewer, requested);
  const params = kind.parse(rest);
  const ctx = exportContext(api, viewer, project);
  await kind.check(ctx, params);
  const expires = Math.floor(ctx.now.getTime() / 1000) + platformConfig(api.env).PLATFORM_EXPORT_LINK_TTL_SECONDS;
  const token = signDownload({ user: viewer.userId, project: project.id, kind: kind.kind, params, expires }, secretOf(api.env));
  return {
    url: `${origin}${FILE_PATH}?token=${token}`,
    filename: kind.filename(ctx, params),
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/**
 * Verifies a link, checks the user's rights again, builds the file and audits the download
 * (who, which project, what, masked or full, how many rows).
 */
export async function buildExportDownload(api: ExportApi, token: unknown, now = new Date()): Promise<ExportDownload> {
  if (typeof token !== 'string' || !token) throw invalid('REQUIRED', '缺少下载凭证', 'token');
  const claims = verifyDownload(token, secretOf(api.env), Math.floor(now.getTime() / 1000));
  const kind = kindOf(claims.kind);
  const viewer = await exportViewer(api.database, claims.user);
  const project = await exportProject(api.database, viewer, claims.project);
  const ctx = exportContext(api, viewer, project, now);
  await kind.check(ctx, claims.params);
  const file = await kind.build(ctx, claims.params);
  const body = await workbookBuffer(file.sheets);
  const filename = kind.filename(ctx, claims.params);
  await writeAudit(api.database, {
    actor: viewer.userId,
    actorKind: 'user',
    project: project.id,
    action: 'export',
    collection: 'projects',
    item: project.id,
    after: { kind: kind.kind, params: claims.params, masked: file.masked, rows: file.rows, filename, viewer: viewer.role },
    note: `导出${kind.label}（${file.masked ? '脱敏' : '完整信息'}，${file.rows} 行）`,
  });
  return { filename, body };
}

/** `Content-Disposition` for a (Chinese) file name: an ASCII fallback plus RFC 5987 `filename*`. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+(?=.)/, '') || 'export.xlsx';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Response headers of a built export (the length lets the H5 show progress). */
export function downloadHeaders(download: ExportDownload): Record<string, string> {
  return {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': contentDisposition(download.filename),
    'Content-Length': String(download.body.length),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

function kindOf(name: string): ExportKind {
  const kind = EXPORT_KINDS.find((k) => k.kind === name);
  if (!kind) throw invalid('INVALID_VALUE', '不支持的导出内容', 'kind');
  return kind;
}

function exportContext(api: ExportApi, viewer: ExportContext['viewer'], project: ExportProject, now = new Date()): ExportContext {
  return { database: api.database, env: api.env, viewer: { userId: viewer.userId, role: viewer.role }, project, now, today: todayInShanghai(now) };
}

function secretOf(env: Record<string, unknown>): string {
  const secret = env['SECRET'];
  if (typeof secret !== 'string' || secret.length < 16) throw unavailable('EXPORT_SECRET_MISSING', '导出服务未配置，请联系管理员');
  return secret;
}
