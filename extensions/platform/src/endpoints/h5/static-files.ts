/**
 * The built H5 (web-h5/dist) as the embedded setup serves it; nginx does the same in production
 * (deploy/nginx/nginx.conf). The build writes `.br` and `.gz` copies of every text file
 * (web-h5/build/compress.ts): the one the browser accepts is sent with `Content-Encoding` and
 * `Vary: Accept-Encoding`. Hashed files under assets/ never change, so they are cached for a year
 * (`immutable`); index.html and the other unhashed files are revalidated on every visit (`no-cache`
 * with an ETag, answered 304 when unchanged), so a new build reaches phones at once.
 */
import type { Request, Response } from 'express';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
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

export type Encoding = 'br' | 'gzip';

/** Encodings in order of preference with the file suffix the build writes. */
const ENCODINGS: readonly { name: Encoding; suffix: string }[] = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/** The q-value `accept` (an Accept-Encoding header) gives `coding` (0 when refused or not named). */
function quality(accept: string, coding: string): number {
  let wildcard: number | null = null;
  for (const part of accept.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const value = q === undefined ? 1 : Number(q);
    if (name.trim() === coding) return Number.isFinite(value) ? value : 0;
    if (name.trim() === '*') wildcard = Number.isFinite(value) ? value : 0;
  }
  return wildcard ?? 0;
}

/**
 * The encoding to send for `acceptEncoding` among those a file has copies in: brotli before gzip at
 * equal preference, none when the browser names neither (or refuses them with q=0).
 * @example chooseEncoding('gzip, deflate, br', ['br', 'gzip']) // 'br'
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  let best: Encoding | null = null;
  let bestQ = 0;
  for (const { name } of ENCODINGS) {
    if (!available.includes(name)) continue;
    const q = quality(acceptEncoding, name);
    if (q > bestQ) {
      best = name;
      bestQ = q;
    }
  }
  return best;
}

/** Hashed build output (assets/…) is immutable; everything else is revalidated. */
export function cacheControlFor(relativePath: string): string {
  return /^assets[\\/]/.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Where the built H5 is: PLATFORM_H5_DIST, else web-h5/dist of this repository. */
export function h5Root(env: Record<string, unknown>): string {
  const bundleDir = fileURLToPath(new URL('.', import.meta.url));
  return resolve(String(env['PLATFORM_H5_DIST'] ?? join(bundleDir, '../../../web-h5/dist')));
}

/**
 * Sends `relativePath` under `root` (the single-page fallback is the caller's choice), compressed
 * when the browser accepts it; false when there is no such file.
 */
export function sendStatic(req: Request, res: Response, root: string, relativePath: string): boolean {
  const file = normalize(join(root, relativePath));
  if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) return false;
  const available = ENCODINGS.filter(({ suffix }) => existsSync(file + suffix)).map(({ name }) => name);
  const encoding = chooseEncoding(req.headers['accept-encoding'], available);
  const sent = encoding ? file + ENCODINGS.find((e) => e.name === encoding)!.suffix : file;
  const stat = statSync(sent);
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControlFor(relativePath.replace(/^[\\/]+/, '')));
  res.setHeader('ETag', etag);
  if (available.length) res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return true;
  }
  res.setHeader('Content-Length', String(stat.size));
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(sent).pipe(res);
  return true;
}
