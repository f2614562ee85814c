/**
 * Sample illustrations of heritage and festivals: a golden stupa with monks, a boat racing festival.
 * Each drawing is a function returning an SVG document; its seed makes it deterministic.
 */
import { W, H, rng, svgDoc, vGrad, rect, circle, poly, pathEl, line, cloud, person } from './svg-helpers.mjs';

/**
 * Drawings by image name (the stem of the output file names).
 * @type {Record<string, () => string>}
 */
export const cultureDrawings = {
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
};
