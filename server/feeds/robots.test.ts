// jsdom (the default) until tests/setup.ts can load without `window`; these modules use no DOM.
import { describe, expect, it } from 'vitest';
import { robotsTxt } from './robots.ts';
import { FEED_PATHS, siteHref } from './site.ts';
import { SITE, SITE_UNDER_BASE } from './testing/fixtures.ts';

describe('robotsTxt', () => {
  it('keeps crawlers out of search and names both sitemaps', () => {
    expect(robotsTxt(SITE)).toBe(
      [
        'User-agent: *',
        'Disallow: /search',
        '',
        'Sitemap: https://news.example.org/sitemap.xml',
        'Sitemap: https://news.example.org/news-sitemap.xml',
        '',
      ].join('\n'),
    );
  });

  it('allows everything when asked to', () => {
    expect(robotsTxt(SITE, { disallowSearch: false }).split('\n').slice(0, 2)).toEqual([
      'User-agent: *',
      'Disallow:',
    ]);
  });

  it('follows the base path, with or without its final slash', () => {
    const text = robotsTxt(SITE_UNDER_BASE);
    expect(text).toContain('Disallow: /news/search\n');
    expect(text).toContain('Sitemap: https://example.org/news/sitemap.xml\n');
    expect(robotsTxt({ ...SITE_UNDER_BASE, origin: 'https://example.org/news' })).toBe(text);
  });
});

describe('FEED_PATHS', () => {
  it('are the paths the documents link to', () => {
    expect(FEED_PATHS).toMatchObject({
      jsonFeed: '/feed.json',
      rss: '/rss.xml',
      sitemap: '/sitemap.xml',
      newsSitemap: '/news-sitemap.xml',
      robots: '/robots.txt',
    });
    expect(FEED_PATHS.sitemapPage(12)).toBe('/sitemaps/12.xml');
    expect(siteHref(SITE_UNDER_BASE, FEED_PATHS.sitemapPage(1))).toBe(
      'https://example.org/news/sitemaps/1.xml',
    );
  });
});
