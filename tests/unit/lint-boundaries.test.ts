import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Vitest runs from the repository's root (vite.config.ts).
const ROOT = `${process.cwd()}/`;

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIds(eslint: ESLint, code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The boundaries of docs/architecture.md are lint rules: `npm run lint` fails on an import that
// goes up a layer, into another feature's internals, or round in a circle.
describe('lint: layers and boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it('refuses an import from a lower layer into a higher one', async () => {
    const ids = await ruleIds(eslint, "import { AppRoutes } from '../app/router.tsx';\nexport const x = AppRoutes;\n", 'src/lib/upward.ts');
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('refuses a feature reaching into another feature’s internals', async () => {
    const ids = await ruleIds(
      eslint,
      "import { ArticleList } from '../../articles/components/article-list.tsx';\nexport const x = ArticleList;\n",
      'src/features/search/components/sideways.tsx',
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('refuses a tool importing the UI', async () => {
    const ids = await ruleIds(eslint, "import { AppRoutes } from '../../src/app/router.tsx';\nexport const x = AppRoutes;\n", 'tools/archive/ui.ts');
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('refuses an import circle', async () => {
    // i18n.ts imports format.ts: format.ts importing i18n.ts closes a circle.
    const format = readFileSync(`${ROOT}src/lib/format.ts`, 'utf8');
    const ids = await ruleIds(eslint, `import { useT } from './i18n.ts';\nexport const y = useT;\n${format}`, 'src/lib/format.ts');
    expect(ids).toContain('import-x/no-cycle');
  });

  it('accepts the imports the layers allow', async () => {
    const ids = await ruleIds(
      eslint,
      "import { clip } from '../../lib/text.ts';\nimport type { ArticleSummary } from '../../types/article.ts';\nexport const f = (a: ArticleSummary) => clip(a.headline, 10);\n",
      'src/features/articles/allowed.ts',
    );
    expect(ids).toEqual([]);
  });
});
