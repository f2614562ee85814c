/**
 * Word forms by language: Snowball stemmers (the @orama/stemmers port, one small module per
 * language, decision 070) map each indexed word to its stem, and a query word is expanded to the
 * indexed words that share its stem, at a lower weight than the word itself (ranking.ts), so
 * "election" finds an article that only says "elections" and the exact form still ranks first.
 *
 * The stemmers load with the index (in the search worker, or with the main-thread fallback
 * engine), one module per language present in the corpus, and never in the first screen.
 */

/** word → stem. */
export type Stemmer = (word: string) => string;

/** Stemmers by language key (see {@link languageKey}). */
export type Stemmers = ReadonlyMap<string, Stemmer>;

interface StemmerModule {
  stemmer: Stemmer;
}

/**
 * The languages with a Snowball stemmer, by ISO 639-1 code. Each import is its own chunk (0.3 to
 * 3 KB gzipped; Serbian 12 KB), fetched only when an indexed article is in that language.
 */
const LOADERS: Record<string, () => Promise<StemmerModule>> = {
  ar: () => import('@orama/stemmers/arabic'),
  bg: () => import('@orama/stemmers/bulgarian'),
  da: () => import('@orama/stemmers/danish'),
  de: () => import('@orama/stemmers/german'),
  el: () => import('@orama/stemmers/greek'),
  en: () => import('@orama/stemmers/english'),
  es: () => import('@orama/stemmers/spanish'),
  fi: () => import('@orama/stemmers/finnish'),
  fr: () => import('@orama/stemmers/french'),
  ga: () => import('@orama/stemmers/irish'),
  hi: () => import('@orama/stemmers/indian'),
  hu: () => import('@orama/stemmers/hungarian'),
  hy: () => import('@orama/stemmers/armenian'),
  id: () => import('@orama/stemmers/indonesian'),
  it: () => import('@orama/stemmers/italian'),
  lt: () => import('@orama/stemmers/lithuanian'),
  ne: () => import('@orama/stemmers/nepali'),
  nl: () => import('@orama/stemmers/dutch'),
  no: () => import('@orama/stemmers/norwegian'),
  pt: () => import('@orama/stemmers/portuguese'),
  ro: () => import('@orama/stemmers/romanian'),
  ru: () => import('@orama/stemmers/russian'),
  sr: () => import('@orama/stemmers/serbian'),
  sv: () => import('@orama/stemmers/swedish'),
  ta: () => import('@orama/stemmers/tamil'),
  tr: () => import('@orama/stemmers/turkish'),
  uk: () => import('@orama/stemmers/ukrainian'),
};

/** Language tags that name the same stemmer under another code. */
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no', ms: 'id' };

/** The stemmer key of a language tag: its primary subtag, lower-cased (`pt-BR` → `pt`). */
export function languageKey(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return ALIASES[primary] ?? (primary || undefined);
}

/** The language keys that have a stemmer. */
export const STEMMED_LANGUAGES: readonly string[] = Object.keys(LOADERS);

export function hasStemmer(tag: string | undefined): boolean {
  const key = languageKey(tag);
  return key !== undefined && key in LOADERS;
}

const loaded = new Map<string, Promise<Stemmer>>();

/**
 * The stemmers of the given languages (tags such as `fr`, `pt-BR`), loaded once each. Languages
 * without a stemmer are left out; a stemmer that fails to load is left out too (search still works,
 * without word forms for that language).
 */
export async function loadStemmers(tags: Iterable<string | undefined>): Promise<Stemmers> {
  const keys = new Set<string>();
  for (const tag of tags) {
    const key = languageKey(tag);
    if (key && key in LOADERS) keys.add(key);
  }
  const out = new Map<string, Stemmer>();
  await Promise.all(
    [...keys].map(async (key) => {
      let pending = loaded.get(key);
      if (!pending) {
        pending = LOADERS[key]!().then((m) => m.stemmer);
        loaded.set(key, pending);
      }
      try {
        out.set(key, await pending);
      } catch (error) {
        loaded.delete(key);
        console.warn(`Search: no word forms for "${key}", its stemmer did not load`, error);
      }
    }),
  );
  return out;
}

/** Terms shorter than this, and terms with digits, are not stemmed (they are names, codes, numbers). */
const STEM_MIN_LENGTH = 3;
const HAS_DIGIT = /\p{N}/u;

/** Whether a term is worth stemming at all. */
export function isStemmable(term: string): boolean {
  return term.length >= STEM_MIN_LENGTH && !HAS_DIGIT.test(term);
}
