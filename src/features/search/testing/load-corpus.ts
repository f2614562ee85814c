/**
 * Test and benchmark support only (Node): reads a corpus from the shared research data, which
 * must never be copied into the repository (see ../shared/data/README.md).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SearchDoc } from '../engine/types.ts';
import { feedToSearchDocs } from './feed-corpus.ts';

/** ../shared/data/corpora from the project root (vitest and `npm run bench:*` run there). */
export const CORPORA_DIR = resolve(process.cwd(), '../shared/data/corpora') + '/';

export function readCorpusJson(name: string): unknown {
  return JSON.parse(readFileSync(CORPORA_DIR + name, 'utf8')) as unknown;
}

export function loadCorpus(name: string): SearchDoc[] {
  return feedToSearchDocs(readCorpusJson(name));
}
