/*
 * Brotli and gzip copies of the built text files (`file.js.br`, `file.js.gz`), written once at
 * build time at the highest settings, so neither the Node server (server/static-files.ts) nor
 * nginx (`brotli_static`/`gzip_static`) compresses on each request. Only copies that are
 * actually smaller are kept.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(html|js|mjs|css|json|svg|webmanifest|txt|xml|map)$/i;
/** Below this a response fits in one packet anyway. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function precompress(dist: string): { files: number; bytes: number; br: number; gzip: number } {
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 };
  for (const file of files(dist)) {
    if (!TEXT.test(file) || file.endsWith('.map')) continue;
    const body = readFileSync(file);
    for (const suffix of ['.br', '.gz']) if (existsSync(file + suffix)) unlinkSync(file + suffix);
    if (statSync(file).size < MIN_BYTES) continue;
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
    });
    const gz = gzipSync(body, { level: 9 });
    totals.files++;
    totals.bytes += body.byteLength;
    if (br.byteLength < body.byteLength) {
      writeFileSync(`${file}.br`, br);
      totals.br += br.byteLength;
    }
    if (gz.byteLength < body.byteLength) {
      writeFileSync(`${file}.gz`, gz);
      totals.gzip += gz.byteLength;
    }
  }
  return totals;
}
