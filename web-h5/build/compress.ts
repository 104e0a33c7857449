import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a `.gz` and a `.br` copy next to every text asset of the build (Node's zlib, no dependency),
 * so the server sends them as they are: the embedded `/h5/` endpoint by `Accept-Encoding`, nginx with
 * `gzip_static` (and `brotli_static` where the module exists). Maximum compression is affordable
 * because it runs once per build, not per request. A copy that would not be smaller is not written.
 */
const TEXT = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.ico', '.map']);
/** Files smaller than this are left alone: a compressed copy would save a few bytes at most. */
export const MIN_BYTES = 256;

export interface CompressedFile {
  file: string;
  bytes: number;
  gzip: number | null;
  brotli: number | null;
}

/** Compresses the text files under `dir` in place (recursively). */
export function compressDir(dir: string): CompressedFile[] {
  const done: CompressedFile[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      done.push(...compressDir(path));
      continue;
    }
    if (!TEXT.has(extname(name))) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    const gz = gzipSync(body, { level: 9 });
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const entry: CompressedFile = { file: path, bytes: body.length, gzip: null, brotli: null };
    if (gz.length < body.length) {
      writeFileSync(`${path}.gz`, gz);
      entry.gzip = gz.length;
    }
    if (br.length < body.length) {
      writeFileSync(`${path}.br`, br);
      entry.brotli = br.length;
    }
    done.push(entry);
  }
  return done;
}

export function compressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = compressDir(outDir);
      const sum = (pick: (f: CompressedFile) => number | null) => files.reduce((n, f) => n + (pick(f) ?? f.bytes), 0);
      this.info?.(`compressed ${files.length} files: ${Math.round(sum((f) => f.bytes) / 1024)} kB → gzip ${Math.round(sum((f) => f.gzip) / 1024)} kB, brotli ${Math.round(sum((f) => f.brotli) / 1024)} kB`);
    },
  };
}
