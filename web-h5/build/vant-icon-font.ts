import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves Vant's icon font from our own origin. Vant's stylesheet embeds the font as a `data:` URL with
 * a fallback on an outside CDN (at.alicdn.com); the page's Content-Security-Policy (font-src 'self')
 * blocks both, so every page logged a CSP violation and showed no icons. This plugin takes the woff2
 * out of Vant's own stylesheet at build time (so it always matches the installed Vant), writes it to
 * node_modules/.cache, and points the @font-face at that file, which Vite then emits as a hashed asset.
 */
const ICON_CSS = /[\\/]vant[\\/](es|lib)[\\/]icon[\\/]index\.css$/;
const FONT_FACE = /@font-face\s*\{[^}]*font-family:\s*vant-icon[^}]*\}/;
const WOFF2 = /url\(\s*["']?data:font\/woff2;[^,]*base64,([A-Za-z0-9+/=]+)["']?\s*\)/;

export function localVantIconFont(): Plugin {
  let fontFile = '';
  return {
    name: 'local-vant-icon-font',
    enforce: 'pre',
    configResolved(config) {
      fontFile = join(config.root, 'node_modules/.cache/vant-icon/vant-icon.woff2');
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? '';
      if (!ICON_CSS.test(file)) return null;
      const face = FONT_FACE.exec(code);
      const data = face ? WOFF2.exec(face[0]) : null;
      if (!face || !data?.[1]) this.error(`Vant's icon @font-face has changed shape in ${file}: update build/vant-icon-font.ts`);
      mkdirSync(dirname(fontFile), { recursive: true });
      writeFileSync(fontFile, Buffer.from(data[1], 'base64'));
      const url = relative(dirname(file), fontFile).split(sep).join('/');
      const local = `@font-face{font-weight:400;font-family:vant-icon;font-style:normal;font-display:block;src:url("${url}") format("woff2")}`;
      return { code: code.replace(face[0], local), map: null };
    },
  };
}
