/**
 * Sample illustrations of infrastructure: a river bridge, a mountain road, a railway viaduct, a solar farm.
 * Each drawing is a function returning an SVG document; its seed makes it deterministic.
 */
import {
  W,
  H,
  rng,
  svgDoc,
  vGrad,
  rect,
  circle,
  poly,
  pathEl,
  line,
  ridge,
  cloud,
  sun,
  person,
  roundTree,
} from './svg-helpers.mjs';

/**
 * Drawings by image name (the stem of the output file names).
 * @type {Record<string, () => string>}
 */
export const infrastructureDrawings = {
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
