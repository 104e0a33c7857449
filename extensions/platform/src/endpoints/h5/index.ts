import { defineEndpoint } from '@directus/extensions-sdk';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { h5Root, sendStatic } from './static-files';

/**
 * `/h5/*`: the built H5 (web-h5/dist) served by Directus itself in the embedded setup, compressed and
 * cached as static-files.ts says, with the single-page fallback to index.html. In production nginx
 * serves the same files.
 */
export default defineEndpoint({
  id: 'h5',
  handler: (router, { env }) => {
    const root = h5Root(env);
    router.get('/*', (req, res) => {
      if (!existsSync(join(root, 'index.html'))) {
        res.status(503).type('text/plain; charset=utf-8').send('H5 尚未构建：请先运行 npm run build');
        return;
      }
      let path = '';
      try {
        path = decodeURIComponent(req.path);
      } catch {
        // a malformed escape names no file: the app shell answers
      }
      if (sendStatic(req, res, root, path)) return;
      // A missing file under assets/ is a stale hashed file: 404, not the app shell as JavaScript.
      if (path.startsWith('/assets/')) {
        res.status(404).type('text/plain; charset=utf-8').send('Not found');
        return;
      }
      sendStatic(req, res, root, 'index.html');
    });
  },
});
