/** Let input and rendering run: scheduler.yield() where it exists, else a macrotask. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A clock for work done in slices: `due()` is true once `sliceMs` have passed since the last
 * yield, and `pause()` yields and starts the next slice. The default slice leaves room under the
 * 50 ms that counts as a long task on a phone four times slower than a desktop.
 */
export function slices(sliceMs = 8): { due: () => boolean; pause: () => Promise<void> } {
  let started = performance.now();
  return {
    due: () => performance.now() - started > sliceMs,
    pause: async () => {
      await yieldToBrowser();
      started = performance.now();
    },
  };
}
