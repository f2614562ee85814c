#!/usr/bin/env node
/**
 * Generates the bundled sample illustrations used by public/data/feed.json.
 *
 * Each picture is a flat editorial illustration drawn as SVG (no text, no external assets) and
 * rasterised with sharp into two WebP files:
 *   public/data/images/<name>-1200.webp  (1200x675, quality 70)
 *   public/data/images/<name>-800.webp   (800x450, quality 68: phones at 2x pick this one)
 *   public/data/images/<name>-400.webp   (400x225, quality 65)
 *
 * The drawings are deterministic (seeded PRNG), so re-running the script gives the same files.
 * Usage: node tools/sample-data/make-sample-images.mjs [name ...]
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const W = 1200;
const H = 675;
const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data', 'images');

/* ------------------------------------------------------------------ helpers */

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n) => Math.round(n * 10) / 10;

function svgDoc(defs, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>${defs}</defs>
${body}
</svg>`;
}

function vGrad(id, stops) {
  const s = stops.map(([o, c]) => `<stop offset="${o}" stop-color="${c}"/>`).join('');
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${s}</linearGradient>`;
}

const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" fill="${fill}" ${extra}/>`;
const circle = (cx, cy, r, fill, extra = '') =>
  `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="${fill}" ${extra}/>`;
const ellipse = (cx, cy, rx, ry, fill, extra = '') =>
  `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx)}" ry="${r1(ry)}" fill="${fill}" ${extra}/>`;
const poly = (pts, fill, extra = '') =>
  `<polygon points="${pts.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ')}" fill="${fill}" ${extra}/>`;
const pathEl = (d, fill, extra = '') => `<path d="${d}" fill="${fill}" ${extra}/>`;
const line = (x1, y1, x2, y2, stroke, w = 2, extra = '') =>
  `<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke="${stroke}" stroke-width="${w}" stroke-linecap="round" ${extra}/>`;

