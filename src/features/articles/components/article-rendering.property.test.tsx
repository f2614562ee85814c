import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { act, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ReactNode } from 'react';
import { ArticleCard } from './article-card.tsx';
import { ArticleView } from './article-view.tsx';
import { parseJsonFeed } from '../../../sources/jsonfeed-parse.ts';
import { sanitizeBody } from '../../../lib/sanitize.ts';
import { unsafeParts } from '../../../lib/testing/html-safety.ts';
import type { Article, ArticleSummary } from '../../../types/article.ts';
import { ConfigContext } from '../../../lib/config-context.ts';
import { testConfig } from '../../../../tests/render-app.tsx';

/*
 * Whatever text a feed sends, the article card and page render: no exception, no React error,
 * no "Invalid Date", the headline shown as text, and a body that is only allowlisted HTML.
 */

const SITE = 'http://localhost';
const FEED_URL = `${SITE}/data/feed.json`;

function mount(ui: ReactNode) {
  return render(
    <ConfigContext value={testConfig}>
      <MemoryRouter>{ui}</MemoryRouter>
    </ConfigContext>,
  );
}

async function toArticle(summary: ArticleSummary): Promise<Article> {
  const { untrustedBodyHtml, ...rest } = summary;
  return { ...rest, bodyHtml: await sanitizeBody(untrustedBodyHtml ?? '', { baseUrl: FEED_URL, siteOrigin: SITE }) };
}

async function renderEverywhere(summary: ArticleSummary): Promise<void> {
  const article = await toArticle(summary);
  const views = [
    mount(<ArticleCard article={summary} variant="lead" priority />),
    mount(<ArticleCard article={summary} />),
    mount(<ArticleView summary={summary} shareUrl={`${SITE}/articles/x`} />),
  ];
  let page!: ReturnType<typeof mount>;
  await act(async () => {
    page = mount(<ArticleView summary={summary} article={article} shareUrl={`${SITE}/articles/x`} />);
  });
  views.push(page);
  for (const view of views) {
    expect(view.container.textContent).not.toMatch(/Invalid Date|NaN/);
    // (The app's own icons are inline SVG; an SVG from the feed could only come through the body.)
    expect(view.container.querySelectorAll('script, iframe, object, embed, math, base, meta, style, .article-body svg').length).toBe(0);
    for (const el of view.container.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/i);
    }
  }
  expect(page.container.querySelector('h1')?.textContent).toBe(summary.headline);
  for (const part of page.container.querySelectorAll('.article-part')) expect(unsafeParts(part.innerHTML, SITE)).toEqual([]);
  for (const view of views) view.unmount();
}

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.lorem({ maxCount: 30 }));
const markupish = fc
  .array(fc.oneof(fc.constantFrom('<p>', '</p>', '<img src=x onerror=x()>', '<a href="javascript:x()">', '<h1>', '<svg onload=x()>', '<table><td>', '&lt;', '<!--', '<ul><li>'), text), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('rendering arbitrary feed text', () => {
  it('renders any title, summary and body that come through the feed parser', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: fc.oneof(text, markupish),
          summary: fc.oneof(text, markupish),
          body: fc.oneof(text, markupish),
          plain: fc.boolean(),
          author: text,
          caption: text,
          language: fc.oneof(text, fc.constantFrom('lo', 'th', 'en-GB')),
          date: fc.oneof(text, fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'bad' : d.toISOString()))),
        }),
        async (f) => {
          const item = {
            id: 'x',
            title: f.title,
            summary: f.summary,
            [f.plain ? 'content_text' : 'content_html']: f.body,
            authors: [{ name: f.author }],
            language: f.language,
            date_published: f.date,
            date_modified: f.date,
            tags: [f.title, f.author],
            _news: { category: f.title, dateline: f.summary, image: { url: 'images/a.jpg', caption: f.caption, credit: f.author, alt: f.caption } },
          };
          const [summary] = parseJsonFeed({ items: [item] }, FEED_URL, { id: 'main', name: 'Main' }).articles;
          if (summary) await renderEverywhere(summary);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('renders summaries built directly from arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          headline: text,
          standfirst: fc.option(text, { nil: undefined }),
          body: fc.oneof(text, markupish),
          byline: fc.array(text, { maxLength: 3 }),
          tags: fc.uniqueArray(text, { maxLength: 4 }),
          date: fc.option(text, { nil: undefined }),
          language: fc.option(text, { nil: undefined }),
        }),
        async (f) => {
          await renderEverywhere({
            id: 'x',
            slug: 'x',
            headline: f.headline,
            standfirst: f.standfirst,
            bodyText: '',
            untrustedBodyHtml: f.body,
            datePublished: f.date,
            dateModified: f.date,
            byline: f.byline,
            tags: f.tags,
            language: f.language,
            sourceId: 'main',
          });
        },
      ),
      { numRuns: 120 },
    );
  });
});
