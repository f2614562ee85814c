/*
 * The Google News sitemap
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): Google
 * wants only articles published in the last two days, at most 1,000 of them, each with the
 * publication's name and language. It is a separate file from the sitemap index so that it stays
 * small and is fetched often; the article pages are in the ordinary sitemap too.
 */
import type { ArticleSummary } from '../../src/types/article.ts';
import { rfc3339, timeOf } from './dates.ts';
import { articleHref, type FeedSite } from './site.ts';
import { feedLine } from './text.ts';
import { XML_DECLARATION, element, textElement } from './xml.ts';

export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX_URLS = 1_000;

/**
 * The language code Google News accepts for a BCP 47 tag: the ISO 639 code (`lo`, `th`, `en`),
 * except Chinese, which is `zh-cn` (Simplified) or `zh-tw` (Traditional), told apart by the
 * script the tag has or implies (zh-HK and zh-Hant are Traditional, zh and zh-SG Simplified).
 * Old codes are brought up to date on the way (`iw` → `he`, `lao` → `lo`). Undefined for a
 * malformed or undetermined tag.
 */
export function newsLanguage(tag: string | undefined): string | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag?.trim() ?? '');
  } catch {
    return undefined;
  }
  const language = locale.language;
  if (!language || language === 'und') return undefined;
  if (language === 'zh') return locale.maximize().script === 'Hant' ? 'zh-tw' : 'zh-cn';
  return language;
}

/**
 * The news sitemap, served at `FEED_PATHS.newsSitemap`: articles published from 48 hours before
 * `now` up to `now` (both included), newest first, at most 1,000. An article dated after `now`
 * waits for its time: a clock or time-zone error in a feed must not announce it early. Undated
 * articles cannot be placed in the window and are left out, as are those without a language
 * (their own, else the site's) or an http(s) URL. Empty is fine: Google expects it after a quiet
 * two days.
 */
export function googleNewsSitemap(articles: readonly ArticleSummary[], site: FeedSite, now: Date): string {
  const end = now.getTime();
  const start = end - NEWS_SITEMAP_WINDOW_MS;
  const siteLanguage = newsLanguage(site.language);
  const name = feedLine(site.siteName) ?? '';
  const recent = articles
    .map((a) => ({ a, time: timeOf(a.datePublished) }))
    .filter(
      (r): r is { a: ArticleSummary; time: number } =>
        r.time !== undefined && r.time >= start && r.time <= end,
    )
    .sort((x, y) => y.time - x.time); // the input should be newest first already; the cap must not depend on it

  const urls: string[] = [];
  for (const { a, time } of recent) {
    if (urls.length === NEWS_SITEMAP_MAX_URLS) break;
    const loc = articleHref(site, a);
    const language = newsLanguage(a.language) ?? siteLanguage;
    if (!loc || !language) continue;
    urls.push(
      element('url', [
        textElement('loc', loc),
        element('news:news', [
          element('news:publication', [
            textElement('news:name', name),
            textElement('news:language', language),
          ]),
          textElement('news:publication_date', rfc3339(time)),
          textElement('news:title', feedLine(a.headline) ?? ''),
        ]),
      ]),
    );
  }
  const urlset = element('urlset', urls, {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
  });
  return `${XML_DECLARATION}\n${urlset}\n`;
}
