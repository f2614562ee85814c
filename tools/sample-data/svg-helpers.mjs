/**
 * SVG building blocks for the sample illustrations (tools/sample-data/make-sample-images.mjs):
 * the canvas size, a seeded PRNG, shape primitives that emit SVG elements as strings, and a few
 * recurring figures (hills, clouds, sun, people, trees).
 *
 * Nothing here reads the clock or Math.random: randomness comes from rng(seed), so the same drawing
 * code gives the same SVG text, and hence the same WebP files, on every run. Coordinates are rounded
 * to one decimal (r1) to keep the SVG text short.
 */

/** Canvas width of every drawing, in px (the 1200 px WebP is rendered at this size). */
export const W = 1200;
/** Canvas height of every drawing, in px (16:9). */
export const H = 675;

/**
 * Seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every run.
 * @param {number} seed
 * @returns {() => number} a function returning floats in [0, 1)
 */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds to one decimal: enough precision at 1200 px, and short SVG text. */
export const r1 = (n) => Math.round(n * 10) / 10;

/**
 * Wraps `<defs>` content and body elements into a complete W×H SVG document.
 * @param {string} defs
 * @param {string} body
 * @returns {string}
 */
export function svgDoc(defs, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>${defs}</defs>
${body}
</svg>`;
}

/**
 * Vertical (top to bottom) linear gradient, referenced as `url(#id)`.
 * @param {string} id
 * @param {Array<[number, string]>} stops offset (0–1) and colour pairs
 * @returns {string}
 */
export function vGrad(id, stops) {
  const s = stops.map(([o, c]) => `<stop offset="${o}" stop-color="${c}"/>`).join('');
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${s}</linearGradient>`;
}

/*
 * Shape primitives: each returns one SVG element as a string. `extra` is appended verbatim as
 * further attributes (opacity, rx, transform, ...).
 */
export const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" fill="${fill}" ${extra}/>`;
export const circle = (cx, cy, r, fill, extra = '') =>
  `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="${fill}" ${extra}/>`;
export const ellipse = (cx, cy, rx, ry, fill, extra = '') =>
  `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx)}" ry="${r1(ry)}" fill="${fill}" ${extra}/>`;
export const poly = (pts, fill, extra = '') =>
  `<polygon points="${pts.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ')}" fill="${fill}" ${extra}/>`;
export const pathEl = (d, fill, extra = '') => `<path d="${d}" fill="${fill}" ${extra}/>`;
export const line = (x1, y1, x2, y2, stroke, w = 2, extra = '') =>
  `<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke="${stroke}" stroke-width="${w}" stroke-linecap="round" ${extra}/>`;

/** Smooth path through points (Catmull-Rom converted to cubic Béziers). */
export function smooth(pts) {
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
export function ridge(rand, { y, amp, step = 120, bottom = H, fill, extra = '' }) {
  const pts = [];
  for (let x = -step; x <= W + step; x += step) {
    pts.push([x, y - rand() * amp]);
  }
  const d = `${smooth(pts)} L${W + step},${bottom} L${-step},${bottom} Z`;
  return pathEl(d, fill, extra);
}

/** A band whose top edge is a gentle wave; used for terraces, water and fields. */
export function waveBand(top, bottom, { amp = 12, freq = 0.006, phase = 0, fill, extra = '' }) {
  const pts = [];
  for (let x = -40; x <= W + 40; x += 40) pts.push([x, top + Math.sin(x * freq + phase) * amp]);
  return pathEl(`${smooth(pts)} L${W + 40},${bottom} L-40,${bottom} Z`, fill, extra);
}

/** A puffy cloud centred near (x, y); `s` scales it. */
export function cloud(x, y, s, fill = '#ffffff', op = 0.9) {
  return `<g opacity="${op}" fill="${fill}">${ellipse(x, y, 60 * s, 22 * s, fill)}${circle(
    x - 22 * s,
    y - 14 * s,
    24 * s,
    fill,
  )}${circle(x + 18 * s, y - 20 * s, 30 * s, fill)}</g>`;
}

/** A sun with two translucent halo rings. */
export function sun(cx, cy, r, core, glow) {
  return `${circle(cx, cy, r * 2.2, glow, 'opacity="0.25"')}${circle(cx, cy, r * 1.5, glow, 'opacity="0.35"')}${circle(cx, cy, r, core)}`;
}

/** Simple standing person, feet at (x, y). */
export function person(
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
export function palm(x, y, h, trunk = '#6b4f3a', leaf = '#2f6b3a', lean = 20) {
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

/** Broadleaf tree rooted at (x, y) with a crown of radius `r`. */
export function roundTree(x, y, r, trunk = '#5c4033', leaf = '#3f7d4e', leaf2 = '#56a06a') {
  return `<g>${rect(x - r * 0.12, y - r * 1.1, r * 0.24, r * 1.1, trunk)}${circle(x, y - r * 1.5, r, leaf)}${circle(
    x - r * 0.35,
    y - r * 1.75,
    r * 0.55,
    leaf2,
  )}</g>`;
}
