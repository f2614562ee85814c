// Accessibility check with axe-core, run on every page a journey visits.
import { AxeBuilder } from '@axe-core/playwright';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One readable block per violated rule: id, impact, help, and the offending elements. */
export function formatViolations(violations) {
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
 * Run axe (WCAG 2.0/2.1 A + AA and best practices) on the page as it is; throw with the list of
 * violations. Returns the full result for callers that want the counts.
 */
export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length) {
    const count = results.violations.reduce((n, v) => n + v.nodes.length, 0);
    const err = new Error(
      `axe: ${results.violations.length} rule(s) violated on ${label} (${page.url()}), ${count} element(s):\n${formatViolations(results.violations)}`,
    );
    err.violations = results.violations;
    throw err;
  }
  return results;
}
