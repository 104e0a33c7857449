import type { Express } from 'express';
import { PLATFORM_JSON_MAX_BYTES, platformJsonBody } from '../http/json-body';

interface InitRegistrar {
  (event: string, handler: (meta: Record<string, unknown>) => unknown): void;
}

/**
 * Parses `/platform/*` JSON bodies before Directus's own parser runs (`middlewares.before`, the seam
 * the device endpoints use too), so malformed, non-object and oversize bodies get the platform's
 * Chinese errors with stable codes (http/json-body.ts). Everything else goes on to Directus.
 */
export function parsePlatformJson(init: InitRegistrar): void {
  init('middlewares.before', (meta) => {
    (meta['app'] as Express).use(platformJsonBody('/platform/', PLATFORM_JSON_MAX_BYTES));
  });
}
