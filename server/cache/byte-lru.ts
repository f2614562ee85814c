/*
 * A least-recently-used store bounded by the bytes of its values, not by their count: one
 * rendered page can weigh as much as a hundred small source answers, so a count would bound
 * nothing. It knows nothing of time; the policy over it (swr-cache.ts) does.
 *
 * A Map keeps its keys in insertion order, so moving a key to the end on every read makes the
 * first key the least recently used one (see docs/decisions/064-server-cache.md for why not the
 * lru-cache package).
 */

interface Slot<V> {
  value: V;
  size: number;
}

export class ByteLru<V> {
  readonly maxBytes: number;
  #slots = new Map<string, Slot<V>>();
  #bytes = 0;
  #onEvict: ((key: string, value: V) => void) | undefined;

  /** `onEvict` hears of values pushed out for room, not of deletes or replacements. */
  constructor(maxBytes: number, onEvict?: (key: string, value: V) => void) {
    if (!(Number.isFinite(maxBytes) && maxBytes > 0)) {
      throw new RangeError(`maxBytes must be a positive number, got ${maxBytes}`);
    }
    this.maxBytes = maxBytes;
    this.#onEvict = onEvict;
  }

  get size(): number {
    return this.#slots.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The value, now the most recently used. */
  get(key: string): V | undefined {
    const slot = this.#slots.get(key);
    if (slot === undefined) return undefined;
    this.#slots.delete(key);
    this.#slots.set(key, slot);
    return slot.value;
  }

  /** The value, leaving the order alone (for inspection, which is not use). */
  peek(key: string): V | undefined {
    return this.#slots.get(key)?.value;
  }

  /**
   * Stores the value as the most recently used one and evicts from the least recently used end
   * until the total fits. A value larger than the whole store is not stored (it would evict
   * everything and then itself), and the key's older value goes too, since it is superseded.
   * Returns whether the value was stored.
   */
  set(key: string, value: V, size: number): boolean {
    if (!(Number.isFinite(size) && size >= 0)) {
      throw new RangeError(`size of ${JSON.stringify(key)} must be a number of bytes, got ${size}`);
    }
    this.delete(key);
    if (size > this.maxBytes) return false;
    this.#slots.set(key, { value, size });
    this.#bytes += size;
    for (const [oldest, slot] of this.#slots) {
      if (this.#bytes <= this.maxBytes) break;
      this.#slots.delete(oldest);
      this.#bytes -= slot.size;
      this.#onEvict?.(oldest, slot.value);
    }
    return true;
  }

  delete(key: string): boolean {
    const slot = this.#slots.get(key);
    if (slot === undefined) return false;
    this.#slots.delete(key);
    this.#bytes -= slot.size;
    return true;
  }

  clear(): void {
    this.#slots.clear();
    this.#bytes = 0;
  }

  /** Keys from least to most recently used. */
  keys(): string[] {
    return [...this.#slots.keys()];
  }
}
