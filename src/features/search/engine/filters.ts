/**
 * Filters (category, tag, language, date range) and facet counts. Each facet counts the matches
 * that pass every filter except its own, so choosing another value shows its true count.
 */
import type { Facets, SearchDoc, SearchOptions } from './types.ts';

/** What filtering and ordering need of a document, computed once at build time. */
export interface DocMeta {
  doc: SearchDoc;
  /** ms since epoch, NaN when undated. */
  time: number;
  /** `time`, with undated documents last in newest-first order. */
  sortTime: number;
  categorySlug: string | undefined;
  tagsLower: string[];
  /** The document's distinct tags as facet keys (first spelling seen in the corpus). */
  tagKeys: string[];
  languageLower: string | undefined;
}

/**
 * The documents to index, without repeated ids (feeds repeat them, DESIGN.md: the first wins, as
 * in the article list), with their filter data. A tag's facet key keeps the feed's spelling (the
 * first seen); filters ignore case.
 */
export function describeDocs(docs: SearchDoc[]): DocMeta[] {
  const seen = new Set<string>();
  const tagSpelling = new Map<string, string>();
  const metas: DocMeta[] = [];
  for (const doc of docs) {
    if (seen.has(doc.id)) continue;
    seen.add(doc.id);
    const tagsLower = [...new Set(doc.tags.map((t) => t.toLowerCase()))];
    for (const t of doc.tags) {
      const lower = t.toLowerCase();
      if (!tagSpelling.has(lower)) tagSpelling.set(lower, t);
    }
    const time = doc.datePublished ? Date.parse(doc.datePublished) : NaN;
    metas.push({
      doc,
      time,
      sortTime: Number.isNaN(time) ? -Infinity : time,
      categorySlug: doc.category?.slug,
      tagsLower,
      tagKeys: tagsLower.map((t) => tagSpelling.get(t) ?? t),
      languageLower: doc.language?.toLowerCase(),
    });
  }
  return metas;
}

export interface CompiledFilters {
  category: string | undefined;
  tag: string | undefined;
  language: string | undefined;
  from: number | undefined;
  to: number | undefined;
}

function parseBound(iso: string | undefined, end: boolean): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  // A bare date as the upper bound means "up to the end of that day".
  return end && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? t + 86_400_000 - 1 : t;
}

/** The options' filters in the form the per-candidate checks use (lower case, epoch ms). */
export function compileFilters(opts: SearchOptions): CompiledFilters {
  return {
    category: opts.category || undefined,
    tag: opts.tag ? opts.tag.toLowerCase() : undefined,
    language: opts.language ? opts.language.toLowerCase() : undefined,
    from: parseBound(opts.from, false),
    to: parseBound(opts.to, true),
  };
}

/** True when any filter is set: an empty query then lists what the filters select. */
export function hasFilter(f: CompiledFilters): boolean {
  return Object.values(f).some((v) => v !== undefined);
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** Applies the filters to `candidates` and counts the facets, in one pass. */
export function filterAndCount<T extends { ord: number }>(
  candidates: T[],
  metas: DocMeta[],
  f: CompiledFilters,
): { facets: Facets; passing: T[] } {
  const facets: Facets = { category: {}, tag: {}, language: {} };
  const passing: T[] = [];
  const hasDate = f.from !== undefined || f.to !== undefined;
  for (const c of candidates) {
    const meta = metas[c.ord]!;
    const okCategory = f.category === undefined || meta.categorySlug === f.category;
    const okTag = f.tag === undefined || meta.tagsLower.includes(f.tag);
    const lang = meta.languageLower;
    const okLanguage =
      f.language === undefined ||
      (lang !== undefined && (lang === f.language || lang.startsWith(f.language + '-')));
    const okDate =
      !hasDate ||
      (!Number.isNaN(meta.time) &&
        (f.from === undefined || meta.time >= f.from) &&
        (f.to === undefined || meta.time <= f.to));
    if (!okDate) continue;
    if (okTag && okLanguage && meta.categorySlug) increment(facets.category, meta.categorySlug);
    if (okCategory && okLanguage) for (const t of meta.tagKeys) increment(facets.tag, t);
    if (okCategory && okTag && lang) increment(facets.language, lang);
    if (okCategory && okTag && okLanguage) passing.push(c);
  }
  return { facets, passing };
}
