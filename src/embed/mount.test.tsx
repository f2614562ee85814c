import { describe, expect, it, vi } from 'vitest';
import { act, within } from '@testing-library/react';
import { FEED_URL } from '../../tests/mocks/handlers.ts';
import { mount } from './mount.tsx';

// jsdom has no constructable stylesheets; the styles themselves are checked in Chromium (tests/e2e/embed-elements.e2e.ts, embed-csp.e2e.ts).
vi.mock('./shadow-styles.ts', () => ({ adoptReaderStyles: () => {} }));

describe('mount()', () => {
  it('renders the reader in a shadow root, reports navigation, and leaves the host page alone', async () => {
    document.title = 'Host page';
    const hrefBefore = location.href;
    const host = document.createElement('div');
    document.body.append(host);
    const navigations: unknown[] = [];
    const opened: unknown[] = [];
    host.addEventListener('news-reader:navigate', (e) => navigations.push((e as CustomEvent).detail));
    host.addEventListener('news-reader:article-open', (e) => opened.push((e as CustomEvent).detail));

    const options = { feed: FEED_URL, siteName: 'Test Agency', pageSize: 1 };
    const handle = await act(async () => mount(host, options));
    const shadow = host.shadowRoot!;
    const view = within(shadow as unknown as HTMLElement);
    expect(await view.findByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    expect(await view.findAllByRole('article')).toHaveLength(1);
    // One region of the host page: no <main> of its own, a skip link to its own main column.
    expect(view.getByRole('region', { name: 'Test Agency' })).toBeInTheDocument();
    expect(shadow.querySelector('main')).toBeNull();
    const skip = view.getByRole('link', { name: 'Skip to main content' });
    expect(shadow.getElementById(skip.getAttribute('href')!.slice(1))).not.toBeNull();
    expect(navigations).toEqual([{ path: '/', action: 'initial' }]);

    await act(async () => handle.navigate('/articles/a2/new-bridge-opens-over-the-mekong'));
    expect(await view.findByRole('heading', { level: 1, name: 'New bridge opens over the Mekong' })).toBeInTheDocument();
    expect(document.title).toBe('Host page');
    expect(document.head.querySelector('meta[name="description"], link[rel="canonical"]')).toBeNull();
    expect(location.href).toBe(hrefBefore);
    expect(navigations.at(-1)).toEqual({ path: '/articles/a2/new-bridge-opens-over-the-mekong', action: 'push' });
    expect(opened).toEqual([expect.objectContaining({ id: 'a2', headline: 'New bridge opens over the Mekong' })]);

    // Memory routing has no browser history: the reader offers its own Back.
    await act(async () => view.getByRole('button', { name: 'Back' }).click());
    expect(await view.findByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();

    await act(async () => handle.update({ ...options, pageSize: 2 }));
    expect(await view.findAllByRole('article')).toHaveLength(2);

    await act(async () => handle.unmount());
    expect(shadow.childNodes).toHaveLength(0);
    host.remove();
  });

  it('keeps its page in the host URL with path routing (under `base`) and with hash routing', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    window.history.replaceState(null, '', '/news');
    const options = { feed: FEED_URL, siteName: 'Test Agency', routing: 'path' as const, base: '/news' };
    const handle = await act(async () => mount(host, options));
    const view = within(host.shadowRoot as unknown as HTMLElement);
    expect(await view.findByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    const card = (await view.findAllByRole('link', { name: 'New bridge opens over the Mekong' }))[0]!;
    expect(card).toHaveAttribute('href', '/news/articles/a2/new-bridge-opens-over-the-mekong');
    await act(async () => handle.navigate('/category/economy'));
    expect(location.pathname).toBe('/news/category/economy');

    await act(async () => handle.update({ ...options, routing: 'hash' }));
    window.history.replaceState(null, '', '/portal#/articles/a1/x');
    await act(async () => handle.unmount());
    const again = await act(async () => mount(host, { ...options, routing: 'hash' }));
    // A deep link in the fragment opens the article (and the wrong slug is corrected in place).
    expect(await view.findByRole('heading', { level: 1, name: /Rice harvest beats forecast/ })).toBeInTheDocument();
    expect(location.pathname).toBe('/portal');
    expect(location.hash).toMatch(/^#\/articles\/a1\/rice-harvest/);
    await act(async () => again.unmount());
    window.history.replaceState(null, '', '/');
    host.remove();
  });
});
