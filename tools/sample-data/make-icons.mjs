#!/usr/bin/env node
// App icons for the web app manifest and iOS, rendered with sharp from public/favicon.svg:
//   public/icons/icon-192.png, icon-512.png            ("any": the favicon as drawn)
//   public/icons/icon-maskable-512.png                 (full-bleed background, the mark inside the
//                                                      80 % safe zone that launchers may crop to a circle)
//   public/icons/apple-touch-icon.png (180 × 180, opaque: iOS fills transparency with black)
//   public/icons/favicon-32.png, favicon-48.png      (the tab icon: a PNG, because Chromium fetches
//                                                      the page's icon again after each history change,
//                                                      and an SVG icon is parsed as a document on the
//                                                      main thread each time)
// The PNGs are committed; run `npm run icons` after changing the favicon.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'public/icons');
const BACKGROUND = '#0b2e5e'; // the masthead blue, also the favicon's tile colour
const svg = readFileSync(join(ROOT, 'public/favicon.svg'));
mkdirSync(OUT, { recursive: true });

const render = (size) =>
  sharp(svg, { density: Math.ceil((72 * size) / 64) })
    .resize(size, size)
    .png();

/** The mark on a full square of the background colour, scaled to `inner` of the side. */
async function onBackground(size, inner) {
  const mark = await render(Math.round(size * inner)).toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: BACKGROUND } })
    .composite([{ input: mark, gravity: 'center' }])
    .png({ compressionLevel: 9 });
}

const outputs = [
  ['icon-192.png', render(192)],
  ['icon-512.png', render(512)],
  ['icon-maskable-512.png', await onBackground(512, 0.72)],
  ['apple-touch-icon.png', await onBackground(180, 0.86)],
  ['favicon-32.png', render(32)],
  ['favicon-48.png', render(48)],
];
for (const [name, image] of outputs) {
  const info = await image.toFile(join(OUT, name));
  console.log(`public/icons/${name}: ${info.width}×${info.height}, ${(info.size / 1024).toFixed(1)} KiB`);
}
