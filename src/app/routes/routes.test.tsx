import { describe, expect, it } from 'vitest';
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../tests/mocks/server.ts';
import { FEED_URL } from '../../../tests/mocks/handlers.ts';
import { renderApp } from '../../../tests/render-app.tsx';

describe('home', () => {
  it('lists the latest articles newest first, paged, with Recent News and a footer', async () => {
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    const headings = await within(main).findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['ບຸນທາດຫຼວງ ເລີ່ມຂຶ້ນຢ່າງເປັນທາງການ', 'New bridge opens over the Mekong']);
    expect(within(main).getByRole('link', { name: /Older articles/ })).toHaveAttribute('href', '/?page=2');
    // 2 invalid items in the fixture are skipped and counted, not shown.
    expect(screen.getByText('2 articles in the feed were unreadable and are not shown.')).toBeInTheDocument();
    const recent = screen.getByRole('complementary', { name: 'Recent News' });
    expect(within(recent).getAllByRole('link')).toHaveLength(2);
    expect(screen.getByRole('contentinfo')).toHaveTextContent('© Test Agency');
    // The Lao card says it is in Lao.
    expect(headings[0]?.closest('article')).toHaveAttribute('lang', 'lo');
  });

  it('shows page 2 from the URL', async () => {
    renderApp('/?page=2');
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { level: 2, name: /Rice harvest/ })).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: /Newer articles/ })).toHaveAttribute('href', '/');
  });

  it('shows an empty state for a feed with no valid items', async () => {
    server.use(http.get(FEED_URL, () => HttpResponse.json({ version: 'https://jsonfeed.org/version/1.1', items: [{ nope: 1 }] })));
    renderApp('/');
    expect(await screen.findByText('There are no articles to show yet.')).toBeInTheDocument();
  });

  it('shows which feed failed and recovers on Retry', async () => {
    let fail = true;
    server.use(
      http.get(FEED_URL, () => (fail ? new HttpResponse('<html>Bad gateway</html>', { status: 502 }) : HttpResponse.json({ items: [{ id: 'x', title: 'Back again' }] }))),
    );
    const user = userEvent.setup();
    renderApp('/');
    const main = screen.getByRole('main');
    const alert = await within(main).findByRole('alert');
    expect(alert).toHaveTextContent('The news could not be loaded');
    expect(alert).toHaveTextContent('502');
    expect(alert).toHaveTextContent(FEED_URL);
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(main).findByRole('heading', { name: 'Back again' })).toBeInTheDocument();
  });
});

describe('article', () => {
  it('renders headline, byline, dateline, image with caption, sanitized body and source', async () => {
    renderApp('/articles/a2/new-bridge-opens-over-the-mekong');
    const h1 = await screen.findByRole('heading', { level: 1, name: 'New bridge opens over the Mekong' });
    const article = h1.closest('article')!;
    expect(within(article).getByText('By Keo Phommachanh')).toBeInTheDocument();
    expect(within(article).getByText('VIENTIANE, Nov 22')).toBeInTheDocument();
    expect(within(article).getByRole('img', { name: 'A concrete bridge over a wide river' })).toHaveAttribute('width', '1200');
    expect(within(article).getByText('The new bridge at dusk.')).toBeInTheDocument();
    expect(await within(article).findByText('Traffic is expected to grow.')).toBeInTheDocument();
    expect(article.querySelector('script')).toBeNull();
    expect(article.querySelector('[onclick]')).toBeNull();
    expect(within(article).getByText('Source: Test Agency')).toBeInTheDocument();
    expect(within(article).getAllByRole('link', { name: 'Economy' })[0]).toHaveAttribute('href', '/category/economy');
    expect(within(article).getByRole('heading', { name: 'More in Economy' })).toBeInTheDocument();
    // Recent News never lists the article being read.
    const recent = screen.getByRole('complementary', { name: 'Recent News' });
    expect(within(recent).queryByText('New bridge opens over the Mekong')).toBeNull();
  });

  it('redirects a wrong slug to the canonical one', async () => {
    renderApp('/articles/a1/wrong-slug');
    expect(await screen.findByRole('heading', { level: 1, name: /Rice harvest beats forecast/ })).toBeInTheDocument();
  });

  it('is a 404 for an unknown id, with a way home', async () => {
    renderApp('/articles/nope/x');
    expect(await screen.findByRole('heading', { level: 1, name: 'Article not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });
});

describe('category and unknown URLs', () => {
  it('lists only the category', async () => {
    renderApp('/category/culture');
    expect(await screen.findByRole('heading', { level: 1, name: 'Culture' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    await waitFor(() => expect(within(main).getAllByRole('article')).toHaveLength(1));
  });

  it('answers an unknown category and an unknown URL with 404 pages', async () => {
    renderApp('/category/nothing-here');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('answers an unknown URL with a 404 page', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
