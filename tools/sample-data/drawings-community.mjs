/**
 * Sample illustrations of community life: a primary classroom, a football stadium, a district health centre.
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
  poly,
  pathEl,
  line,
  cloud,
  person,
  roundTree,
} from './svg-helpers.mjs';

/**
 * Drawings by image name (the stem of the output file names).
 * @type {Record<string, () => string>}
 */
export const communityDrawings = {
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
};
