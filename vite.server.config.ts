/// <reference types="node" />
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress.ts';

/**
 * The production server (`npm run build:server`, part of `npm run build`): server/main.ts and the
 * app's server entry bundled for Node into dist-server/ (outside dist/, which static hosts
 * publish). Dependencies stay external (node_modules). Afterwards dist/ gets its precompressed
 * copies, since every build of the client has finished by then.
 */
function precompressDist(): Plugin {
  return {
    name: 'news:precompress',
    apply: 'build',
    closeBundle() {
      const t0 = Date.now();
      const r = precompress(resolve(import.meta.dirname, 'dist'));
      console.log(`precompressed ${r.files} files in dist/ (${(r.bytes / 1024).toFixed(0)} kB → br ${(r.br / 1024).toFixed(0)} kB, gzip ${(r.gzip / 1024).toFixed(0)} kB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    {
      // The server never registers a service worker.
      name: 'server:no-service-worker',
      resolveId: (id) => (id === 'virtual:pwa-register' ? '\0pwa-register-stub' : undefined),
      load: (id) => (id === '\0pwa-register-stub' ? 'export const registerSW = () => async () => {};' : undefined),
    },
    precompressDist(),
  ],
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'node20',
    rolldownOptions: { output: { entryFileNames: 'server.mjs' } },
  },
});
