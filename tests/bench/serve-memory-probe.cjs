// Preloaded into the server under test by bench:serve's memory run (NODE_OPTIONS=--require …):
// where its resident memory goes (V8 heap, Buffers), which /healthz does not say. Writes the
// latest process.memoryUsage() and the peaks, as JSON, to $MEMORY_PROBE_FILE four times a second.
// It only reads; the server is otherwise the one `npm run serve` starts.
const { writeFileSync } = require('node:fs');

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    for (const k of Object.keys(peak)) peak[k] = Math.max(peak[k], now[k]);
    writeFileSync(file, JSON.stringify({ now, peak }));
  }, 250);
  timer.unref();
}
