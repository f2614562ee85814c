// The last lines of a run: every skipped test with its reason in a banner (a skip must be seen),
// the duration, and a line `N passed, N failed` alone, which CI reads.
import type { FullResult, Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private started = Date.now();
  private tests = new Set<TestCase>();
  private skipped: string[] = [];
  private steps = { passed: 0, failed: 0 };

  onBegin(): void {
    this.started = Date.now();
  }

  /** The journeys' own steps (test.step at the top of a test), for comparison with the old runner's subtests. */
  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep): void {
    if (step.category !== 'test.step' || step.parent) return;
    if (step.error) this.steps.failed++;
    else this.steps.passed++;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.tests.add(test);
    if (result.status === 'skipped') {
      const why = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description).join('; ');
      this.skipped.push(`${test.titlePath().slice(1).join(' › ')}: ${why || 'skipped'}`);
    }
  }

  onEnd(result: FullResult): void {
    // Playwright's outcome: a test marked test.fail() that fails is expected, so it passes.
    const outcomes = [...this.tests].map((t) => t.outcome());
    const passed = outcomes.filter((o) => o === 'expected' || o === 'flaky').length;
    let failed = outcomes.filter((o) => o === 'unexpected').length;
    // A run that failed outside any test (the build, the server, the global setup) fails too.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    if (this.skipped.length) {
      const line = '='.repeat(60);
      console.log(`\n${line}\nSKIPPED (${this.skipped.length}):\n${this.skipped.map((s) => `  ${s}`).join('\n')}\n${line}`);
    }
    console.log(`\nsteps of those tests: ${this.steps.passed} ok, ${this.steps.failed} with failed checks`);
    console.log(`e2e took ${((Date.now() - this.started) / 1000).toFixed(1)} s; screenshots in tests/e2e/screenshots/`);
    console.log(`${passed} passed, ${failed} failed${this.skipped.length ? `\n${this.skipped.length} skipped` : ''}`);
  }
}
