/**
 * Benchmark support only (Node and the browser bench): a reproducible set of realistic queries.
 * Each is 1-3 consecutive words of a random headline of the corpus, the last one cut to a prefix
 * (3 letters or more, or the whole word when shorter), as a reader's query looks while typing.
 */

/** A small deterministic PRNG (LCG), so every engine and run sees the same queries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function makeQueries(titles: string[], count: number, seed = 42): string[] {
  const next = random(seed);
  const usable = titles.filter((t) => /\p{L}/u.test(t));
  const out: string[] = [];
  while (out.length < count && usable.length > 0) {
    const words = usable[Math.floor(next() * usable.length)]!.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (words.length === 0) continue;
    const length = 1 + Math.floor(next() * 3);
    const start = Math.floor(next() * Math.max(1, words.length - length + 1));
    const picked = words.slice(start, start + length);
    const last = picked[picked.length - 1]!;
    const cut = Math.min(last.length, 3 + Math.floor(next() * Math.max(1, last.length - 2)));
    picked[picked.length - 1] = last.slice(0, cut);
    out.push(picked.join(' '));
  }
  return out;
}

/** The p-th percentile (0-1) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
