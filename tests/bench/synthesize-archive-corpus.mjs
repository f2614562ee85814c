#!/usr/bin/env node
// Derive a large, clearly synthetic corpus from Reuters-21578 for archive benchmarks: item i is
// Reuters item (i mod 21,578) with the id `synthetic-i`, "[synthetic N]" before its title and its
// date moved back N × 40 years' worth of minutes, so ids and dates never repeat.
//   node tests/bench/synthesize-archive-corpus.mjs COUNT OUT.ndjson
import { createWriteStream, readFileSync } from 'node:fs';

const [count = '200000', out = 'tests/bench/out/synthetic.ndjson'] = process.argv.slice(2);
const n = Number(count);
const feed = JSON.parse(readFileSync(new URL('../../../shared/data/corpora/reuters-21578.feed.json', import.meta.url), 'utf8'));
const items = feed.items;
const stream = createWriteStream(out);
for (let i = 0; i < n; i++) {
  const src = items[i % items.length];
  const round = Math.floor(i / items.length);
  const date = src.date_published ? new Date(Date.parse(src.date_published) - round * 86_400_000 * 365 * 3 - (i % 997) * 60_000) : undefined;
  const item = {
    ...src,
    id: `synthetic-${i}`,
    title: src.title ? `[synthetic ${round}] ${src.title}` : undefined,
    date_published: date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined,
  };
  if (!stream.write(`${JSON.stringify(item)}\n`)) await new Promise((r) => stream.once('drain', r));
}
stream.end();
await new Promise((r) => stream.on('finish', r));
console.error(`wrote ${n.toLocaleString('en')} synthetic items to ${out}`);
