import type { CodeSplittingGroup, PreRenderedChunk } from 'rolldown';

/**
 * How the app's build cuts its JavaScript into files (rolldown's codeSplitting groups). The order of
 * `priority` decides which group takes a module that several tests match.
 */
export const appChunkGroups: CodeSplittingGroup[] = [
  // What src/boot.ts needs before the first frame, in a file of its own: Vite's preload
  // helper and modulepreload polyfill, and the stylesheet. In the app's chunk, they would
  // make the boot import (and so run) the app before the page is first drawn.
  {
    name: 'boot',
    test: /vite\/(preload-helper|modulepreload-polyfill)|\/src\/index\.css$/,
    priority: 30,
  },
  // The framework in two files: they change only when a dependency does, so returning
  // readers keep them cached across deployments of the app's own code. React DOM is a
  // file of its own so that src/boot.ts can evaluate it in a task of its own.
  {
    name: 'react',
    test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
    priority: 21,
  },
  {
    name: 'framework',
    test: /node_modules[\\/](react-router|@tanstack[\\/](query-core|react-query))[\\/]/,
    priority: 20,
  },
  // The app code of the first screen in one file, not the eight small chunks that
  // automatic splitting cuts along the lines its two pages and lazy routes share: one
  // gzip stream compresses better, and a phone opens fewer connections.
  {
    name: 'app',
    tags: ['$initial'],
    // Not the entries themselves (boot.ts, main.tsx, the iframe page's), nor the stylesheet
    // boot.ts imports (its module in the app chunk would make boot.ts import the app), nor
    // embed-only code.
    test: (id: string) =>
      id.includes('/src/') &&
      !/\/src\/(boot\.ts|main\.tsx|index\.css)$/.test(id) &&
      !id.includes('/src/embed/'),
    priority: 10,
  },
];

/** A language's search support: a Snowball stemmer, or the Zawgyi detector and converter. */
const SEARCH_LANGUAGE_MODULE = /node_modules[\\/](@orama[\\/]stemmers|myanmar-tools)[\\/]/;
/**
 * File-name prefix of the chunks that hold only a language's search support. The search index
 * loads them for the languages its articles use (src/features/search/engine/stemming.ts,
 * zawgyi.ts); the service worker does not precache them (build/pwa.ts): 185 KB gzip in all, of
 * which a reader needs a few.
 */
export const SEARCH_LANGUAGE_CHUNK_PREFIX = 'search-lang-';

/** output.chunkFileNames for the app and the search worker: Vite's default, prefixed for those chunks. */
export function chunkFileNames(chunk: PreRenderedChunk): string {
  const languageOnly =
    chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => SEARCH_LANGUAGE_MODULE.test(id));
  return languageOnly ? `assets/${SEARCH_LANGUAGE_CHUNK_PREFIX}[name]-[hash].js` : 'assets/[name]-[hash].js';
}

/** The first screen's JavaScript (the groups above, Rolldown's runtime and the main entry). */
const FIRST_SCREEN_JS = /^assets\/(react|framework|app|boot|rolldown-runtime|main)-[\w-]+\.js$/;

/**
 * build.modulePreload.resolveDependencies: a code-split import made once the app runs (from
 * main.tsx, the app or a lazy chunk) does not list the first screen's JavaScript, which is loaded
 * by then; each such list cost its bytes in the chunk that makes the import (measured: 150 bytes
 * gzip in main.tsx's chunk for the offline warm-up alone). The boot's own imports (index.html's
 * script, which loads the first screen) and the HTML's modulepreloads keep every dependency;
 * stylesheets are always kept, as only the preload helper loads them.
 */
export function preloadDependencies(host: string, hostType: 'html' | 'js', deps: string[]): string[] {
  if (hostType === 'html' || /^assets\/index-/.test(host)) return deps;
  return deps.filter((dep) => !FIRST_SCREEN_JS.test(dep));
}
