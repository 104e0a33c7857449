import { maskRecords, type MaskQuery, type RelationsOverview } from '../personal-data/mask-records';
import { isNonAdminCaller, type FilterRegistrar } from './registrars';

/**
 * Every read through Directus (studio lists, item pages, titles, GraphQL, exports) by anyone but an
 * administrator returns sensitive fields masked, at every depth. Full values come only from the
 * audited 查看完整信息 (personal-data/reveal.ts). Core-tier permissions cannot hide fields, so
 * this is where the bureau's view of personal data is decided.
 */
export function maskPersonalData(filter: FilterRegistrar): void {
  filter('items.read', (records, meta, context) => {
    if (!isNonAdminCaller(context.accountability)) return records;
    return maskRecords(records, String(meta['collection']), (meta['query'] ?? {}) as MaskQuery, context.schema as RelationsOverview);
  });
}
