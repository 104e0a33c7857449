import { checkDeclaration, resubmitDeclaration, submitDeclaration } from './handlers/declarations';
import type { RouteKit } from './routes';

/** Public: project declaration (项目申报) and its progress (申报进度). */
export function declarationRoutes({ router, json }: RouteKit): void {
  router.post('/declarations', json(submitDeclaration, 201));
  router.get('/declarations/:applicationNo', json(checkDeclaration));
  router.put('/declarations/:applicationNo', json(resubmitDeclaration));
}
