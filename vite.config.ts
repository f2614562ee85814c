/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { securityHeaders } from './scripts/security-headers.mjs';

/**
 * Start downloading the configured feeds with the page instead of after the JS has run:
 * `<link rel="preload" as="fetch">` for each source in public/config.json at build time.
 * If an operator later points config.json elsewhere, the preload is a wasted request, nothing
 * worse; the app always fetches what config.json says.
 */
function preloadConfiguredFeeds(): Plugin {
  let base = '/';
  return {
    name: 'news:preload-feeds',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        let sources: { url?: unknown }[] = [];
        try {
          const config = JSON.parse(readFileSync('public/config.json', 'utf8')) as { sources?: { url?: unknown }[] };
          sources = config.sources ?? [];
        } catch {
          return [];
        }
        return sources
          .map((s) => s.url)
          .filter((url): url is string => typeof url === 'string' && !/^[a-z]+:/i.test(url))
          .map((url) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: new URL(url, `http://x${base}`).pathname },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadConfiguredFeeds()],
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
  },
  worker: { format: 'es' },
  // The built app runs under a strict CSP with Trusted Types (scripts/security-headers.mjs).
  // Not for `vite` (dev): its client injects inline scripts that the policy forbids.
  preview: { headers: securityHeaders() },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    testTimeout: 20000,
  },
});
