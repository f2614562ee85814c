// The embed bundle (npm run build:embed → dist/embed/): <news-reader> and <news-recent> as ES
// modules with React inside, their CSS inlined for shadow roots, hashed file names, stable-named
// loaders (news-reader.js, news-recent.js), and embed.js, the plain host script for iframes.
// Run after the app build: it writes into dist/embed/ only.
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import type { CodeSplittingNameFunction } from 'rolldown';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { shadowCssPlugin } from './scripts/vite-plugin-shadow-css.ts';
import { reactRouterProduction } from './scripts/react-router-production.ts';

const OUT_DIR = 'dist/embed';
const ENTRIES = {
  'news-reader': 'src/features/embed/news-reader.ts',
  'news-recent': 'src/features/embed/news-recent.tsx',
};

/**
 * A stable-named loader per entry: `news-reader.js` imports every chunk the entry needs at once
 * (so they download in parallel, not one level at a time) and re-exports the entry. Hosts link
 * the stable name with a short cache lifetime; the hashed files it names can be cached forever.
 */
function stableLoaders(): Plugin {
  return {
    name: 'news:embed-loaders',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      for (const chunk of chunks) {
        if (!chunk.isEntry || !(chunk.name in ENTRIES)) continue;
        const deps = new Set<string>();
        const visit = (file: string) => {
          for (const imp of byFile.get(file)?.imports ?? []) {
            if (deps.has(imp)) continue;
            deps.add(imp);
            visit(imp);
          }
        };
        visit(chunk.fileName);
        const lines = [...deps].map((d) => `import './${d}';`);
        lines.push(`export * from './${chunk.fileName}';`);
        this.emitFile({ type: 'asset', fileName: `${chunk.name}.js`, source: `${lines.join('\n')}\n` });
      }
    },
  };
}

/** embed.js: a second, tiny build of the host script as a classic script (IIFE), stable-named. */
function hostScript(): Plugin {
  return {
    name: 'news:embed-host-script',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir: OUT_DIR,
          emptyOutDir: false,
          target: 'es2020',
          minify: true,
          copyPublicDir: false,
          lib: { entry: resolve('src/features/embed/embed-host.ts'), formats: ['iife'], name: 'newsReaderEmbed', fileName: () => 'embed.js' },
        },
      });
    },
  };
}

/**
 * Chunk name for what <news-recent> loads at first (everything it imports statically, which
 * <news-reader> needs too, but its stylesheet): `embed-common`. Other modules are left to
 * automatic splitting.
 */
function recentNewsDependencies(): CodeSplittingNameFunction {
  const entry = resolve(ENTRIES['news-recent']);
  let deps: Set<string> | undefined;
  return (id, ctx) => {
    if (!deps) {
      deps = new Set();
      const queue = [entry];
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        for (const dep of ctx.getModuleInfo(next)?.importedIds ?? []) {
          if (!deps.has(dep)) {
            deps.add(dep);
            queue.push(dep);
          }
        }
      }
    }
    // Its stylesheet stays with it: the reader brings its own, larger one.
    if (id.includes('recent-styles') || id.includes('recent.css')) return null;
    return deps.has(id) ? 'embed-common' : null;
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), shadowCssPlugin(), stableLoaders(), hostScript()],
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
        codeSplitting: { groups: [{ name: recentNewsDependencies() }] },
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: '[name]-[hash][extname]',
      },
    },
  },
  worker: { format: 'es' },
});
