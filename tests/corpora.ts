/**
 * Where the big shared test data lives, and what a test that needs it does without it.
 *
 * The research corpora and third-party feeds (`corpora/…`, `fixtures/…`) sit beside the
 * repository in `../shared/data`, or wherever CORPORA_DIR says. They must never be copied into
 * the repository: their licences forbid it. So a fresh clone runs without them: a suite that
 * needs a missing file is skipped with one loud SKIPPED line naming the file and how to get it,
 * and under CORPORA_REQUIRED=1 (CI, set by .ci/run) it fails instead, so CI cannot go green by
 * quietly testing less. Tests of parsing and behaviour use the project's own tests/fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** The repository root (this file is <root>/tests/corpora.ts), so the default holds from any cwd. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Root of the shared data: $CORPORA_DIR (a relative value is taken from the cwd), else `<repo>/../shared/data`. */
export const CORPORA_DIR = process.env.CORPORA_DIR
  ? resolve(process.env.CORPORA_DIR)
  : resolve(REPO_ROOT, '../shared/data');

/** CORPORA_REQUIRED=1: a missing file fails the suites that need it instead of skipping them. */
export const CORPORA_REQUIRED = process.env.CORPORA_REQUIRED === '1';

const HOW_TO_GET_IT = 'set CORPORA_DIR or check out shared/ beside the repo';

/** Absolute path of `rel` (e.g. `corpora/lao-a.feed.json`) under CORPORA_DIR, or null when it is not there. */
export function corpusPath(rel: string): string | null {
  const path = join(CORPORA_DIR, rel);
  return existsSync(path) ? path : null;
}

/** Text of a shared file; throws an error naming the file and how to get it when it is missing. */
export function readCorpusText(rel: string): string {
  const path = corpusPath(rel);
  if (path === null) throw new Error(`missing shared test data ${join(CORPORA_DIR, rel)} (${HOW_TO_GET_IT})`);
  return readFileSync(path, 'utf8');
}

/** A shared JSON file, parsed (see {@link readCorpusText}). */
export function readCorpusJson(rel: string): unknown {
  return JSON.parse(readCorpusText(rel)) as unknown;
}

type Needs = string | readonly string[];

/** The needed files that are missing, as absolute paths. */
function missing(needs: Needs): string[] {
  const rels = typeof needs === 'string' ? [needs] : needs;
  return rels.filter((rel) => corpusPath(rel) === null).map((rel) => join(CORPORA_DIR, rel));
}

/**
 * Registers what stands in for a test or suite whose files are missing: a failing test under
 * CORPORA_REQUIRED=1, else a skipped one and one SKIPPED line. The line is written at collection
 * time with console.warn (vitest prints it under the file's name; tests/setup.ts fails tests on
 * console.error only), so it shows in plain `npx vitest run` output.
 */
function standIn(name: string, absent: string[], title: string): void {
  const what = absent.join(', ');
  if (CORPORA_REQUIRED) {
    it(title, () => {
      throw new Error(`MISSING: ${name} needs ${what} and CORPORA_REQUIRED=1 (${HOW_TO_GET_IT})`);
    });
    return;
  }
  console.warn(`SKIPPED: ${name} needs ${what} (${HOW_TO_GET_IT})`);
  it.skip(title, () => {});
}

/**
 * `describe(name, fn)` when every file in `needs` (paths under CORPORA_DIR) is there; otherwise
 * `fn` is never called (suites often load their corpus while being collected) and a stand-in
 * test skips with a SKIPPED line, or fails under CORPORA_REQUIRED=1.
 */
export function describeWithCorpus(needs: Needs, name: string, fn: () => void): void {
  const absent = missing(needs);
  if (absent.length === 0) describe(name, fn);
  else describe(name, () => standIn(name, absent, `needs ${absent.join(', ')}`));
}

/** `it(name, fn, timeout)` when every file in `needs` is there; otherwise as {@link describeWithCorpus}. */
export function itWithCorpus(needs: Needs, name: string, fn: () => unknown, timeout?: number): void {
  const absent = missing(needs);
  if (absent.length === 0) it(name, fn, timeout);
  else standIn(name, absent, `${name} (needs ${absent.join(', ')})`);
}
