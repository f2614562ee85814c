import { startTransition, useEffect, useState } from 'react';

interface Progress<T> {
  /** The list being revealed. */
  source: readonly T[];
  /** How many of its leading items are shown. */
  count: number;
  /** What is on screen: `count` items of `source`, then what was below them before. */
  shown: readonly T[];
}

function display<T>(source: readonly T[], count: number, before: readonly T[], keyOf: (item: T) => string): T[] {
  const head = source.slice(0, count);
  if (count >= source.length) return head;
  const keys = new Set(head.map(keyOf));
  return [...head, ...before.slice(count).filter((item) => !keys.has(keyOf(item)))];
}

/**
 * Reveal a list that replaces another a few items per frame: the first `step` items in the frame
 * that shows the new list, `step` more in each following frame (in a transition, so typing
 * interrupts it), while the old list's items below stay in place until they are replaced. Laying
 * out ten new cards in one frame is the longest task while a reader types a search on a slow
 * phone; three at a time keeps every frame short and the page never collapses.
 *
 * Returns the items to render and how many leading ones belong to the new list (the rest are
 * leftovers, to be shown as stale).
 */
export function useProgressiveList<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  step = 3,
): { shown: readonly T[]; fresh: number } {
  const [progress, setProgress] = useState<Progress<T>>({ source: items, count: items.length, shown: items });
  let current = progress;
  if (current.source !== items) {
    const count = Math.min(step, items.length);
    current = { source: items, count, shown: display(items, count, progress.shown, keyOf) };
    setProgress(current); // Derived state: React re-renders at once, before committing.
  }
  const done = current.count >= items.length;
  useEffect(() => {
    if (done) return;
    let timeout = 0;
    // After this frame is painted, the next slice in a transition of its own.
    const frame = requestAnimationFrame(() => {
      timeout = window.setTimeout(() =>
        startTransition(() =>
          setProgress((p) => {
            if (p.source !== items) return p;
            const count = Math.min(p.count + step, items.length);
            return { source: items, count, shown: display(items, count, p.shown, keyOf) };
          }),
        ),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timeout);
    };
  }, [items, current.count, done, keyOf, step]);
  return { shown: current.shown, fresh: Math.min(current.count, items.length) };
}
