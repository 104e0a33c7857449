import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';
import { compressAssets } from './build/compress.ts';
import { pxToVw } from './build/px-to-vw.ts';
import { localVantIconFont } from './build/vant-icon-font.ts';

const API_TARGET = 'http://127.0.0.1:8055';
// Everything the H5 calls lives on the Directus origin; in dev the proxy makes it same-origin.
const proxied = ['/platform', '/auth', '/assets', '/server'];

export default defineConfig({
  base: '/h5/',
  plugins: [
    localVantIconFont(),
    vue(),
    // Vant on demand: components and their CSS are imported where a template uses them. Our own
    // components are imported explicitly (dirs: []); src/components.d.ts types the van-* tags.
    Components({ resolvers: [VantResolver()], dirs: [], dts: 'src/components.d.ts' }),
    compressAssets(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  css: {
    postcss: { plugins: [pxToVw({ designWidth: 375 })] },
  },
  server: {
    host: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API_TARGET, changeOrigin: true }])),
    fs: {
      // The repo root: the app imports the shared code lists and rules from ../schema.
      allow: [fileURLToPath(new URL('..', import.meta.url))],
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts and images are files, never inlined as data: URLs (the page's CSP allows fonts from 'self' only).
    assetsInlineLimit: 0,
  },
});
