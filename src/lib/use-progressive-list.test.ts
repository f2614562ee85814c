import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProgressiveList } from './use-progressive-list.ts';

const key = (s: string) => s;
const list = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('useProgressiveList', () => {
  it('shows the first list whole at once', () => {
    const items = list('a', 10);
    const { result } = renderHook(() => useProgressiveList(items, key));
    expect(result.current.shown).toEqual(items);
    expect(result.current.fresh).toBe(10);
  });

  it('reveals a replacement three at a time, keeping the old items below until replaced', async () => {
    const first = list('a', 10);
    const second = [...list('b', 8), 'a9'];
    const { result, rerender } = renderHook(({ items }) => useProgressiveList(items, key), { initialProps: { items: first } });
    const seen: string[][] = [];
    rerender({ items: second });
    seen.push([...result.current.shown]);
    // The new list's first three, then the old ones after the first three (a9 is in the new
    // list too, and shows once).
    expect(result.current.shown).toEqual(['b0', 'b1', 'b2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
    expect(result.current.fresh).toBe(3);
    await waitFor(() => {
      if (seen.at(-1)?.join() !== result.current.shown.join()) seen.push([...result.current.shown]);
      expect(result.current.shown).toEqual(second);
    });
    expect(result.current.fresh).toBe(9);
    // Every step on screen was a prefix of the new list followed by old items: no blank frames.
    for (const step of seen) expect(step.length).toBeGreaterThanOrEqual(9);
  });

  it('a shorter list replaces a longer one in one go, with nothing old left over', () => {
    const { result, rerender } = renderHook(({ items }) => useProgressiveList(items, key), { initialProps: { items: list('a', 10) } });
    rerender({ items: ['x', 'y'] });
    expect(result.current.shown).toEqual(['x', 'y']);
    expect(result.current.fresh).toBe(2);
  });

  it('a newer list during the reveal starts over from it', async () => {
    const { result, rerender } = renderHook(({ items }) => useProgressiveList(items, key), { initialProps: { items: list('a', 10) } });
    rerender({ items: list('b', 10) });
    const third = list('c', 10);
    act(() => rerender({ items: third }));
    expect(result.current.shown.slice(0, 3)).toEqual(['c0', 'c1', 'c2']);
    await waitFor(() => expect(result.current.shown).toEqual(third));
  });
});
