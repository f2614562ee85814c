import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../tests/render-app.tsx';

// Recent News that crashes on render, as a bug in it (or in data it alone reads) would.
const crash = vi.hoisted(() => ({ recentNews: false }));
vi.mock('../../features/articles/components/recent-news.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../features/articles/components/recent-news.tsx')>();
  return {
    RecentNews: (props: React.ComponentProps<typeof original.RecentNews>) => {
      if (crash.recentNews) throw new Error('Recent News exploded');
      return <original.RecentNews {...props} />;
    },
  };
});

/** React reports errors its boundaries caught through console.error; expect exactly ours. */
function expectCaughtErrors(message: string) {
  const logged: unknown[][] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  return () => {
    expect(logged.length).toBeGreaterThan(0);
    for (const args of logged) expect(args.map(String).join(' ')).toContain(message);
  };
}

describe('error boundaries', () => {
  it('a crash in Recent News never takes down the article', async () => {
    crash.recentNews = true;
    const checkErrors = expectCaughtErrors('Recent News exploded');
    try {
      renderApp('/articles/a2/new-bridge-opens-over-the-mekong');
      const h1 = await screen.findByRole('heading', { level: 1, name: 'New bridge opens over the Mekong' });
      expect(await within(h1.closest('article')!).findByText('Traffic is expected to grow.')).toBeInTheDocument();
      const aside = screen.getByRole('complementary', { name: 'Recent News' });
      expect(within(aside).getByText('This section is unavailable right now.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Search' })).toBeInTheDocument();
      expect(screen.getAllByRole('contentinfo').at(-1)).toHaveTextContent('© Test Agency');
      checkErrors();
    } finally {
      crash.recentNews = false;
    }
  });

  it('Recent News comes back on the next page once it no longer crashes (the boundary resets)', async () => {
    crash.recentNews = true;
    expectCaughtErrors('Recent News exploded');
    const user = userEvent.setup();
    try {
      renderApp('/articles/a2/new-bridge-opens-over-the-mekong');
      const aside = screen.getByRole('complementary', { name: 'Recent News' });
      expect(await within(aside).findByText('This section is unavailable right now.')).toBeInTheDocument();
      crash.recentNews = false;
      const h1 = await screen.findByRole('heading', { level: 1, name: 'New bridge opens over the Mekong' });
      await user.click(within(h1.closest('article')!).getAllByRole('link', { name: 'Economy' })[0]!);
      expect(await within(aside).findByRole('link', { name: /New bridge/ })).toBeInTheDocument();
      expect(within(aside).queryByText('This section is unavailable right now.')).toBeNull();
    } finally {
      crash.recentNews = false;
    }
  });
});
