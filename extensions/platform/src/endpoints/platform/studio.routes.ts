import { postStudioFile } from './handlers/studio-file.post';
import { postReveal } from './handlers/studio-reveal.post';
import type { RouteKit } from './routes';

/** The studio's audited access to personal data: 查看完整信息 and the photo viewer (bureau staff only). */
export function studioRoutes({ router, json, raw }: RouteKit): void {
  router.post('/studio/reveal', json(postReveal));
  router.post('/studio/files', raw(postStudioFile));
}
