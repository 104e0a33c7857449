import type { DirectusApi } from '../directus';
import { mayUpdateItems, type Accountability } from '../http/item-permissions';
import { correctIdentities, parseCorrection } from '../people/correct-identity';

interface FilterRegistrar {
  (event: string, handler: (payload: unknown, meta: Record<string, unknown>, context: { accountability?: Accountability | null }) => unknown): void;
}

/**
 * A person's update of `people` (the bureau in the studio, or the API) is an identity correction
 * (people/correct-identity.ts): validated, written with its before/after audit row in one
 * transaction, and nothing is left for Directus to write. As for warnings, the caller's update
 * right is checked first; without it the payload goes on and Directus refuses it (403).
 * Updates without accountability (our own services) pass through.
 */
export function auditIdentityCorrections(filter: FilterRegistrar, api: DirectusApi): void {
  filter('people.items.update', async (payload, meta, context) => {
    const accountability = context.accountability;
    if (!accountability) return payload;
    const keys = (Array.isArray(meta['keys']) ? meta['keys'] : []).map(Number).filter(Number.isInteger);
    if (!keys.length || !accountability.user || !(await mayUpdateItems(api, accountability, 'people', keys))) return payload;
    await correctIdentities(api.database, keys, parseCorrection(payload), accountability.user);
    return {};
  });
}
