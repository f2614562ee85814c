import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/** embed.js: a second, tiny build of the host script as a classic script (IIFE), stable-named. */
export function hostScript(outDir: string): Plugin {
  return {
    name: 'news:embed-host-script',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2020',
          minify: true,
          copyPublicDir: false,
          lib: {
            entry: resolve('src/embed/embed-host.ts'),
            formats: ['iife'],
            name: 'newsReaderEmbed',
            fileName: () => 'embed.js',
          },
        },
      });
    },
  };
}
