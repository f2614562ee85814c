import * as v from 'valibot';
import type { Article, ArticleSummary } from './article.ts';

/*
 * The domain article as a valibot schema: the promises every source adapter makes about what it
 * hands to the app, beyond what TypeScript can say (a headline is one non-empty line, dates are
 * ISO instants, URLs are http(s), the language is a well-formed BCP 47 tag…). Source adapters'
 * tests check their output against it (property tests feed them arbitrary JSON); the app does
 * not import it, so it costs the bundle nothing.
 */

/** One line of text: trimmed, no line breaks, not empty, at most `max` characters. */
const line = (max: number) =>
  v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(max),
    v.check((s) => s === s.trim() && !/[\r\n]/.test(s), 'must be one trimmed line'),
  );
const httpUrl = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.href === s;
    } catch {
      return false;
    }
  }, 'must be an absolute, normalized http(s) URL'),
);
const isoInstant = v.pipe(
  v.string(),
  v.check((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'must be an ISO 8601 instant (toISOString)'),
);
const slug = v.pipe(v.string(), v.regex(/^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u), v.maxLength(80));
const languageTag = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      return Intl.getCanonicalLocales(s)[0] === s;
    } catch {
      return false;
    }
  }, 'must be a canonical BCP 47 tag'),
);
const dimension = v.pipe(v.number(), v.finite(), v.minValue(1));

export const ArticleImageSchema = v.strictObject({
  url: httpUrl,
  thumbUrl: v.optional(httpUrl),
  alt: v.pipe(v.string(), v.maxLength(400)),
  caption: v.optional(line(600)),
  credit: v.optional(line(120)),
  width: v.optional(dimension),
  height: v.optional(dimension),
  renditions: v.optional(v.array(v.strictObject({ url: httpUrl, width: dimension }))),
});

export const ArticleSummarySchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(2048), v.check((s) => s === s.trim(), 'must be trimmed')),
  slug,
  url: v.optional(httpUrl),
  headline: line(300),
  standfirst: v.optional(line(600)),
  bodyText: v.string(),
  datePublished: v.optional(isoInstant),
  dateModified: v.optional(isoInstant),
  byline: v.pipe(v.array(line(120)), v.maxLength(20)),
  dateline: v.optional(line(120)),
  category: v.optional(v.strictObject({ name: line(120), slug })),
  tags: v.pipe(
    v.array(line(80)),
    v.maxLength(50),
    v.check((tags) => new Set(tags).size === tags.length, 'tags must be unique'),
  ),
  language: v.optional(languageTag),
  image: v.optional(ArticleImageSchema),
  source: v.optional(line(120)),
  sourceId: v.pipe(v.string(), v.minLength(1)),
  untrustedBodyHtml: v.optional(v.string()),
});

/** A full article: in tests (no Trusted Types) the sanitized parts are strings. */
export const ArticleSchema = v.strictObject({
  ...v.omit(ArticleSummarySchema, ['untrustedBodyHtml']).entries,
  bodyHtml: v.array(v.string()),
});

// The schemas and the TypeScript types must describe the same thing: this fails to compile if
// a field is added to one and not the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const summaryMatches: Same<keyof v.InferOutput<typeof ArticleSummarySchema>, keyof ArticleSummary> = true;
const articleMatches: Same<keyof v.InferOutput<typeof ArticleSchema>, Exclude<keyof Article, 'untrustedBodyHtml'>> = true;
export const SCHEMAS_MATCH_TYPES = summaryMatches && articleMatches;
