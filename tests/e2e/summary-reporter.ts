// The last lines of a run: every skipped test with its reason in a banner (a skip must be seen),
// the duration, and a line `N passed, N failed` alone, which CI reads.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private started = Date.now();
  private outcomes = new Map<TestCase, TestResult['status']>();
  private skipped: string[] = [];

  onBegin(): void {
    this.started = Date.now();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test, result.status);
    if (result.status === 'skipped') {
      const why = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description).join('; ');
      this.skipped.push(`${test.titlePath().slice(1).join(' › ')}: ${why || 'skipped'}`);
    }
  }

  onEnd(result: FullResult): void {
    const statuses = [...this.outcomes.values()];
    const passed = statuses.filter((s) => s === 'passed').length;
    let failed = statuses.filter((s) => s === 'failed' || s === 'timedOut' || s === 'interrupted').length;
    // A run that failed outside any test (the build, the server, the global setup) fails too.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    if (this.skipped.length) {
      const line = '='.repeat(60);
      console.log(`\n${line}\nSKIPPED (${this.skipped.length}):\n${this.skipped.map((s) => `  ${s}`).join('\n')}\n${line}`);
    }
    console.log(`\ne2e took ${((Date.now() - this.started) / 1000).toFixed(1)} s; screenshots in tests/e2e/screenshots/`);
    console.log(`${passed} passed, ${failed} failed${this.skipped.length ? `\n${this.skipped.length} skipped` : ''}`);
  }
}
