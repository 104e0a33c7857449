import type { DirectusApi } from '../directus';
import { mayUpdateItems, type Accountability } from '../http/item-permission';
import { handleWarnings, parseHandling } from '../warnings/handle-warning';

interface FilterRegistrar {
  (event: string, handler: (payload: unknown, meta: Record<string, unknown>, context: { accountability?: Accountability | null }) => unknown): void;
}

/**
 * A person's update of warnings (studio item form, dashboard list, API) is the handling decision
 * (warnings/handle-warning.ts): validated (400 in Chinese), written with the audit row in one
 * transaction, and nothing is left for Directus to write. Directus runs this filter before its own
 * access check, so the caller's update permission is checked first with Directus's item-permission
 * check; without it the payload goes on untouched and Directus refuses it as usual (403).
 * Updates without accountability (our own services) pass through.
 */
export function handleWarningUpdates(filter: FilterRegistrar, api: DirectusApi): void {
  filter('warnings.items.update', async (payload, meta, context) => {
    const accountability = context.accountability;
    if (!accountability) return payload;
    const keys = (Array.isArray(meta['keys']) ? meta['keys'] : []).map(Number).filter(Number.isInteger);
    if (!keys.length || !accountability.user || !(await mayUpdateItems(api, accountability, 'warnings', keys))) return payload;
    const handling = parseHandling(payload);
    await handleWarnings(api.database, keys, handling, accountability.user);
    return {};
  });
}
