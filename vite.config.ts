/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { appChunkGroups, chunkFileNames, preloadDependencies } from './build/chunks.ts';
import { preloadApp } from './build/preload-app.ts';
import { preloadConfiguredFeeds } from './build/preload-feeds.ts';
import { prerenderPages, servePrerenderedPages } from './build/prerender.ts';
import { pwa } from './build/pwa.ts';
import { reactRouterProduction } from './build/react-router-production.ts';
import { securityHeaders } from './build/security-headers.mjs';

// The app. The embed bundle has its own config (vite.embed.config.ts); the plugins live in build/.
export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    tailwindcss(),
    preloadConfiguredFeeds(),
    preloadApp(),
    prerenderPages(),
    servePrerenderedPages(),
    pwa(),
  ],
  resolve: { alias: command === 'build' ? reactRouterProduction() : [] },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    modulePreload: {
      resolveDependencies: (_target, deps, { hostId, hostType }) =>
        preloadDependencies(hostId, hostType, deps),
    },
    rolldownOptions: {
      // main.tsx is an entry of its own: src/boot.ts (index.html's script) imports it after the first
      // frame, and as an entry its static imports stay the first screen's chunks. embed.html is the
      // reader with minimal chrome for <iframe> embedding (src/embed/iframe-main.tsx).
      input: { index: 'index.html', main: 'src/main.tsx', embed: 'embed.html' },
      output: { codeSplitting: { groups: appChunkGroups }, chunkFileNames },
    },
  },
  // The search worker loads a stemmer per language in use, in chunks of their own (build/chunks.ts).
  worker: { format: 'es', rolldownOptions: { output: { chunkFileNames } } },
  // The built app runs under a strict CSP with Trusted Types (build/security-headers.mjs).
  // Not for `vite` (dev): its client injects inline scripts that the policy forbids.
  preview: { headers: securityHeaders() },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    testTimeout: 20000,
  },
}));
