/**
 * Sample illustrations of making a living: rice terraces, a river boatman, a market stall, a coffee farm.
 * Each drawing is a function returning an SVG document; its seed makes it deterministic.
 */
import {
  W,
  H,
  rng,
  r1,
  svgDoc,
  vGrad,
  rect,
  circle,
  ellipse,
  poly,
  pathEl,
  line,
  ridge,
  waveBand,
  cloud,
  sun,
  person,
  palm,
} from './svg-helpers.mjs';

/**
 * Drawings by image name (the stem of the output file names).
 * @type {Record<string, () => string>}
 */
export const livelihoodDrawings = {
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
};
