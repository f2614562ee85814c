/**
 * Test and benchmark support only (Node): reads a corpus from the shared research data, which
 * must never be copied into the repository (see ../shared/data/README.md). Where that data is,
 * and what a test does without it, is tests/corpora.ts's business.
 */
import { resolve } from 'node:path';
import type { SearchDoc } from '../engine/types.ts';
import { feedToSearchDocs } from './feed-corpus.ts';
import * as corpora from '../../../../tests/corpora.ts';

/** The shared corpora folder: `corpora/` under CORPORA_DIR (default ../shared/data beside the repo). */
export const CORPORA_DIR = resolve(corpora.CORPORA_DIR, 'corpora') + '/';

/** A corpus file (`name` in corpora/), parsed; throws naming the file and how to get it when missing. */
export function readCorpusJson(name: string): unknown {
  return corpora.readCorpusJson(`corpora/${name}`);
}

export function loadCorpus(name: string): SearchDoc[] {
  return feedToSearchDocs(readCorpusJson(name));
}

const inCorpora = (names: string | readonly string[]) =>
  (typeof names === 'string' ? [names] : names).map((name) => `corpora/${name}`);

/** tests/corpora.ts's describeWithCorpus, with `names` as loadCorpus takes them (files in corpora/). */
export function describeWithCorpus(names: string | readonly string[], title: string, fn: () => void): void {
  corpora.describeWithCorpus(inCorpora(names), title, fn);
}

/** tests/corpora.ts's itWithCorpus, with `names` as loadCorpus takes them (files in corpora/). */
export function itWithCorpus(names: string | readonly string[], title: string, fn: () => unknown, timeout?: number): void {
  corpora.itWithCorpus(inCorpora(names), title, fn, timeout);
}
