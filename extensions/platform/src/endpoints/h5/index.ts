import { defineEndpoint } from '@directus/extensions-sdk';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * `/h5/*`: the built H5 (web-h5/dist) served by Directus itself in the embedded setup, with the
 * single-page fallback to index.html. In production nginx serves the same files.
 */
export default defineEndpoint({
  id: 'h5',
  handler: (router, { env }) => {
    const bundleDir = fileURLToPath(new URL('.', import.meta.url));
    const root = resolve(String(env['PLATFORM_H5_DIST'] ?? join(bundleDir, '../../../web-h5/dist')));
    router.get('/*', (req, res) => {
      if (!existsSync(join(root, 'index.html'))) {
        res.status(503).type('text/plain; charset=utf-8').send('H5 尚未构建：请先运行 npm run build');
        return;
      }
      const wanted = normalize(join(root, decodeURIComponent(req.path)));
      const isFile = wanted.startsWith(root) && existsSync(wanted) && statSync(wanted).isFile();
      const file = isFile ? wanted : join(root, 'index.html');
      const hashed = file.includes(`${join(root, 'assets')}`);
      res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      createReadStream(file).pipe(res);
    });
  },
});
