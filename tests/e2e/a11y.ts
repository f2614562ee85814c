// Accessibility with axe-core: the same tags as before (WCAG 2.0/2.1 A + AA and best practices).
// Every check records the URL it covered, so the fixtures (fixtures.ts) can check, at the end of
// a test, every other page the test visited: no test can forget axe.
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** URLs of a context that axe has checked (in the state a test chose, e.g. a dialog open). */
const checked = new WeakMap<BrowserContext, Set<string>>();

export function checkedUrls(context: BrowserContext): Set<string> {
  let set = checked.get(context);
  if (!set) checked.set(context, (set = new Set()));
  return set;
}

/** One readable block per violated rule: id, impact, help, and the offending elements. */
export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const summary = (n.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim();
          return `      - ${n.target.join(' ')}${summary ? `  (${summary})` : ''}`;
        })
        .join('\n');
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
      return `  • ${v.id} [${v.impact ?? 'n/a'}]: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Run axe on the page as it is (optionally only inside `include`, e.g. a custom element); throw
 * with the list of violations. Returns the full result for callers that want the counts.
 */
export async function expectNoAxeViolations(page: Page, label: string, { include }: { include?: string } = {}): Promise<AxeResults> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  else checkedUrls(page.context()).add(page.url());
  const results = await builder.analyze();
  if (results.violations.length) {
    const count = results.violations.reduce((n, v) => n + v.nodes.length, 0);
    throw new Error(
      `axe: ${results.violations.length} rule(s) violated on ${label} (${page.url()}), ${count} element(s):\n${formatViolations(results.violations)}`,
    );
  }
  return results;
}
