#!/usr/bin/env node
/**
 * Generates the bundled sample illustrations used by public/data/feed.json.
 *
 * Each picture is a flat editorial illustration drawn as SVG (no text, no external assets) and
 * rasterised with sharp into three WebP files:
 *   public/data/images/<name>-1200.webp  (1200x675, quality 70)
 *   public/data/images/<name>-800.webp   (800x450, quality 68: phones at 2x pick this one)
 *   public/data/images/<name>-400.webp   (400x225, quality 65)
 *
 * The drawings are deterministic (seeded PRNG), so re-running the script gives the same files.
 * The drawings live in drawings-*.mjs (grouped by theme) and share the helpers in svg-helpers.mjs;
 * this file only picks the images to render and writes them.
 *
 * Usage: node tools/sample-data/make-sample-images.mjs [name ...]
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { H, W } from './svg-helpers.mjs';
import { communityDrawings } from './drawings-community.mjs';
import { cultureDrawings } from './drawings-culture.mjs';
import { infrastructureDrawings } from './drawings-infrastructure.mjs';
import { livelihoodDrawings } from './drawings-livelihoods.mjs';

const OUT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'public',
  'data',
  'images',
);

/* ------------------------------------------------------------------ scenes */

/** Every image name, in the order a full run renders and lists them. */
const ORDER = [
  'rice-harvest',
  'mekong-boat',
  'that-luang',
  'bridge',
  'classroom',
  'football',
  'market',
  'mountain-road',
  'boat-race',
  'coffee',
  'clinic',
  'train',
  'solar',
];

const drawings = {
  ...livelihoodDrawings,
  ...cultureDrawings,
  ...infrastructureDrawings,
  ...communityDrawings,
};
if (ORDER.length !== Object.keys(drawings).length || ORDER.some((name) => !drawings[name])) {
  throw new Error('make-sample-images.mjs: ORDER must list every drawing of the drawings-*.mjs files once');
}

/** @type {Record<string, () => string>} drawing functions by image name, in ORDER */
const scenes = Object.fromEntries(ORDER.map((name) => [name, drawings[name]]));

/* ------------------------------------------------------------------ output */

async function render(name) {
  const svg = Buffer.from(scenes[name]());
  const big = path.join(OUT_DIR, `${name}-1200.webp`);
  const small = path.join(OUT_DIR, `${name}-400.webp`);
  const medium = path.join(OUT_DIR, `${name}-800.webp`);
  await sharp(svg).resize(W, H).webp({ quality: 70, effort: 6, smartSubsample: true }).toFile(big);
  await sharp(svg).resize(800, 450).webp({ quality: 68, effort: 6, smartSubsample: true }).toFile(medium);
  await sharp(svg).resize(400, 225).webp({ quality: 65, effort: 6, smartSubsample: true }).toFile(small);
  const [a, c] = await Promise.all([stat(big), stat(small)]);
  return { name, big: a.size, small: c.size };
}

async function main() {
  await mkdir(OUT_DIR, { recursive: true });
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(scenes);
  const unknown = names.filter((n) => !scenes[n]);
  if (unknown.length) {
    console.error(`Unknown image(s): ${unknown.join(', ')}. Known: ${Object.keys(scenes).join(', ')}`);
    process.exit(1);
  }
  let over = 0;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`Writing ${names.length} image(s) to ${path.relative(process.cwd(), OUT_DIR) || OUT_DIR}`);
  for (const name of names) {
    const { big, small } = await render(name);
    const flag = big > 40 * 1024 || small > 10 * 1024 ? '  <-- over budget' : '';
    if (flag) over++;
    console.log(`${name.padEnd(16)} 1200x675 ${kb(big)}   400x225 ${kb(small)}${flag}`);
  }
  console.log(
    over ? `${over} image(s) over the 40 KB / 10 KB budget` : 'All images within the 40 KB / 10 KB budget',
  );
}

await main();
