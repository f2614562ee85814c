import type { Plugin } from 'vite';

/**
 * A stable-named loader per entry: `news-reader.js` imports every chunk the entry needs at once
 * (so they download in parallel, not one level at a time) and re-exports the entry. Hosts link
 * the stable name with a short cache lifetime; the hashed files it names can be cached forever.
 */
export function stableLoaders(entries: Record<string, string>): Plugin {
  return {
    name: 'news:embed-loaders',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      for (const chunk of chunks) {
        if (!chunk.isEntry || !(chunk.name in entries)) continue;
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
