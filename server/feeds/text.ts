/*
 * Text as the feeds publish it: characters no XML 1.0 parser accepts are dropped here, once, for
 * the JSON feed too, so the same article reads the same in every format.
 */
import type { ArticleSummary } from '../../src/types/article.ts';

/**
 * Everything outside XML 1.0's Char production (C0 controls but tab and line feed, lone
 * surrogates, U+FFFE, U+FFFF), plus DEL and the C1 controls: legal in XML but never text a
 * reader should see, and some feed readers refuse a document that has them. With the `u` flag a
 * lone surrogate is a code point of its own, so it falls outside the class; a pair does not.
 */
const NOT_TEXT = /[^\t\n\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text safe to put in any feed: line endings as `\n`, no characters a parser would refuse. */
export function feedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_TEXT, '');
}

/** A one-line field (title, name, tag) as feed text, white space collapsed; undefined when empty. */
export function feedLine(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return feedText(text).replace(/\s+/g, ' ').trim() || undefined;
}

/** Category first, then the tags, once each: neither JSON Feed nor RSS has a field for the section alone. */
export function articleTags(a: ArticleSummary): string[] {
  const names = [a.category?.name, ...a.tags].map(feedLine).filter((t): t is string => t !== undefined);
  return [...new Set(names)];
}

/** The byline's names, cleaned, empty ones dropped. */
export function bylineNames(a: ArticleSummary): string[] {
  return a.byline.map(feedLine).filter((name): name is string => name !== undefined);
}
