/**
 * A progress bar on stderr (count, rate, bar), redrawn at most 5 times a second so it costs
 * nothing on a 200,000-item run. Off when quiet or when stderr is not a terminal and CI logs
 * would fill with redraws: then one line per 10 %.
 */
export class Progress {
  private count = 0;
  private readonly start = performance.now();
  private lastDraw = 0;
  private lastDecile = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly quiet = false,
  ) {}

  tick(n = 1): void {
    this.count += n;
    if (this.quiet) return;
    const now = performance.now();
    if (process.stderr.isTTY) {
      if (now - this.lastDraw > 200) {
        this.lastDraw = now;
        process.stderr.write(`\r${this.line(now)}`);
      }
    } else {
      const decile = Math.floor((this.count / Math.max(1, this.total)) * 10);
      if (decile > this.lastDecile) {
        this.lastDecile = decile;
        process.stderr.write(`${this.line(now)}\n`);
      }
    }
  }

  done(): void {
    if (this.quiet) return;
    const line = this.line(performance.now());
    process.stderr.write(process.stderr.isTTY ? `\r${line}\n` : this.lastDecile < 10 ? `${line}\n` : '');
  }

  private line(now: number): string {
    const width = 24;
    const share = this.total ? Math.min(1, this.count / this.total) : 1;
    const filled = Math.round(share * width);
    const seconds = (now - this.start) / 1000;
    const rate = seconds > 0 ? Math.round(this.count / seconds) : 0;
    return `${this.label.padEnd(9)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.count.toLocaleString('en')}/${this.total.toLocaleString('en')}  ${rate.toLocaleString('en')}/s  ${seconds.toFixed(1)} s`;
  }
}
