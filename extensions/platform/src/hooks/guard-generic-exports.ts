import type { NextFunction, Request, Response } from 'express';
import { COLLECTION_LABELS } from '../../../../schema/model/collection-labels';
import { holdsPersonalData } from '../../../../schema/model/field-flags';
import { labelOf } from '../../../../schema/codes';
import { writeAudit } from '../audit/write-audit';
import type { DirectusApi } from '../directus';
import { forbidden } from '../http/errors';
import { isNonAdminCaller, type FilterRegistrar, type InitRegistrar } from './registrars';

const refusal = (collection: string) =>
  forbidden(
    'PERSONAL_DATA_EXPORT',
    `“${labelOf(COLLECTION_LABELS, collection) ?? collection}”含个人信息，不能在此批量导出。请在项目页使用“导出花名册”等导出（下载记入审计日志）`,
  );

/**
 * The studio's generic export (导出 in a collection's sidebar: `GET /items/<c>?export=csv`, or
 * `POST /utils/export/<c>` into the file library) gives whole collections in one file. For anyone
 * but an administrator it is refused on collections holding personal data (those have the audited
 * exports: 花名册, 考勤表, 工资表) and audited everywhere else (who, which collection, how many rows).
 */
export function guardGenericExports(filter: FilterRegistrar, init: InitRegistrar, api: DirectusApi): void {
  filter('items.query', (query, meta, context) => {
    if (query?.export && isNonAdminCaller(context.accountability) && holdsPersonalData(String(meta['collection']))) throw refusal(String(meta['collection']));
    return query;
  });
  filter('items.read', async (records, meta, context) => {
    const query = meta['query'] as { export?: string } | undefined;
    if (!query?.export || !isNonAdminCaller(context.accountability)) return records;
    const collection = String(meta['collection']);
    const rows = Array.isArray(records) ? records.length : 1;
    await writeAudit(api.database, {
      actor: context.accountability.user ?? null,
      actorKind: 'user',
      action: 'studio.export',
      collection,
      after: { format: query.export, rows },
      note: `管理后台导出“${labelOf(COLLECTION_LABELS, collection) ?? collection}” ${rows} 条（${query.export}）`,
    });
    return records;
  });
  init('routes.before', ({ app }) => {
    app.post('/utils/export/:collection', (req: Request & { accountability?: { admin?: boolean } | null }, _res: Response, next: NextFunction) => {
      const collection = String(req.params['collection'] ?? '');
      next(isNonAdminCaller(req.accountability) && holdsPersonalData(collection) ? refusal(collection) : undefined);
    });
  });
}
