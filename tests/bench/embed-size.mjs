#!/usr/bin/env node
// Size of the embed bundle (dist/embed/, built by `npm run build:embed`): the JS a host page
// loads for <news-reader> and for <news-recent> (stable loader + entry + static imports,
// recursively; lazy routes listed apart), embed.js, and the iframe page's initial JS. Gzip
// level 9, kB = 1000 bytes. Budgets fail the run; so does router or search code in <news-recent>.
//
//   node tests/bench/embed-size.mjs [--no-build]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, ensureBuild } from '../e2e/server.mjs';

const BUDGET = { reader: 140, recent: 100, hostScript: 2 }; // kB gzipped
const ENTRIES = { reader: 'src/embed/news-reader.ts', recent: 'src/embed/news-recent.tsx' };
/** Source paths that must not be in <news-recent>'s bundle (it must load without the reader). */
const NOT_IN_RECENT = [/node_modules\/react-router\//, /src\/features\/search\//, /src\/app\/router\.tsx$/, /src\/app\/layout\//];

const noBuild = process.argv.includes('--no-build');
if (noBuild) ensureBuild({ skip: true });
else ensureBuild({ force: true });

const EMBED = join(DIST, 'embed');
const manifestPath = join(EMBED, 'manifest.json');
if (!existsSync(manifestPath)) {
  console.log('OVER BUDGET: dist/embed/manifest.json is missing (run npm run build:embed)');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const kB = (n) => (n / 1000).toFixed(1);
const size = (file) => {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

/** The entry's chunk and its static imports (recursively), then what it may import later. */
function closure(key) {
  const initial = [];
  const lazy = new Set();
  const seen = new Set();
  const visit = (k, into) => {
    if (seen.has(k)) return;
    seen.add(k);
    const chunk = manifest[k];
    if (!chunk) return;
    into.push(chunk.file);
    for (const imp of chunk.imports ?? []) visit(imp, into);
    for (const dyn of chunk.dynamicImports ?? []) lazy.add(dyn);
  };
  visit(key, initial);
  const later = [];
  for (const dyn of lazy) visit(dyn, later);
  return { initial, later };
}

function sourcesOf(files) {
  return files.flatMap((f) => {
    const map = join(EMBED, `${f}.map`);
    return existsSync(map) ? JSON.parse(readFileSync(map, 'utf8')).sources.map((s) => s.replace(/^(\.\.\/)+/, '')) : [];
  });
}

function report(label, loader, key) {
  const { initial, later } = closure(key);
  const files = [loader, ...initial];
  const rows = files.map((f) => ({ f, ...size(join(EMBED, f)) }));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const lazyTotal = later.reduce((t, f) => t + size(join(EMBED, f)).gzip, 0);
  const w = Math.max(36, ...rows.map((r) => r.f.length));
  console.log(`\n${label}: loaded by the host page (loader + entry + static imports)`);
  for (const r of rows) console.log(`  ${r.f.padEnd(w)} ${kB(r.raw).padStart(8)} kB ${kB(r.gzip).padStart(8)} kB gz`);
  console.log(`  ${'total'.padEnd(w)} ${kB(total.raw).padStart(8)} kB ${kB(total.gzip).padStart(8)} kB gz`);
  console.log(`  later, on demand (article, search, sanitizer…): ${later.length} files, ${kB(lazyTotal)} kB gz`);
  return { ...total, files: initial };
}

const over = [];
const reader = report('<news-reader>', 'news-reader.js', ENTRIES.reader);
const recent = report('<news-recent>', 'news-recent.js', ENTRIES.recent);
const forbidden = sourcesOf(recent.files).filter((s) => NOT_IN_RECENT.some((re) => re.test(s)));
if (forbidden.length) over.push(`<news-recent> bundles router or search code: ${[...new Set(forbidden)].slice(0, 5).join(', ')}`);
else console.log('  no router, search or app-shell code in it (checked in its source maps)');
// Tailwind builds <news-recent>'s CSS from the files recent.css names: a component added to the
// widget but not named there would render without its utilities.
const recentCss = readFileSync(join(DIST, '..', 'src/embed/recent.css'), 'utf8');
const named = new Set([...recentCss.matchAll(/@source '([^']+)'/g)].map((m) => join('src/embed', m[1])));
const unstyled = [...new Set(sourcesOf(recent.files))].filter((s) => s.startsWith('src/') && s.endsWith('.tsx') && !named.has(s));
if (unstyled.length) over.push(`<news-recent> renders components its stylesheet does not scan (add @source lines to src/embed/recent.css): ${unstyled.join(', ')}`);
else console.log('  its stylesheet scans every component it renders (src/embed/recent.css)');

const host = size(join(EMBED, 'embed.js'));
console.log(`\nembed.js (iframe host script): ${kB(host.raw)} kB, ${kB(host.gzip)} kB gz`);

const appManifest = join(DIST, '.vite/manifest.json');
if (existsSync(appManifest)) {
  const app = JSON.parse(readFileSync(appManifest, 'utf8'));
  const seen = new Set();
  let gz = 0;
  const visit = (k) => {
    if (seen.has(k) || !app[k]) return;
    seen.add(k);
    gz += size(join(DIST, app[k].file)).gzip;
    for (const imp of app[k].imports ?? []) visit(imp);
  };
  visit('embed.html');
  console.log(`embed.html (iframe page) initial JS: ${kB(gz)} kB gz`);
}

if (reader.gzip > BUDGET.reader * 1000) over.push(`<news-reader> ${kB(reader.gzip)} kB gz > ${BUDGET.reader} kB`);
if (recent.gzip > BUDGET.recent * 1000) over.push(`<news-recent> ${kB(recent.gzip)} kB gz > ${BUDGET.recent} kB`);
if (host.gzip > BUDGET.hostScript * 1000) over.push(`embed.js ${kB(host.gzip)} kB gz > ${BUDGET.hostScript} kB`);
console.log(
  `\nBudgets (gzip): <news-reader> ${kB(reader.gzip)} / ${BUDGET.reader} kB, <news-recent> ${kB(recent.gzip)} / ${BUDGET.recent} kB, embed.js ${kB(host.gzip)} / ${BUDGET.hostScript} kB`,
);
if (over.length) {
  console.log(`OVER BUDGET: ${over.join('; ')}`);
  process.exit(1);
}
console.log('Within budget.');
