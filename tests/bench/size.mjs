#!/usr/bin/env node
// Bundle size of the home route: the JS a first visit must load before the page works (the entry
// chunk and its static imports, recursively: the modulepreload set; not dynamic imports, except
// an entry that the page's entry imports at once: src/boot.ts imports src/main.tsx after the
// first frame) and the initial CSS, gzipped at level 9 (brotli shown for information). Budgets fail the run.
//
//   node tests/bench/size.mjs [--no-build]
//
// Sizes in kB = 1000 bytes, as Vite prints them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST, ensureBuild } from '../e2e/server.mjs';

const BUDGET = { js: 120, css: 15 }; // kB gzipped

const noBuild = process.argv.includes('--no-build');
if (noBuild) ensureBuild({ skip: true });
else ensureBuild({ force: true });

const kB = (n) => (n / 1000).toFixed(1);
const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const buf = readFileSync(join(DIST, file));
    sizes.set(file, {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    });
  }
  return sizes.get(file);
}

/**
 * Manifest keys reachable from `key` through static imports; with `entries`, also through the
 * dynamic import of another entry (src/boot.ts importing src/main.tsx after the first frame).
 */
function graph(manifest, key, { entries = false } = {}, seen = new Set()) {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const imp of manifest[key].imports ?? []) graph(manifest, imp, { entries }, seen);
  if (entries) for (const imp of manifest[key].dynamicImports ?? []) if (manifest[imp]?.isEntry) graph(manifest, imp, { entries }, seen);
  return seen;
}

/** Initial JS and CSS of index.html from the Vite manifest (entry + static imports, recursively). */
function fromManifest(manifest) {
  const entryKey = manifest['index.html'] ? 'index.html' : Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('no entry in dist/.vite/manifest.json');
  const chunks = [...graph(manifest, entryKey, { entries: true })].map((k) => manifest[k]);
  return {
    js: chunks.map((c) => c.file).filter((f) => f.endsWith('.js')),
    css: [...new Set(chunks.flatMap((c) => c.css ?? []))],
    source: 'dist/.vite/manifest.json',
  };
}

/** Fallback: the script, modulepreload and stylesheet tags in dist/index.html. */
function fromHtml(html) {
  const attr = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const local = (u) => u && !/^(https?:)?\/\//.test(u) ? u.replace(/^\//, '') : null;
  const js = [];
  const css = [];
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) if (/type="module"/.test(tag) && local(attr(tag, 'src'))) js.push(local(attr(tag, 'src')));
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = local(attr(tag, 'href'));
    if (!href) continue;
    if (/rel="modulepreload"/.test(tag)) js.push(href);
    else if (/rel="stylesheet"/.test(tag)) css.push(href);
  }
  return { js: [...new Set(js)], css: [...new Set(css)], source: 'dist/index.html (no manifest: set build.manifest: true)' };
}

function allFiles(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(ext)) out.push(relative(DIST, p));
    }
  };
  walk(dir);
  return out;
}

function table(title, files) {
  const rows = files.map((f) => ({ f, ...sizeOf(f) }));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const w = Math.max(40, ...rows.map((r) => r.f.length));
  console.log(`\n${title}`);
  console.log(`  ${'file'.padEnd(w)} ${'raw kB'.padStart(9)} ${'gzip kB'.padStart(9)} ${'brotli kB'.padStart(10)}`);
  for (const r of rows) console.log(`  ${r.f.padEnd(w)} ${kB(r.raw).padStart(9)} ${kB(r.gzip).padStart(9)} ${kB(r.brotli).padStart(10)}`);
  console.log(`  ${'total'.padEnd(w)} ${kB(total.raw).padStart(9)} ${kB(total.gzip).padStart(9)} ${kB(total.brotli).padStart(10)}`);
  return total;
}

const manifestPath = join(DIST, '.vite/manifest.json');
const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
const initial = manifest
  ? fromManifest(manifest)
  : fromHtml(readFileSync(join(DIST, 'index.html'), 'utf8'));
console.log(`Initial assets of / read from ${initial.source}`);

const jsTotal = table('Initial JS (entry + static imports)', initial.js);
const cssTotal = table('Initial CSS', initial.css);

// dist/embed/ is the embed bundle, measured by tests/bench/embed-size.mjs.
const allJs = allFiles(DIST, '.js').filter((f) => !f.startsWith('embed/'));
const lazy = allJs.filter((f) => !initial.js.includes(f)).sort((a, b) => sizeOf(b).gzip - sizeOf(a).gzip);
const everything = allJs.reduce((t, f) => ({ raw: t.raw + sizeOf(f).raw, gzip: t.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 });
table(`Largest lazy JS chunks (${lazy.length} in all)`, lazy.slice(0, 6));
console.log(`\nAll JS: ${allJs.length} files, ${kB(everything.raw)} kB raw, ${kB(everything.gzip)} kB gzip`);

const over = [];
if (jsTotal.gzip > BUDGET.js * 1000) over.push(`initial JS ${kB(jsTotal.gzip)} kB gzip > ${BUDGET.js} kB`);
if (cssTotal.gzip > BUDGET.css * 1000) over.push(`initial CSS ${kB(cssTotal.gzip)} kB gzip > ${BUDGET.css} kB`);
console.log(`\nBudgets (gzip): initial JS ${kB(jsTotal.gzip)} / ${BUDGET.js} kB, CSS ${kB(cssTotal.gzip)} / ${BUDGET.css} kB`);
if (!initial.js.length) over.push('no initial JS found (is dist/ a Vite build?)');
// src/boot.ts must run before the app: were any of main.tsx's chunks among the boot's static
// imports (a module of the boot's landing in the app chunk does that), the app would again be
// evaluated in the task of the page's first layout (README, Decisions: "The app starts after the
// first frame").
if (manifest) {
  const boot = [...graph(manifest, 'index.html')].map((k) => manifest[k].file);
  // The React, framework and app chunks (vite.config.ts's chunk groups) are what must wait.
  const early = boot.filter((f) => /\/(react|framework|app)-/.test(f));
  console.log(`Boot (index.html's script) imports before the first frame: ${boot.join(', ')}`);
  if (!manifest['src/main.tsx']) over.push('no src/main.tsx entry in the manifest: the app is no longer started after the first frame');
  if (early.length) over.push(`the boot imports the app's chunks before the first frame: ${early.join(', ')}`);
}
if (over.length) {
  console.log(`OVER BUDGET: ${over.join('; ')}`);
  process.exit(1);
}
console.log('Within budget.');
