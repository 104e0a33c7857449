import type { Express } from 'express';
import { h5Root, sendStatic } from '../endpoints/h5/static-files';

interface InitRegistrar {
  (event: string, handler: (meta: Record<string, unknown>) => unknown): void;
}

/**
 * `/favicon.ico` at the server root (browsers and WeChat ask for it there whatever the page says):
 * the H5's icon, as nginx serves it in production, instead of a 404 in every log.
 */
export function serveRootFavicon(init: InitRegistrar, context: { env: Record<string, unknown> }): void {
  init('middlewares.before', (meta) => {
    const app = meta['app'] as Express;
    const root = h5Root(context.env);
    app.get('/favicon.ico', (req, res, next) => {
      if (!sendStatic(req, res, root, 'favicon.ico')) next();
    });
  });
}
