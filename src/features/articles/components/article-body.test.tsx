import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sanitizeHtml } from '../../../lib/sanitize.ts';
import { ArticleBody } from './article-body.tsx';
import type { SanitizedHtml } from '../../../types/article.ts';

const part = (html: string) => html as unknown as SanitizedHtml;

describe('ArticleBody', () => {
  it('renders an ordinary one-part body at once, in a container that is no box', () => {
    const { container } = render(<ArticleBody parts={[part('<p>One</p><p>Two</p>')]} />);
    const parts = container.querySelectorAll('.article-body > .article-part');
    expect(parts).toHaveLength(1);
    expect(parts[0]?.className).toBe('article-part');
    expect(parts[0]?.innerHTML).toBe('<p>One</p><p>Two</p>');
  });

  it('renders a long body’s first part at once and the others one per task, each in its own box', async () => {
    const parts = Array.from({ length: 5 }, (_, i) => part(`<p>Part ${i}</p>`));
    const { container } = render(<ArticleBody parts={parts} />);
    expect(container.querySelectorAll('.article-part')).toHaveLength(1);
    await waitFor(() => expect(container.querySelectorAll('.article-part')).toHaveLength(5));
    const rendered = [...container.querySelectorAll<HTMLElement>('.article-part')];
    expect(rendered.map((el) => el.textContent)).toEqual(['Part 0', 'Part 1', 'Part 2', 'Part 3', 'Part 4']);
    for (const el of rendered) {
      expect(el.classList.contains('article-part-deferred')).toBe(true);
      expect(el.style.containIntrinsicSize).toMatch(/^auto \d+px$/);
    }
  });

  it('shows an embed as a facade and frames the privacy-enhanced player only when the reader asks', async () => {
    const html = sanitizeHtml('<p>Before</p><iframe title="Harbour tour" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe>', {
      baseUrl: 'https://news.example/feed.json',
      siteOrigin: 'https://news.example',
    });
    const { container } = render(<ArticleBody parts={[html]} />);
    const button = await screen.findByRole('button', { name: 'Load from YouTube: Harbour tour' });
    expect(container.querySelector('iframe')).toBeNull();
    expect(screen.getByRole('link', { name: 'Harbour tour' }).getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await userEvent.setup().click(button);
    const frame = container.querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    expect(frame?.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation');
    expect(frame?.getAttribute('title')).toBe('YouTube: Harbour tour');
    expect(document.activeElement).toBe(frame);
  });
});