/** Smooth path through points (Catmull-Rom converted to cubic Béziers). */
function smooth(pts) {
  let d = `M${r1(pts[0][0])},${r1(pts[0][1])}`;
  for (let i = 0; i < pts.length - 1; i++) {
    const p0 = pts[i - 1] ?? pts[i];
    const p1 = pts[i];
    const p2 = pts[i + 1];
    const p3 = pts[i + 2] ?? p2;
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C${r1(c1[0])},${r1(c1[1])} ${r1(c2[0])},${r1(c2[1])} ${r1(p2[0])},${r1(p2[1])}`;
  }
  return d;
}

/** A ridge of hills: a smooth top edge closed down to `bottom`. */
function ridge(rand, { y, amp, step = 120, bottom = H, fill, extra = '' }) {
  const pts = [];
  for (let x = -step; x <= W + step; x += step) {
    pts.push([x, y - rand() * amp]);
  }
  const d = `${smooth(pts)} L${W + step},${bottom} L${-step},${bottom} Z`;
  return pathEl(d, fill, extra);
}

/** A band whose top edge is a gentle wave; used for terraces, water and fields. */
function waveBand(top, bottom, { amp = 12, freq = 0.006, phase = 0, fill, extra = '' }) {
  const pts = [];
  for (let x = -40; x <= W + 40; x += 40) pts.push([x, top + Math.sin(x * freq + phase) * amp]);
  return pathEl(`${smooth(pts)} L${W + 40},${bottom} L-40,${bottom} Z`, fill, extra);
}

function cloud(x, y, s, fill = '#ffffff', op = 0.9) {
  return `<g opacity="${op}" fill="${fill}">${ellipse(x, y, 60 * s, 22 * s, fill)}${circle(
    x - 22 * s,
    y - 14 * s,
    24 * s,
    fill,
  )}${circle(x + 18 * s, y - 20 * s, 30 * s, fill)}</g>`;
}

function sun(cx, cy, r, core, glow) {
  return `${circle(cx, cy, r * 2.2, glow, 'opacity="0.25"')}${circle(cx, cy, r * 1.5, glow, 'opacity="0.35"')}${circle(cx, cy, r, core)}`;
}

/** Simple standing person, feet at (x, y). */
function person(
  x,
  y,
  s,
  { skin = '#c68a5e', shirt = '#ffffff', pants = '#243b55', hair = '#1d1d1d', hat, skirt } = {},
) {
  const parts = [];
  if (skirt) {
    parts.push(
      poly(
        [
          [x - 9 * s, y - 38 * s],
          [x + 9 * s, y - 38 * s],
          [x + 12 * s, y],
          [x - 12 * s, y],
        ],
        skirt,
      ),
    );
  } else {
    parts.push(rect(x - 8 * s, y - 38 * s, 7 * s, 38 * s, pants));
    parts.push(rect(x + 1 * s, y - 38 * s, 7 * s, 38 * s, pants));
  }
  parts.push(rect(x - 11 * s, y - 72 * s, 22 * s, 38 * s, shirt, `rx="${r1(6 * s)}"`));
  parts.push(rect(x - 3 * s, y - 78 * s, 6 * s, 8 * s, skin));
  parts.push(circle(x, y - 86 * s, 10 * s, skin));
  parts.push(
    pathEl(`M${r1(x - 10 * s)},${r1(y - 87 * s)} a${r1(10 * s)},${r1(10 * s)} 0 0 1 ${r1(20 * s)},0 Z`, hair),
  );
  if (hat === 'cone') {
    parts.push(
      poly(
        [
          [x - 22 * s, y - 90 * s],
          [x + 22 * s, y - 90 * s],
          [x, y - 110 * s],
        ],
        '#e9cf8f',
      ),
    );
    parts.push(line(x - 22 * s, y - 90 * s, x + 22 * s, y - 90 * s, '#b8954f', 2 * s));
  }
  return `<g>${parts.join('')}</g>`;
}

/** Palm tree rooted at (x, y). */
function palm(x, y, h, trunk = '#6b4f3a', leaf = '#2f6b3a', lean = 20) {
  const top = [x + lean, y - h];
  const trunkPath = `M${x - 6},${y} Q${x + lean * 0.2},${y - h * 0.5} ${top[0] - 3},${top[1]} L${top[0] + 3},${top[1]} Q${x + lean * 0.2 + 10},${y - h * 0.5} ${x + 6},${y} Z`;
  const fronds = [];
  for (let i = 0; i < 7; i++) {
    const a = (-160 + i * 23) * (Math.PI / 180);
    const len = h * 0.45;
    const ex = top[0] + Math.cos(a) * len;
    const ey = top[1] + Math.sin(a) * len * 0.7 + len * 0.35;
    const mx = top[0] + Math.cos(a) * len * 0.5;
    const my = top[1] + Math.sin(a) * len * 0.5 - 10;
    fronds.push(
      `<path d="M${r1(top[0])},${r1(top[1])} Q${r1(mx)},${r1(my)} ${r1(ex)},${r1(ey)}" stroke="${leaf}" stroke-width="${r1(h * 0.06)}" fill="none" stroke-linecap="round"/>`,
    );
  }
  return `<g>${pathEl(trunkPath, trunk)}${fronds.join('')}</g>`;
}

function roundTree(x, y, r, trunk = '#5c4033', leaf = '#3f7d4e', leaf2 = '#56a06a') {
  return `<g>${rect(x - r * 0.12, y - r * 1.1, r * 0.24, r * 1.1, trunk)}${circle(x, y - r * 1.5, r, leaf)}${circle(
    x - r * 0.35,
    y - r * 1.75,
    r * 0.55,
    leaf2,
  )}</g>`;
}

/* ------------------------------------------------------------------ scenes */

const scenes = {
  /** Golden rice terraces at harvest, farmers in conical hats, field hut, morning sun. */
  'rice-harvest'() {
    const rand = rng(11);
    const defs = vGrad('sky', [
      [0, '#ffd79a'],
      [0.7, '#ffeccc'],
      [1, '#fff6e3'],
    ]);
    const b = [rect(0, 0, W, H, 'url(#sky)'), sun(900, 160, 62, '#fff8e6', '#ffd27a')];
    b.push(ridge(rand, { y: 300, amp: 90, step: 160, fill: '#b9c9a6' }));
    b.push(ridge(rand, { y: 340, amp: 60, step: 140, fill: '#8fb08a' }));
    const colours = ['#7fa653', '#e9c75d', '#d8b048', '#efd27a', '#c7a13c', '#e3bb4f', '#b38d33'];
    let top = 360;
    for (let i = 0; i < 7; i++) {
      const h = 28 + i * 12;
      b.push(
        waveBand(top, H, {
          amp: 10 + i * 3,
          freq: 0.005 + i * 0.0004,
          phase: i * 1.3,
          fill: colours[i],
          extra: 'stroke="#8a6d2a" stroke-width="3"',
        }),
      );
      top += h;
    }
    // stubble rows on the lowest terrace
    for (let x = 20; x < W; x += 34) b.push(line(x, 640, x + 6, 620, '#9c7a2a', 3));
    // field hut on stilts
    b.push(rect(170, 330, 6, 60, '#5b4330'), rect(250, 330, 6, 60, '#5b4330'));
    b.push(rect(160, 330, 106, 16, '#8a6a48'));
    b.push(
      poly(
        [
          [145, 332],
          [281, 332],
          [213, 280],
        ],
        '#a9743f',
      ),
    );
    // farmers harvesting
    b.push(person(520, 520, 1.0, { shirt: '#3d5a80', pants: '#2b2d42', hat: 'cone' }));
    b.push(person(640, 545, 1.05, { shirt: '#b5485d', skirt: '#4a3f6b', hat: 'cone' }));
    b.push(person(780, 500, 0.9, { shirt: '#f1f1f1', pants: '#3b3b3b', hat: 'cone' }));
    // sheaves
    for (const [x, y] of [
      [580, 548],
      [700, 566],
      [840, 512],
      [460, 530],
    ]) {
      b.push(
        poly(
          [
            [x - 14, y],
            [x + 14, y],
            [x + 4, y - 40],
            [x - 4, y - 40],
          ],
          '#d4a83c',
        ),
      );
      b.push(rect(x - 9, y - 22, 18, 5, '#8a6d2a'));
    }
    return svgDoc(defs, b.join('\n'));
  },

  /** The Mekong at dusk: long-tail boat with a boatman, far bank hills, palm trees. */
  'mekong-boat'() {
    const rand = rng(22);
    const defs =
      vGrad('sky', [
        [0, '#4b4e8a'],
        [0.55, '#e58f6a'],
        [1, '#f7c98b'],
      ]) +
      vGrad('water', [
        [0, '#c77c64'],
        [0.25, '#6c5f86'],
        [1, '#2f3d63'],
      ]);
    const b = [rect(0, 0, W, H, 'url(#sky)'), sun(760, 335, 55, '#ffe3a3', '#ffb36b')];
    b.push(cloud(240, 120, 1.3, '#f3b5a0', 0.5), cloud(980, 90, 1.0, '#f3b5a0', 0.45));
    b.push(ridge(rand, { y: 345, amp: 55, step: 150, bottom: 380, fill: '#5c4467' }));
    b.push(rect(0, 370, W, H - 370, 'url(#water)'));
    // sun reflection
    for (let i = 0; i < 14; i++) {
      const y = 385 + i * 16;
      const w = 120 - i * 6 + rand() * 30;
      b.push(rect(760 - w / 2 + (rand() - 0.5) * 30, y, w, 4, '#ffd49a', 'opacity="0.55" rx="2"'));
    }
    for (let i = 0; i < 18; i++) {
      const y = 400 + rand() * 260;
      const x = rand() * W;
      b.push(rect(x, y, 60 + rand() * 90, 3, '#8c9ac7', 'opacity="0.35" rx="2"'));
    }
    // long-tail boat
    const hull =
      'M300,520 Q330,555 420,560 L760,560 Q830,556 880,510 L850,530 Q800,540 740,538 L420,538 Q360,536 300,520 Z';
    b.push(
      pathEl(
        'M300,520 Q360,552 430,560 L760,560 Q840,556 880,505 Q820,532 740,536 L420,536 Q350,534 300,520 Z',
        '#3a2320',
      ),
    );
    b.push(pathEl(hull, '#5a3a2e'));
    b.push(rect(430, 540, 320, 6, '#2b9c9a'));
    // canopy
    for (const x of [470, 560, 650]) b.push(rect(x, 470, 5, 68, '#2a1a16'));
    b.push(pathEl('M450,474 Q560,450 675,474 L675,482 L450,482 Z', '#c2453b'));
    // passengers
    b.push(circle(505, 512, 11, '#2a1a16'), rect(494, 520, 22, 18, '#f0c24a', 'rx="5"'));
    b.push(circle(600, 510, 11, '#2a1a16'), rect(589, 518, 22, 20, '#7cc1c4', 'rx="5"'));
    // boatman and long-tail shaft
    b.push(person(330, 524, 0.75, { shirt: '#e7e1d1', pants: '#2a2a3a', skin: '#8a5a3c' }));
    b.push(rect(300, 500, 30, 18, '#3e3e3e', 'rx="3"'));
    b.push(line(302, 512, 170, 560, '#2a2a2a', 5));
    b.push(line(170, 560, 150, 568, '#eaeaea', 3));
    // wake
    for (let i = 0; i < 5; i++)
      b.push(line(140 - i * 40, 570 + i * 4, 230 - i * 35, 568 + i * 4, '#dfe6f5', 2, 'opacity="0.6"'));
    // near-bank palms
    b.push(pathEl('M900,675 Q1000,600 1200,590 L1200,675 Z', '#2a2238'));
    b.push(palm(1040, 610, 210, '#2a2238', '#2a2238', 25), palm(1130, 600, 170, '#2a2238', '#2a2238', -20));
    return svgDoc(defs, b.join('\n'));
  },

  /** Pha That Luang style golden stupa with cloister wall, flags and monks. */
  'that-luang'() {
    const defs =
      vGrad('sky', [
        [0, '#6fb3e0'],
        [1, '#d8eef8'],
      ]) +
      vGrad('gold', [
        [0, '#f6cf57'],
        [1, '#d59a1c'],
      ]) +
      vGrad('ground', [
        [0, '#eadbb8'],
        [1, '#d9c59a'],
      ]);
    const b = [rect(0, 0, W, H, 'url(#sky)')];
    b.push(cloud(200, 110, 1.4), cloud(1000, 150, 1.1), cloud(820, 70, 0.7));
    b.push(rect(0, 520, W, H - 520, 'url(#ground)'));
    // base terraces
    b.push(rect(330, 470, 540, 60, '#c88d1c'), rect(330, 470, 540, 10, '#f2c24c'));
    b.push(rect(380, 430, 440, 44, 'url(#gold)'), rect(380, 430, 440, 8, '#f7d877'));
    // ring of small spires
    for (let i = 0; i < 17; i++) {
      const x = 392 + i * 26;
      b.push(
        pathEl(
          `M${x - 8},430 Q${x - 7},404 ${x},372 Q${x + 7},404 ${x + 8},430 Z`,
          i % 2 ? '#e6aa25' : '#f0bd3a',
        ),
      );
    }
    // lotus petal drum
    b.push(pathEl('M470,430 Q470,380 600,372 Q730,380 730,430 Z', 'url(#gold)'));
    for (let i = 0; i < 8; i++) {
      const x = 485 + i * 30;
      b.push(pathEl(`M${x},430 Q${x + 15},392 ${x + 30},430 Z`, '#d99a1f', 'opacity="0.8"'));
    }
    // central bud-shaped spire
    b.push(
      pathEl('M540,382 Q548,250 590,150 Q598,110 600,70 Q602,110 610,150 Q652,250 660,382 Z', 'url(#gold)'),
    );
    b.push(
      pathEl(
        'M600,70 Q602,110 610,150 Q652,250 660,382 L612,382 Q612,250 600,70 Z',
        '#c98712',
        'opacity="0.5"',
      ),
    );
    for (const y of [230, 280, 330])
      b.push(rect(560 + (y - 230) * -0.15, y, 80 + (y - 230) * 0.3, 5, '#b77a0e', 'opacity="0.6"'));
    b.push(circle(600, 66, 6, '#fff1b0'));
    // cloister wall with gates
    b.push(rect(0, 530, W, 70, '#f4ead3'), rect(0, 522, W, 12, '#9e3b2c'));
    for (let x = 40; x < W; x += 120) {
      if (x > 520 && x < 640) continue;
      b.push(pathEl(`M${x},600 L${x},560 Q${x + 20},540 ${x + 40},560 L${x + 40},600 Z`, '#d9c9a3'));
    }
    b.push(
      rect(545, 520, 110, 80, '#9e3b2c'),
      pathEl('M555,600 L555,560 Q600,525 645,560 L645,600 Z', '#5a2a1f'),
    );
    b.push(
      poly(
        [
          [530, 522],
          [670, 522],
          [600, 486],
        ],
        '#c0503a',
      ),
    );
    // flagpoles
    for (const x of [120, 260, 940, 1080]) {
      b.push(rect(x, 380, 4, 150, '#7a6a55'));
      b.push(
        poly(
          [
            [x + 4, 384],
            [x + 64, 396],
            [x + 4, 412],
          ],
          x < 600 ? '#c8102e' : '#1d4f9c',
        ),
      );
    }
    // monks and visitors on the plaza
    b.push(person(300, 650, 0.8, { shirt: '#e88a1a', skirt: '#e88a1a', hair: '#8a5a3c', skin: '#a8714a' }));
    b.push(person(340, 655, 0.8, { shirt: '#e88a1a', skirt: '#e88a1a', hair: '#8a5a3c', skin: '#a8714a' }));
    b.push(person(860, 660, 0.85, { shirt: '#ffffff', skirt: '#7b2d5b' }));
    b.push(person(900, 655, 0.8, { shirt: '#ffffff', pants: '#2b2d42' }));
    return svgDoc(defs, b.join('\n'));
  },

  /** Cable-stayed bridge over a wide river, trucks crossing. */
  bridge() {
    const rand = rng(44);
    const defs =
      vGrad('sky', [
        [0, '#9fd0f5'],
        [1, '#eaf6ff'],
      ]) +
      vGrad('water', [
        [0, '#5d9cc4'],
        [1, '#2f6f96'],
      ]);
    const b = [rect(0, 0, W, H, 'url(#sky)')];
    b.push(cloud(180, 90, 1.1), cloud(700, 70, 0.8), cloud(1050, 120, 1.2));
    b.push(ridge(rand, { y: 360, amp: 40, step: 200, bottom: 420, fill: '#9ab89c' }));
    // far bank town
    for (let i = 0; i < 22; i++) {
      const x = 20 + i * 55 + rand() * 10;
      const h = 18 + rand() * 30;
      b.push(rect(x, 392 - h, 36, h, ['#e8e1d0', '#d9cfb8', '#f3efe4'][i % 3]));
      b.push(rect(x, 392 - h, 36, 5, '#b0533f'));
    }
    b.push(rect(0, 392, W, 20, '#6f9a6a'));
    b.push(rect(0, 410, W, H - 410, 'url(#water)'));
    for (let i = 0; i < 25; i++)
      b.push(rect(rand() * W, 430 + rand() * 230, 50 + rand() * 80, 3, '#a7d0ea', 'opacity="0.45" rx="2"'));
    // pylons and cables
    const deckY = 400;
    for (const px of [380, 820]) {
      b.push(
        poly(
          [
            [px - 14, 560],
            [px + 14, 560],
            [px + 6, 170],
            [px - 6, 170],
          ],
          '#e9eef2',
        ),
      );
      b.push(rect(px - 5, 170, 10, 30, '#c7d0d8'));
      for (let i = 1; i <= 8; i++) {
        b.push(line(px, 200 + i * 8, px - i * 26, deckY, '#f5f7fa', 1.6));
        b.push(line(px, 200 + i * 8, px + i * 26, deckY, '#f5f7fa', 1.6));
      }
      b.push(rect(px - 22, 560, 44, 30, '#cfd6dc'));
    }
    // deck
    b.push(rect(0, deckY, W, 16, '#f0f2f4'), rect(0, deckY + 16, W, 10, '#9aa5ae'));
    b.push(rect(0, deckY - 6, W, 3, '#7f8b95'));
    // piers
    for (const x of [120, 600, 1080]) b.push(rect(x - 10, deckY + 26, 20, 150, '#cfd6dc'));
    // vehicles
    const veh = [
      [150, '#e63946'],
      [300, '#f4a261'],
      [540, '#2a9d8f'],
      [700, '#264653'],
      [960, '#e9c46a'],
    ];
    for (const [x, c] of veh) {
      b.push(rect(x, deckY - 24, 52, 20, c, 'rx="3"'), rect(x + 52, deckY - 18, 16, 14, '#dfe7ee', 'rx="2"'));
      b.push(circle(x + 12, deckY - 3, 4, '#222'), circle(x + 58, deckY - 3, 4, '#222'));
    }
    // foreground bank
    b.push(pathEl('M0,600 Q300,570 600,610 Q900,650 1200,600 L1200,675 L0,675 Z', '#7fae6e'));
    b.push(roundTree(80, 640, 40), roundTree(1120, 630, 46, '#5c4033', '#467f53', '#6bb07a'));
    return svgDoc(defs, b.join('\n'));
  },

  /** Primary classroom: teacher at the blackboard, pupils in white shirts at desks. */
  classroom() {
    const defs =
      vGrad('wall', [
        [0, '#f5ecd9'],
        [1, '#ead9ba'],
      ]) +
      vGrad('sky', [
        [0, '#8fd0f0'],
        [1, '#d8f1fb'],
      ]);
    const b = [rect(0, 0, W, H, 'url(#wall)'), rect(0, 520, W, H - 520, '#b98a5e')];
    for (let x = 0; x < W; x += 90) b.push(line(x, 520, x - 40, 675, '#a77a50', 2));
    // blackboard
    b.push(rect(140, 90, 640, 300, '#8a5a36', 'rx="6"'), rect(156, 104, 608, 272, '#2f5d50'));
    b.push(rect(150, 376, 620, 10, '#a8744a'));
    // chalk: a sun, a house, squiggle "writing" lines and counting dots
    b.push(circle(230, 170, 28, 'none', 'stroke="#f4f1e6" stroke-width="4"'));
    for (let i = 0; i < 8; i++) {
      const a = (i * Math.PI) / 4;
      b.push(
        line(
          230 + Math.cos(a) * 38,
          170 + Math.sin(a) * 38,
          230 + Math.cos(a) * 52,
          170 + Math.sin(a) * 52,
          '#f4f1e6',
          3,
        ),
      );
    }
    b.push(
      `<path d="M210,330 L210,280 L250,250 L290,280 L290,330 Z" fill="none" stroke="#f4f1e6" stroke-width="4"/>`,
    );
    for (let row = 0; row < 4; row++) {
      let d = `M340,${150 + row * 50}`;
      for (let k = 0; k < 16; k++) d += ` q10,${k % 2 ? 14 : -14} 20,0`;
      b.push(
        `<path d="${d}" fill="none" stroke="#f4f1e6" stroke-width="3" opacity="${row === 3 ? 0.6 : 0.9}"/>`,
      );
    }
    for (let i = 0; i < 5; i++) b.push(circle(350 + i * 30, 345, 7, '#f6d26b'));
    // window
    b.push(rect(880, 100, 240, 250, '#8a5a36', 'rx="4"'), rect(894, 114, 212, 222, 'url(#sky)'));
    b.push(roundTree(1000, 336, 60, '#6a4a33', '#4e9a5a', '#76b86f'), cloud(960, 160, 0.6));
    b.push(rect(996, 114, 8, 222, '#8a5a36'), rect(894, 222, 212, 8, '#8a5a36'));
    // teacher with pointer, standing beside the board
    b.push(person(850, 470, 1.55, { shirt: '#fbfbfb', skirt: '#7a2848', hair: '#2b1b14' }));
    b.push(line(834, 360, 745, 280, '#5a3a22', 4));
    // two rows of pupils in white school shirts, seen from behind, with desk edges in front
    const hairCols = ['#1b1b1b', '#2a1e17', '#141414'];
    let k = 0;
    for (const [y, s, x0] of [
      [590, 0.85, 110],
      [675, 1.1, 60],
    ]) {
      for (let x = x0; x < W; x += 125 * s) {
        b.push(rect(x - 24 * s, y - 96 * s, 48 * s, 70 * s, '#ffffff', `rx="${14 * s}"`));
        b.push(circle(x, y - 108 * s, 17 * s, hairCols[k++ % 3]));
      }
      b.push(rect(0, y - 30 * s, W, 12 * s, '#c9964f'), rect(0, y - 18 * s, W, 8 * s, '#a4743a'));
    }
    return svgDoc(defs, b.join('\n'));
  },

  /** Floodlit football stadium: striped pitch, goals, two teams, crowd in the stands. */
  football() {
    const rand = rng(66);
    const defs =
      vGrad('sky', [
        [0, '#1d2b53'],
        [1, '#3f5f8f'],
      ]) +
      vGrad('stand', [
        [0, '#3b3f58'],
        [1, '#2a2d42'],
      ]);
    const b = [rect(0, 0, W, H, 'url(#sky)')];
    // stands with crowd
    b.push(pathEl('M0,120 L1200,120 L1200,300 L0,300 Z', 'url(#stand)'));
    for (let row = 0; row < 6; row++) {
      b.push(rect(0, 140 + row * 26, W, 3, '#4a4f6e'));
      for (let x = 6; x < W; x += 18) {
        if (rand() < 0.18) continue;
        const col = rand() < 0.55 ? '#d62839' : ['#f1f1f1', '#1d4f9c', '#f4d35e'][Math.floor(rand() * 3)];
        b.push(circle(x + rand() * 6, 130 + row * 26, 6, col));
      }
    }
    // floodlights
    for (const x of [80, 1120]) {
      b.push(rect(x - 4, 20, 8, 120, '#9aa3b5'), rect(x - 40, 6, 80, 26, '#dfe6f0', 'rx="3"'));
      b.push(
        `<polygon points="${x - 40},32 ${x + 40},32 ${x + 260 * (x < 600 ? 1 : -1)},300 ${x - 60 * (x < 600 ? 1 : -1)},300" fill="#fffbe0" opacity="0.07"/>`,
      );
    }
    // pitch in perspective
    const top = 300;
    b.push(rect(0, top, W, H - top, '#2f7a3d'));
    const tl = 180;
    const tr = 1020;
    for (let i = 0; i < 10; i++) {
      const y0 = top + (i * (H - top)) / 10;
      const y1 = top + ((i + 1) * (H - top)) / 10;
      const l0 = tl - ((y0 - top) / (H - top)) * 260;
      const l1 = tl - ((y1 - top) / (H - top)) * 260;
      b.push(
        poly(
          [
            [l0, y0],
            [W - l0, y0],
            [W - l1, y1],
            [l1, y1],
          ],
          i % 2 ? '#3f9b4f' : '#48ab59',
        ),
      );
    }
    const white = 'stroke="#f2f7f2" stroke-width="3" fill="none"';
    b.push(
      `<polygon points="${tl},${top + 4} ${tr},${top + 4} ${1180},${H - 10} ${20},${H - 10}" ${white}/>`,
    );
    b.push(line(600, top + 4, 600, H - 10, '#f2f7f2', 3));
    b.push(`<ellipse cx="600" cy="470" rx="110" ry="48" ${white}/>`);
    // x on the left touchline-to-touchline end line for a given y (mirrored for the right end)
    const endX = (y) => tl - ((y - top - 4) * (tl - 20)) / (H - 14 - top);
    b.push(
      `<polygon points="${endX(385)},385 ${endX(385) + 150},385 ${endX(580) + 175},580 ${endX(580)},580" ${white}/>`,
    );
    b.push(
      `<polygon points="${W - endX(385)},385 ${W - endX(385) - 150},385 ${W - endX(580) - 175},580 ${W - endX(580)},580" ${white}/>`,
    );
    // goals standing on the end lines
    for (const side of [1, -1]) {
      const X = (y) => (side === 1 ? endX(y) : W - endX(y));
      const [ya, yb] = [445, 525];
      const post = 'stroke="#ffffff" stroke-width="5" fill="none" stroke-linecap="round"';
      b.push(
        `<path d="M${r1(X(ya))},${ya} L${r1(X(ya))},${ya - 55} L${r1(X(yb))},${yb - 55} L${r1(X(yb))},${yb}" ${post}/>`,
      );
      b.push(
        `<path d="M${r1(X(ya))},${ya - 55} L${r1(X(ya) - 34 * side)},${ya - 30} L${r1(X(yb) - 34 * side)},${yb - 25} L${r1(X(yb))},${yb - 55} M${r1(X(ya) - 34 * side)},${ya - 30} L${r1(X(ya) - 34 * side)},${ya} M${r1(X(yb) - 34 * side)},${yb - 25} L${r1(X(yb) - 34 * side)},${yb}" stroke="#e8eee8" stroke-width="2" fill="none" opacity="0.8"/>`,
      );
    }
    // players
    const red = { shirt: '#d62839', pants: '#1d3557', skin: '#b97a52' };
    const white2 = { shirt: '#f4f4f4', pants: '#f4f4f4', skin: '#c9906a' };
    const players = [
      [420, 440, red],
      [520, 520, red],
      [660, 470, red],
      [760, 600, red],
      [340, 590, red],
      [560, 420, white2],
      [700, 540, white2],
      [850, 450, white2],
      [450, 640, white2],
      [900, 580, white2],
    ];
    for (const [x, y, c] of players) b.push(person(x, y, 0.5 + ((y - 400) / 275) * 0.35, c));
    b.push(circle(610, 530, 8, '#ffffff'), circle(612, 528, 3, '#222'));
    return svgDoc(defs, b.join('\n'));
  },

  /** Fresh market stall with a striped awning, baskets of produce and a vendor. */
  market() {
    const defs = vGrad('bg', [
      [0, '#f9dcb0'],
      [1, '#f1c58c'],
    ]);
    const b = [rect(0, 0, W, H, 'url(#bg)'), rect(0, 560, W, H - 560, '#b07d52')];
    // back stalls
    b.push(rect(0, 180, W, 200, '#e9b777'));
    for (let x = 0; x < W; x += 200) b.push(rect(x, 180, 8, 380, '#7a5436'));
    // awning
    for (let i = 0; i < 12; i++) {
      const x = 60 + i * 90;
      b.push(rect(x, 60, 90, 110, i % 2 ? '#ffffff' : '#d64545'));
      b.push(pathEl(`M${x},170 a45,26 0 0 0 90,0 Z`, i % 2 ? '#ffffff' : '#d64545'));
    }
    b.push(rect(50, 50, 1100, 14, '#7a3b2e'));
    // lanterns
    for (const x of [200, 400, 1000]) {
      b.push(
        line(x, 190, x, 230, '#5a3a22', 2),
        ellipse(x, 255, 22, 28, '#f2a541'),
        rect(x - 12, 225, 24, 6, '#8a4b1e'),
      );
    }
    // vendor behind the table
    b.push(person(600, 500, 2.3, { shirt: '#2f7e79', skin: '#b77b53', hair: '#231815' }));
    b.push(pathEl('M552,287 Q600,246 648,287 L648,297 L552,297 Z', '#e8a33d'));
    // table
    b.push(rect(80, 420, 1040, 30, '#8b5a36'), rect(100, 450, 1000, 110, '#6e4429'));
    b.push(rect(120, 470, 960, 6, '#5a361f'));
    // baskets
    const baskets = [
      [210, '#f28c28', 'orange'],
      [410, '#d62828', 'chili'],
      [610, '#f4d35e', 'banana'],
      [810, '#6ab04c', 'greens'],
      [1000, '#8e44ad', 'eggplant'],
    ];
    const rand = rng(77);
    for (const [x, c, kind] of baskets) {
      b.push(
        ellipse(x, 420, 90, 20, '#c89b5e'),
        pathEl(`M${x - 90},420 Q${x},480 ${x + 90},420 Z`, '#a77b45'),
      );
      for (let k = 0; k < 16; k++) {
        const px = x - 70 + rand() * 140;
        const py = 395 + rand() * 22;
        if (kind === 'orange') b.push(circle(px, py, 16, c), circle(px - 4, py - 5, 4, '#ffb866'));
        if (kind === 'chili')
          b.push(
            `<path d="M${r1(px)},${r1(py)} q12,-12 26,-4" stroke="${c}" stroke-width="7" fill="none" stroke-linecap="round"/>`,
          );
        if (kind === 'banana')
          b.push(
            `<path d="M${r1(px - 20)},${r1(py)} q20,18 40,-6" stroke="${c}" stroke-width="10" fill="none" stroke-linecap="round"/>`,
          );
        if (kind === 'greens')
          b.push(
            ellipse(
              px,
              py - 6,
              12,
              26,
              k % 2 ? c : '#3f8f3a',
              `transform="rotate(${Math.round(rand() * 60 - 30)} ${r1(px)} ${r1(py)})"`,
            ),
          );
        if (kind === 'eggplant') b.push(ellipse(px, py, 18, 11, c), circle(px - 16, py - 2, 5, '#3f7d3a'));
      }
    }
    // hanging scale
    b.push(
      line(880, 180, 880, 260, '#555', 2),
      circle(880, 275, 16, '#d8d8d8'),
      ellipse(880, 320, 40, 8, '#bbbbbb'),
    );
    b.push(line(860, 290, 845, 318, '#777', 1.5), line(900, 290, 915, 318, '#777', 1.5));
    return svgDoc(defs, b.join('\n'));
  },

  /** Winding mountain road under repair: green ridges, mist, roller, cones and a truck. */
  'mountain-road'() {
    const rand = rng(88);
    const defs =
      vGrad('sky', [
        [0, '#bfe3e0'],
        [1, '#eef8f2'],
      ]) +
      `<linearGradient id="mist" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#eef8f2" stop-opacity="0"/><stop offset="0.5" stop-color="#eef8f2" stop-opacity="0.7"/><stop offset="1" stop-color="#eef8f2" stop-opacity="0"/></linearGradient>`;
    const b = [rect(0, 0, W, H, 'url(#sky)')];
    b.push(ridge(rand, { y: 220, amp: 120, step: 180, fill: '#a7c9b5' }));
    b.push(rect(0, 210, W, 70, 'url(#mist)'));
    b.push(ridge(rand, { y: 320, amp: 120, step: 160, fill: '#6fa884' }));
    b.push(rect(0, 300, W, 64, 'url(#mist)'));
    b.push(ridge(rand, { y: 430, amp: 100, step: 200, fill: '#3f8360' }));
    // winding road
    const road =
      'M560,330 C640,340 700,360 620,385 C520,415 420,430 520,470 C640,515 900,520 820,580 C760,625 620,650 560,700';
    b.push(`<path d="${road}" stroke="#5b5f66" stroke-width="70" fill="none" stroke-linecap="round"/>`);
    b.push(`<path d="${road}" stroke="#7a7f88" stroke-width="56" fill="none" stroke-linecap="round"/>`);
    b.push(`<path d="${road}" stroke="#f4f1e4" stroke-width="4" stroke-dasharray="22 18" fill="none"/>`);
    // road roller working on the lower bend
    b.push(rect(660, 462, 90, 40, '#f2b705', 'rx="6"'), rect(690, 432, 44, 34, '#333', 'rx="4"'));
    b.push(
      rect(640, 482, 40, 40, '#555', 'rx="18"'),
      rect(647, 492, 26, 20, '#888', 'rx="9"'),
      circle(738, 506, 18, '#333'),
    );
    // cones
    for (const [x, y] of [
      [600, 540],
      [640, 560],
      [690, 575],
      [920, 590],
    ]) {
      b.push(
        poly(
          [
            [x - 10, y],
            [x + 10, y],
            [x, y - 28],
          ],
          '#ff6f1a',
        ),
        rect(x - 6, y - 15, 12, 5, '#ffffff'),
        rect(x - 14, y, 28, 4, '#333'),
      );
    }
    // truck coming up
    b.push(rect(470, 430, 70, 38, '#2f6db5', 'rx="4"'), rect(540, 440, 30, 28, '#9cc7f0', 'rx="3"'));
    b.push(circle(490, 470, 9, '#222'), circle(552, 470, 9, '#222'));
    // worker in hi-vis
    b.push(person(960, 600, 1.1, { shirt: '#ff8c1a', pants: '#2b2d42', hat: 'cone' }));
    // roadside sign
    b.push(
      rect(330, 560, 6, 80, '#666'),
      poly(
        [
          [303, 560],
          [363, 560],
          [333, 510],
        ],
        '#ffcc00',
        'stroke="#c0392b" stroke-width="5"',
      ),
    );
    b.push(
      roundTree(180, 640, 50, '#4b3a2a', '#2f6e4b', '#4e9468'),
      roundTree(1120, 660, 60, '#4b3a2a', '#2f6e4b', '#4e9468'),
    );
    return svgDoc(defs, b.join('\n'));
  },

  /** Boat racing festival: long racing boats with rows of paddlers, crowd and bunting. */
  'boat-race'() {
    const rand = rng(99);
    const defs =
      vGrad('sky', [
        [0, '#ffd6a5'],
        [1, '#fff1d6'],
      ]) +
      vGrad('water', [
        [0, '#6a9fb5'],
        [1, '#2e5e75'],
      ]);
    const b = [rect(0, 0, W, H, 'url(#sky)')];
    // far bank with crowd and tents
    b.push(rect(0, 200, W, 90, '#9bb58a'));
    for (let i = 0; i < 9; i++) {
      const x = 20 + i * 135;
      b.push(
        rect(x, 210, 110, 40, ['#e76f51', '#2a9d8f', '#e9c46a'][i % 3]),
        poly(
          [
            [x - 6, 212],
            [x + 116, 212],
            [x + 55, 182],
          ],
          ['#c4553b', '#1f7d72', '#cfa846'][i % 3],
        ),
      );
    }
    for (let x = 5; x < W; x += 14)
      b.push(
        circle(
          x + rand() * 6,
          262 + rand() * 16,
          6,
          ['#fbfbfb', '#d62839', '#1d4f9c', '#f4a261', '#2b2b2b'][Math.floor(rand() * 5)],
        ),
      );
    // bunting
    let d = 'M0,120';
    for (let x = 0; x < W; x += 200) d += ` Q${x + 100},170 ${x + 200},120`;
    b.push(`<path d="${d}" stroke="#6b4f3a" stroke-width="2" fill="none"/>`);
    for (let x = 20; x < W; x += 40) {
      const u = (x % 200) / 200;
      const y = 120 + 100 * u * (1 - u);
      b.push(
        poly(
          [
            [x - 10, y],
            [x + 10, y],
            [x, y + 22],
          ],
          ['#d62839', '#ffffff', '#1d4f9c', '#f4d35e'][((x / 40) % 4) | 0],
        ),
      );
    }
    b.push(rect(0, 290, W, H - 290, 'url(#water)'));
    for (let i = 0; i < 30; i++)
      b.push(rect(rand() * W, 300 + rand() * 360, 40 + rand() * 90, 3, '#bfe0ee', 'opacity="0.4" rx="2"'));
    // two boats
    const boat = (y, x0, len, hullCol, shirt, scale) => {
      const g = [];
      g.push(
        pathEl(
          `M${x0},${y} Q${x0 + len / 2},${y + 28 * scale} ${x0 + len},${y} L${x0 + len + 40 * scale},${y - 40 * scale} Q${x0 + len + 20 * scale},${y - 10 * scale} ${x0 + len},${y - 6 * scale} L${x0},${y - 6 * scale} Z`,
          hullCol,
        ),
      );
      g.push(pathEl(`M${x0 + len + 40 * scale},${y - 40 * scale} q10,-14 26,-6 q-10,4 -14,14 Z`, '#f4d35e'));
      g.push(rect(x0 + 10, y - 6 * scale, len - 20, 5 * scale, '#f4d35e'));
      const n = 16;
      for (let i = 0; i < n; i++) {
        const px = x0 + 40 * scale + i * ((len - 70 * scale) / n);
        g.push(rect(px - 7 * scale, y - 36 * scale, 14 * scale, 28 * scale, shirt, `rx="${4 * scale}"`));
        g.push(circle(px, y - 42 * scale, 7 * scale, '#2b1b14'));
        g.push(line(px - 4 * scale, y - 26 * scale, px - 22 * scale, y + 18 * scale, '#8a5a36', 3 * scale));
      }
      g.push(person(x0 + 20 * scale, y - 6 * scale, 0.55 * scale, { shirt, pants: '#222' }));
      return g.join('');
    };
    b.push(boat(400, 140, 760, '#7a2f1f', '#f4f4f4', 1));
    b.push(boat(560, 60, 920, '#1f4e79', '#d62839', 1.25));
    for (let i = 0; i < 8; i++)
      b.push(
        line(
          40 + i * 100,
          600 + (i % 2) * 10,
          100 + i * 100,
          600 + (i % 2) * 10,
          '#e6f3fa',
          3,
          'opacity="0.7"',
        ),
      );
    return svgDoc(defs, b.join('\n'));
  },

  /** Bolaven Plateau coffee farm: shrubs with red cherries, picker, sacks, distant waterfall. */
  coffee() {
    const rand = rng(1010);
    const defs = vGrad('sky', [
      [0, '#a8d8d0'],
      [1, '#f2f7e6'],
    ]);
    const b = [rect(0, 0, W, H, 'url(#sky)'), cloud(300, 100, 1.1), cloud(860, 70, 0.9)];
    b.push(ridge(rand, { y: 240, amp: 50, step: 220, fill: '#97b99a' }));
    // cliff and waterfall
    b.push(pathEl('M790,420 L800,310 Q840,268 930,262 L1040,256 Q1120,244 1200,240 L1200,420 Z', '#6d8f6a'));
    b.push(
      pathEl(
        'M800,310 Q840,268 930,262 L1040,256 Q1120,244 1200,240 L1200,252 Q1120,258 1040,268 L930,274 Q850,282 806,318 Z',
        '#55764f',
      ),
    );
    b.push(rect(962, 258, 44, 162, '#e8f6fb'));
    for (let i = 0; i < 6; i++) b.push(rect(968 + i * 6, 266, 2, 154, '#bfe3ef'));
    b.push(ellipse(983, 420, 70, 14, '#e8f6fb'));
    b.push(rect(0, 380, W, H - 380, '#5d8c4a'));
    // rows of coffee shrubs
    for (let row = 0; row < 4; row++) {
      const y = 420 + row * 70;
      const s = 0.6 + row * 0.25;
      for (let x = -20 + (row % 2) * 60; x < W + 40; x += 130 * s) {
        b.push(
          ellipse(x, y, 60 * s, 42 * s, '#2f5d34'),
          ellipse(x - 12 * s, y - 14 * s, 42 * s, 28 * s, '#3f7a42'),
        );
        for (let k = 0; k < 6; k++)
          b.push(
            circle(
              x - 40 * s + rand() * 80 * s,
              y - 20 * s + rand() * 40 * s,
              4 * s + 1,
              rand() < 0.7 ? '#c0392b' : '#e67e22',
            ),
          );
      }
    }
    // picker with basket
    b.push(person(720, 600, 1.35, { shirt: '#f2e6d0', pants: '#3d405b', hat: 'cone' }));
    b.push(ellipse(745, 540, 24, 20, '#a0743f'));
    // sacks of beans
    for (const [x, y] of [
      [170, 650],
      [250, 660],
      [210, 612],
    ]) {
      b.push(
        pathEl(
          `M${x - 34},${y} Q${x - 40},${y - 60} ${x - 20},${y - 70} L${x + 20},${y - 70} Q${x + 40},${y - 60} ${x + 34},${y} Z`,
          '#d9c29a',
        ),
      );
      b.push(rect(x - 22, y - 74, 44, 8, '#b59a6a'));
    }
    for (let i = 0; i < 12; i++) b.push(ellipse(180 + rand() * 60, 560 + rand() * 10, 5, 3.5, '#5b3a24'));
    return svgDoc(defs, b.join('\n'));
  },

  /** District health centre: nurse vaccinating a child, mothers waiting, cool box. */
  clinic() {
    const defs = vGrad('sky', [
      [0, '#cbe8f6'],
      [1, '#f4fbff'],
    ]);
    const b = [rect(0, 0, W, H, 'url(#sky)'), rect(0, 520, W, H - 520, '#d8cfb9')];
    b.push(
      roundTree(90, 530, 70, '#5c4033', '#5e9e6e', '#86c08e'),
      roundTree(1130, 520, 60, '#5c4033', '#5e9e6e', '#86c08e'),
    );
    // building
    b.push(
      rect(200, 210, 800, 310, '#f7f3ea'),
      poly(
        [
          [170, 214],
          [1030, 214],
          [940, 130],
          [260, 130],
        ],
        '#3f7f8f',
      ),
    );
    b.push(rect(200, 300, 800, 10, '#cfe3e6'));
    for (const x of [250, 370, 820, 920])
      b.push(rect(x, 330, 70, 80, '#a7d3e6'), rect(x + 33, 330, 4, 80, '#ffffff'));
    b.push(rect(540, 340, 120, 180, '#5a8a96'));
    // sign with green cross
    b.push(rect(520, 230, 160, 56, '#ffffff', 'stroke="#3f7f8f" stroke-width="4" rx="6"'));
    b.push(rect(587, 238, 26, 40, '#2e9e5b'), rect(580, 245, 40, 26, '#2e9e5b'));
    // awning
    b.push(rect(470, 320, 260, 14, '#2e9e5b'));
    // table with cool box
    b.push(
      rect(300, 520, 200, 12, '#8b6a45'),
      rect(310, 532, 10, 70, '#8b6a45'),
      rect(480, 532, 10, 70, '#8b6a45'),
    );
    b.push(rect(330, 468, 90, 52, '#2b6cb0', 'rx="6"'), rect(330, 468, 90, 12, '#1f4f85', 'rx="4"'));
    b.push(rect(440, 500, 10, 20, '#e8f1f7'), rect(456, 504, 10, 16, '#e8f1f7'));
    // nurse
    b.push(person(560, 640, 1.5, { shirt: '#ffffff', skirt: '#ffffff', hair: '#1d1d1d' }));
    b.push(rect(545, 503, 30, 6, '#2e9e5b'));
    // mother with child
    b.push(person(680, 640, 1.45, { shirt: '#e07a5f', skirt: '#3d405b' }));
    b.push(circle(660, 540, 14, '#d69a6d'), rect(648, 550, 26, 30, '#f2cc8f', 'rx="8"'));
    // queue
    b.push(
      person(820, 640, 1.35, { shirt: '#81b29a', skirt: '#6d597a' }),
      person(900, 640, 1.3, { shirt: '#f2cc8f', pants: '#3d405b' }),
    );
    b.push(person(975, 645, 1.1, { shirt: '#e9c46a', pants: '#264653' }));
    return svgDoc(defs, b.join('\n'));
  },

  /** Electric passenger train crossing a viaduct between green hills, tunnel portal. */
  train() {
    const rand = rng(1212);
    const defs = vGrad('sky', [
      [0, '#7ec8e3'],
      [1, '#e3f4fb'],
    ]);
    const b = [rect(0, 0, W, H, 'url(#sky)'), cloud(220, 110, 1.2), cloud(760, 80, 0.9), cloud(1060, 140, 1)];
    b.push(ridge(rand, { y: 260, amp: 110, step: 200, fill: '#8dbf9a' }));
    b.push(ridge(rand, { y: 360, amp: 70, step: 170, fill: '#5fa574' }));
    // river below
    b.push(pathEl('M0,600 Q400,560 700,600 Q1000,640 1200,590 L1200,675 L0,675 Z', '#5aa6c8'));
    // right hillside with tunnel
    b.push(pathEl('M900,675 L900,380 Q1000,260 1200,250 L1200,675 Z', '#3f7f55'));
    b.push(
      pathEl('M930,420 L930,350 Q975,305 1020,350 L1020,420 Z', '#2b2b2b'),
      pathEl(
        'M920,420 L920,345 Q975,290 1030,345 L1030,420 L1020,420 L1020,350 Q975,305 930,350 L930,420 Z',
        '#cfcfcf',
      ),
    );
    // viaduct
    b.push(rect(0, 420, 940, 24, '#e2ddd2'));
    b.push(rect(0, 444, 940, 8, '#c9c2b3'));
    for (let x = 40; x < 900; x += 120) {
      b.push(rect(x, 452, 26, 172, '#d4cec0'), rect(x - 8, 452, 42, 10, '#c9c2b3'));
    }
    // train
    const tY = 372;
    b.push(
      pathEl(`M120,${tY} L820,${tY} Q890,${tY} 920,${tY + 44} L920,${tY + 48} L120,${tY + 48} Z`, '#f5f5f5'),
    );
    b.push(rect(120, tY + 30, 800, 8, '#c8102e'), rect(120, tY + 40, 800, 4, '#1d4f9c'));
    b.push(pathEl(`M840,${tY + 6} Q880,${tY + 8} 900,${tY + 28} L840,${tY + 28} Z`, '#24364f'));
    for (let x = 140; x < 820; x += 44) {
      if ((x - 140) % 220 === 176) continue;
      b.push(rect(x, tY + 8, 30, 16, '#24364f', 'rx="3"'));
    }
    for (let x = 340; x < 900; x += 220) b.push(rect(x - 2, tY, 4, 48, '#cfcfcf'));
    b.push(line(120, tY - 14, 940, tY - 14, '#555', 1.5));
    for (let x = 100; x < 940; x += 200) b.push(rect(x, tY - 30, 4, 60, '#7d7d7d'));
    b.push(line(500, tY - 14, 520, tY, '#555', 2));
    b.push(
      roundTree(60, 675, 50, '#4b3a2a', '#3f7f55', '#5fa574'),
      roundTree(820, 675, 40, '#4b3a2a', '#3f7f55', '#5fa574'),
    );
    return svgDoc(defs, b.join('\n'));
  },

  /** Solar farm: rows of panels, transmission tower, hills and a high sun. */
  solar() {
    const rand = rng(1313);
    const defs =
      vGrad('sky', [
        [0, '#ffe8a3'],
        [1, '#fff8e1'],
      ]) +
      vGrad('panel', [
        [0, '#2f5e9e'],
        [1, '#1b3560'],
      ]);
    const b = [rect(0, 0, W, H, 'url(#sky)'), sun(260, 130, 60, '#fff3c4', '#ffc94d')];
    b.push(ridge(rand, { y: 300, amp: 80, step: 220, fill: '#b8c98f' }));
    b.push(rect(0, 320, W, H - 320, '#a3b86c'));
    // transmission tower
    const tx = 1020;
    b.push(
      `<g stroke="#6b6b6b" stroke-width="4" fill="none"><path d="M${tx - 50},360 L${tx},120 L${tx + 50},360 M${tx - 70},180 L${tx + 70},180 M${tx - 50},230 L${tx + 50},230 M${tx - 34},280 L${tx + 38},360 M${tx + 34},280 L${tx - 38},360 M${tx - 40},300 L${tx + 40},300"/></g>`,
    );
    b.push(
      `<path d="M${tx - 70},182 Q800,230 560,240 M${tx + 70},182 Q1150,210 1220,215" stroke="#555" stroke-width="1.5" fill="none"/>`,
    );
    // panel rows
    for (let row = 0; row < 5; row++) {
      const y = 360 + row * 62;
      const s = 0.7 + row * 0.16;
      const ph = 36 * s;
      const pw = 120 * s;
      for (let x = -40 + (row % 2) * 30; x < W + 20; x += pw + 8) {
        b.push(
          poly(
            [
              [x, y + ph],
              [x + pw, y + ph],
              [x + pw - 16 * s, y],
              [x - 16 * s, y],
            ],
            'url(#panel)',
          ),
        );
        b.push(line(x - 8 * s, y + ph / 2, x + pw - 8 * s, y + ph / 2, '#7aa6d8', 1.2));
        b.push(line(x + pw / 2 - 8 * s, y, x + pw / 2, y + ph, '#7aa6d8', 1.2));
        b.push(rect(x + pw / 2 - 3, y + ph, 6, 14 * s, '#777'));
      }
      b.push(rect(0, y + ph + 14 * s, W, 4, '#8ea258'));
    }
    b.push(person(150, 660, 1.2, { shirt: '#ff8c1a', pants: '#2b2d42' }));
    return svgDoc(defs, b.join('\n'));
  },
};

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
