// The DOM-free test environment cannot be chosen here yet: tests/setup.ts assumes a DOM for every file.
import { describe, expect, it } from 'vitest';
import { ByteLru } from './byte-lru.ts';

describe('ByteLru', () => {
  it('evicts the least recently used values until the bytes fit, and a read counts as a use', () => {
    const evicted: string[] = [];
    const lru = new ByteLru<string>(10, (key) => evicted.push(key));
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.get('a')).toBe('A'); // a is now more recent than b
    lru.set('c', 'C', 4);
    expect(evicted).toEqual(['b']);
    expect(lru.keys()).toEqual(['a', 'c']);
    expect(lru.bytes).toBe(8);
    lru.set('d', 'D', 9); // needs both others gone
    expect(evicted).toEqual(['b', 'a', 'c']);
    expect(lru.keys()).toEqual(['d']);
    expect(lru.bytes).toBe(9);
  });

  it('peek leaves the order alone', () => {
    const lru = new ByteLru<string>(8);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.peek('a')).toBe('A');
    lru.set('c', 'C', 4);
    expect(lru.keys()).toEqual(['b', 'c']);
  });

  it('does not store a value larger than the whole store, and drops the one it would have replaced', () => {
    const evicted: string[] = [];
    const lru = new ByteLru<string>(10, (key) => evicted.push(key));
    lru.set('a', 'A', 4);
    lru.set('b', 'old B', 4);
    expect(lru.set('b', 'huge B', 11)).toBe(false);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.keys()).toEqual(['a']);
    expect(lru.bytes).toBe(4);
    expect(evicted).toEqual([]);
    expect(lru.set('c', 'exactly full', 10)).toBe(true);
    expect(lru.keys()).toEqual(['c']);
  });

  it('counts a replaced value once, and deletes and clears without calling onEvict', () => {
    const evicted: string[] = [];
    const lru = new ByteLru<string>(10, (key) => evicted.push(key));
    lru.set('a', 'A', 6);
    lru.set('a', 'A2', 3);
    expect(lru.bytes).toBe(3);
    expect(lru.size).toBe(1);
    expect(lru.delete('a')).toBe(true);
    expect(lru.delete('a')).toBe(false);
    lru.set('b', 'B', 5);
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
    expect(evicted).toEqual([]);
  });

  it('refuses sizes that would corrupt the byte count', () => {
    expect(() => new ByteLru(0)).toThrow(RangeError);
    expect(() => new ByteLru(Number.NaN)).toThrow(RangeError);
    const lru = new ByteLru<string>(10);
    expect(() => lru.set('a', 'A', -1)).toThrow(RangeError);
    expect(() => lru.set('a', 'A', Number.NaN)).toThrow(RangeError);
    expect(lru.bytes).toBe(0);
  });
});
