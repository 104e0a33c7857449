import { streamExportFile } from './handlers/export-file.get';
import { redirectStudioExport } from './handlers/export-studio.get';
import { postExport } from './handlers/exports.post';
import type { RouteKit } from './routes';

/** Excel exports (花名册, 考勤表, …): signed links for the H5, the file behind them, the studio's buttons. */
export function exportRoutes({ router, json, raw }: RouteKit): void {
  router.post('/exports', json(postExport));
  router.get('/exports/file', raw(streamExportFile));
  router.get('/exports/studio', raw(redirectStudioExport));
}
