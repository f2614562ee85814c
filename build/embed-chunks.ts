import { resolve } from 'node:path';
import type { CodeSplittingNameFunction } from 'rolldown';

/**
 * Chunk name for what <news-recent> loads at first (everything it imports statically, which
 * <news-reader> needs too, but its stylesheet): `embed-common`. Other modules are left to
 * automatic splitting.
 */
export function recentNewsDependencies(entryFile: string): CodeSplittingNameFunction {
  const entry = resolve(entryFile);
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
