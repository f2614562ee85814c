import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../tests/mocks/server.ts';
import { CONFIG_URL, FEED_URL } from '../../../tests/mocks/handlers.ts';
import { renderApp } from '../../../tests/render-app.tsx';
import { parseConfig } from '../../lib/config.ts';

/** Real posts recorded from the local WordPress (2025 dates: older than the sample feed's stories). */
const posts = JSON.parse(readFileSync('tests/fixtures/wordpress-posts.json', 'utf8')) as unknown[];
const WP = 'https://province.example';

const config = parseConfig(
  {
    siteName: 'Test Agency',
    sources: [
      { id: 'main', name: 'Test Agency', url: FEED_URL },
      { id: 'province', name: 'Province Daily', type: 'wordpress', url: WP, maxPages: 1 },
    ],
    pageSize: 10,
    recentNewsCount: 2,
  },
  CONFIG_URL,
);

const wpOk = http.get(`${WP}/wp-json/wp/v2/posts`, () =>
  HttpResponse.json(posts, { headers: { 'X-WP-Total': String(posts.length), 'X-WP-TotalPages': '1' } }),
);

describe('several sources', () => {
  it('merges them newest first, attributes each story, and filters by ?source=', async () => {
    server.use(wpOk);
    const user = userEvent.setup();
    renderApp('/', config);
    const main = screen.getByRole('main');
    const wpHeading = await within(main).findByRole('heading', { name: 'Exampleton\u2019s harbour master & the lighthouse keeper\u2019s logbook' });
    const headings = within(main).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    // The sample feed's stories are newer than the 2025 posts: they come first.
    expect(headings.indexOf('New bridge opens over the Mekong')).toBeLessThan(headings.indexOf(wpHeading.textContent));
    expect(wpHeading.closest('article')).toHaveTextContent('From Province Daily');
    // Ids of the second source carry its prefix; the first source's ids are unchanged.
    expect(within(main).getByRole('link', { name: 'New bridge opens over the Mekong' })).toHaveAttribute('href', '/articles/a2/new-bridge-opens-over-the-mekong');
    expect(within(wpHeading).getByRole('link')).toHaveAttribute('href', expect.stringMatching(/^\/articles\/province~33\//));

    const filter = screen.getByRole('navigation', { name: 'Sources' });
    await user.click(within(filter).getByRole('link', { name: 'Province Daily' }));
    expect(within(filter).getByRole('link', { name: 'Province Daily' })).toHaveAttribute('aria-current', 'true');
    // One server-paged source: the endless list, whose code loads on demand.
    const filtered = (await within(main).findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(filtered).toHaveLength(3);
    expect(filtered).not.toContain('New bridge opens over the Mekong');
  });

  it('opens a story of the second source by its prefixed id', async () => {
    server.use(wpOk);
    renderApp('/articles/province~19/x', config);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mock orchestra premieres a symphony in four placeholder movements' })).toBeInTheDocument();
  });

  it('degrades one failing source to a notice naming it while the others still show', async () => {
    server.use(http.get(`${WP}/wp-json/wp/v2/posts`, () => HttpResponse.error()));
    renderApp('/', config);
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { name: 'New bridge opens over the Mekong' })).toBeInTheDocument();
    const notice = await within(main).findByRole('alert');
    expect(notice).toHaveTextContent('Province Daily');
    expect(notice).toHaveTextContent(/province\.example.*CORS/);
  });

  it('searches a WordPress source on its server (search=) and highlights the results itself', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${WP}/wp-json/wp/v2/posts`, ({ request }) => {
        const url = new URL(request.url);
        asked.push(url.searchParams.get('search') ?? '');
        const hits = posts.slice(0, 2);
        return HttpResponse.json(hits, { headers: { 'X-WP-Total': '12', 'X-WP-TotalPages': '6' } });
      }),
    );
    renderApp('/search?q=lighthouse&source=province', config);
    const main = screen.getByRole('main');
    expect(await within(main).findByText('12 results')).toBeInTheDocument();
    expect(screen.getByText('Searching all of Province Daily')).toBeInTheDocument();
    const marks = within(main).getAllByText('lighthouse', { selector: 'mark' });
    expect(marks.length).toBeGreaterThan(0);
    expect(asked).toContain('lighthouse');
    expect(within(main).getByRole('link', { name: /Older/ })).toHaveAttribute('href', expect.stringContaining('source=province'));
  });
});
