import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

const PX_PER_REM = 16;

/**
 * Rewrite CSS so that it works the same inside a shadow root on any host page:
 *
 * - `rem` → `px`: rem is the *host* document's root font size (a portal with `html { font-size:
 *   62.5% }` or `* { font-size: 30px }` would shrink or blow up the whole reader).
 * - Viewport breakpoints (`@media (width >= 40rem)`) → container queries: an embedded reader in a
 *   side column of a wide page must lay out for its own width.
 * - Tailwind 4 registers its `--tw-*` variables with `@property`, which a shadow root ignores;
 *   Tailwind ships a plain-declaration fallback for browsers without `@property`, guarded by an
 *   `@supports` test. The guard becomes always-true and the `@property` rules are dropped.
 */
export function shadowCss(css: string, filename = 'shadow.css'): string {
  const { code } = transform({
    filename,
    code: Buffer.from(css),
    minify: true,
    visitor: {
      Length(length) {
        if (length.unit === 'rem') return { unit: 'px', value: length.value * PX_PER_REM };
      },
      // Lengths inside custom properties (`--spacing: .25rem`) are tokens, not typed lengths.
      Token: {
        dimension(token) {
          if (token.unit === 'rem')
            return { type: 'length', value: { unit: 'px', value: token.value * PX_PER_REM } };
        },
      },
      SupportsCondition(condition) {
        // Tailwind's "no @property support" test (it probes margin-trim and -moz-orient).
        const probe = JSON.stringify(condition);
        if (condition.type === 'or' && probe.includes('"margin-trim"') && probe.includes('"-moz-orient"')) {
          return { type: 'declaration', propertyId: { property: 'display' }, value: 'block' };
        }
        return condition;
      },
      Rule: {
        property() {
          return [];
        },
      },
    },
  });
  return code.toString().replace(/@media\s*\((width\s*(?:>=|<=|<|>)\s*[\d.]+px)\)/g, '@container ($1)');
}

/**
 * Applies {@link shadowCss} to every `*.css?inline` import: those strings are only ever adopted
 * by shadow roots (see src/embed/shadow-styles.ts).
 */
export function shadowCssPlugin(): Plugin {
  return {
    name: 'news:shadow-css',
    enforce: 'post',
    transform(code, id) {
      if (!/\.css\?inline$/.test(id)) return null;
      const match = /^export default (".*");?\s*$/s.exec(code);
      if (!match?.[1]) this.error(`news:shadow-css: unexpected shape of ${id}: ${code.slice(0, 80)}`);
      const css = JSON.parse(match[1]) as string;
      return { code: `export default ${JSON.stringify(shadowCss(css, id))};`, map: null };
    },
  };
}
