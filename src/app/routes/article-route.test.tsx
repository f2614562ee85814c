import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../tests/mocks/server.ts';
import { FEED_URL } from '../../../tests/mocks/handlers.ts';
import { renderApp } from '../../../tests/render-app.tsx';
import { countWords } from '../../features/search/engine/tokenize.ts';
import { readingMinutes } from '../../features/articles/model/reading-time.ts';
import { markArticleSaved } from '../../features/articles/model/saved-articles.ts';
import { renderToStaticMarkup } from 'react-dom/server';
import { ArticleHead } from '../../features/articles/components/article-head.tsx';
import { parseJsonFeed } from '../../sources/jsonfeed-parse.ts';
import { sampleFeed } from '../../../tests/fixtures/sample-feed.ts';

// A Lao paragraph: words are not separated by spaces, only phrases are.
const LAO_PARAGRAPH = 'ປະຊາຊົນຫຼາຍພັນຄົນ ຮ່ວມພິທີຕັກບາດ ໃນບຸນທາດຫຼວງ ປະຈຳປີ ເຊິ່ງເປັນງານບຸນທີ່ໃຫຍ່ທີ່ສຸດຂອງປະເທດລາວ. ';
const laoBody = LAO_PARAGRAPH.repeat(120);

function serveFeed(items: unknown[]) {
  server.use(http.get(FEED_URL, () => HttpResponse.json({ version: 'https://jsonfeed.org/version/1.1', items })));
}

afterEach(() => {
  localStorage.clear();
});

/** The JSON-LD as the prerender writes it (server rendering, where no `document` exists). */
function jsonLdOf(id: string, feed: unknown = sampleFeed): string {
  const article = parseJsonFeed(feed, FEED_URL, { id: 'main', name: 'Test Agency' }).articles.find((a) => a.id === id)!;
  vi.stubGlobal('document', undefined);
  try {
    const html = renderToStaticMarkup(
      <ArticleHead article={article} context={{ pageUrl: 'https://example.org/news/rice', siteName: 'Test Agency', ogLocale: 'en_US' }} />,
    );
    const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    if (!match?.[1]) throw new Error(`no JSON-LD in ${html}`);
    return match[1];
  } finally {
    vi.unstubAllGlobals();
  }
}

describe('article page', () => {
  it('estimates reading time from words counted by the tokenizer, not spaces', async () => {
    serveFeed([{ id: 'lao1', title: 'ບຸນທາດຫຼວງ', content_text: laoBody, language: 'lo', date_published: '2026-11-20T08:00:00+07:00' }]);
    renderApp('/articles/lao1/x');
    const words = countWords(laoBody);
    const spaceWords = laoBody.trim().split(/\s+/).length;
    // The premise: the tokenizer finds several times more words than there are spaces.
    expect(words).toBeGreaterThan(spaceWords * 3);
    const minutes = readingMinutes(words);
    expect(minutes).toBeGreaterThan(readingMinutes(spaceWords) * 2);
    expect(await screen.findByText(`${minutes} min read`)).toBeInTheDocument();
  });

  it('writes title, description, canonical URL, Open Graph, Twitter card and NewsArticle JSON-LD', async () => {
    renderApp('/articles/a1/rice-harvest-beats-forecast-in-champasak');
    await screen.findByRole('heading', { level: 1, name: 'Rice harvest beats forecast in Champasak' });
    const meta = (sel: string) => document.head.querySelector(sel)?.getAttribute('content');
    expect(document.title).toBe('Rice harvest beats forecast in Champasak · Test Agency');
    expect(meta('meta[name="description"]')).toBe('Farmers in the south report the best yields in a decade.');
    expect(document.head.querySelector('link[rel="canonical"]')).toHaveAttribute('href', 'https://example.org/news/rice');
    expect(meta('meta[property="og:type"]')).toBe('article');
    expect(meta('meta[property="og:title"]')).toBe('Rice harvest beats forecast in Champasak');
    expect(meta('meta[property="og:url"]')).toBe('https://example.org/news/rice');
    expect(meta('meta[property="article:section"]')).toBe('Economy');
    expect(meta('meta[name="twitter:card"]')).toBe('summary');
    // In the browser the JSON-LD goes into <head> through the Trusted Types policy (React would
    // build the <script> through innerHTML, which Trusted Types refuse), the same JSON as the
    // prerendered HTML's.
    const scripts = document.head.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.textContent).toBe(jsonLdOf('a1'));
    const data = JSON.parse(jsonLdOf('a1')) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Rice harvest beats forecast in Champasak',
      datePublished: '2026-11-20T01:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Somchai Vongsa' }],
      articleSection: 'Economy',
      inLanguage: 'en',
    });
  });

  it('escapes the JSON-LD so no feed text can close its script element', async () => {
    // Entities in a title become text: the headline really contains "</script>".
    const feed = { items: [{ id: 'x1', title: 'Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;', content_text: 'Body' }] };
    const json = jsonLdOf('x1', feed);
    expect(json).not.toContain('</script>');
    expect((JSON.parse(json) as { headline: string }).headline).toBe('Evil </script><script>alert(1)</script>');
  });

  it('lays an Arabic article out right to left inside an English page', async () => {
    serveFeed([{ id: 'ar1', title: 'مرأة الخارقة', content_text: 'الممثلة الإسرائيلية', language: 'ar', date_published: '2019-03-13T15:31:50Z' }]);
    renderApp('/articles/ar1/x');
    const h1 = await screen.findByRole('heading', { level: 1, name: 'مرأة الخارقة' });
    const article = h1.closest('article');
    expect(article).toHaveAttribute('lang', 'ar');
    expect(article).toHaveAttribute('dir', 'rtl');
    // UI words inside it stay English and left to right ("1 min read", not "min read 1").
    const readingTime = within(article!).getByText('1 min read');
    expect(readingTime.closest('[dir="ltr"]')).toHaveAttribute('lang', 'en');
  });

  describe('offline', () => {
    const offline = () => vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);

    it('says an article never opened here needs a connection', async () => {
      offline();
      renderApp('/articles/a1/rice-harvest-beats-forecast-in-champasak');
      expect(await screen.findByRole('heading', { level: 1, name: 'Rice harvest beats forecast in Champasak' })).toBeInTheDocument();
      expect(screen.getByText(/has not been saved for reading offline/)).toBeInTheDocument();
      expect(screen.queryByText(/harvested more rice than expected/)).not.toBeInTheDocument();
      expect(screen.getByText('Offline: showing saved articles')).toBeInTheDocument();
    });

    it('shows an article opened before in full', async () => {
      markArticleSaved('a1');
      offline();
      renderApp('/articles/a1/rice-harvest-beats-forecast-in-champasak');
      expect(await screen.findByText(/harvested more rice than expected/)).toBeInTheDocument();
      expect(screen.queryByText(/has not been saved for reading offline/)).not.toBeInTheDocument();
    });

    it('remembers an article once it is opened', async () => {
      renderApp('/articles/a1/rice-harvest-beats-forecast-in-champasak');
      await screen.findByText(/harvested more rice than expected/);
      expect(JSON.parse(localStorage.getItem('news.savedArticles') ?? '[]')).toEqual(['a1']);
    });
  });
});
