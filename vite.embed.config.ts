// The embed bundle (npm run build:embed → dist/embed/): <news-reader> and <news-recent> as ES
// modules with React inside, their CSS inlined for shadow roots, hashed file names, stable-named
// loaders (news-reader.js, news-recent.js), and embed.js, the plain host script for iframes.
// Run after the app build: it writes into dist/embed/ only.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { recentNewsDependencies } from './build/embed-chunks.ts';
import { hostScript } from './build/embed-host-script.ts';
import { stableLoaders } from './build/embed-loaders.ts';
import { reactRouterProduction } from './build/react-router-production.ts';
import { shadowCssPlugin } from './build/shadow-css.ts';

const OUT_DIR = 'dist/embed';
const ENTRIES = {
  'news-reader': 'src/embed/news-reader.ts',
  'news-recent': 'src/embed/news-recent.tsx',
};

export default defineConfig({
  plugins: [react(), tailwindcss(), shadowCssPlugin(), stableLoaders(ENTRIES), hostScript(OUT_DIR)],
  // Asset URLs relative to the module, so the bundle works from any folder on any origin.
  base: './',
  publicDir: false,
  resolve: { alias: reactRouterProduction() },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    manifest: 'manifest.json',
    // Nothing may be added to the host's <head>: no modulepreload links, no CSS links.
    modulePreload: false,
    cssCodeSplit: false,
    assetsDir: '',
    rolldownOptions: {
      input: ENTRIES,
      preserveEntrySignatures: 'exports-only',
      output: {
        // What both elements load at first in one file (React, TanStack Query, the feed reader,
        // config and i18n); automatic splitting cut it into several small chunks, which gzip
        // compresses worse and a host page fetches one by one.
        codeSplitting: { groups: [{ name: recentNewsDependencies(ENTRIES['news-recent']) }] },
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: '[name]-[hash][extname]',
      },
    },
  },
  worker: { format: 'es' },
});
