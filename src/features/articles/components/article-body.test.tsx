import { describe, expect, it, vi } from 'vitest';
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

  it('turns a WordPress gallery into pictures that open a lightbox: arrows, swipe, focus back to the picture', async () => {
    // jsdom has no modal dialogs: the browser's showModal/close, reduced to what the code relies on.
    vi.spyOn(HTMLDialogElement.prototype, 'showModal').mockImplementation(function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    });
    vi.spyOn(HTMLDialogElement.prototype, 'close').mockImplementation(function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    });
    const pictures = ['pier', 'boats', 'market']
      .map((n) => `<figure class="wp-block-image"><a href="https://cdn.example/${n}-full.jpg"><img src="https://cdn.example/${n}-300.jpg" alt="The ${n}"></a><figcaption>${n} at dawn</figcaption></figure>`)
      .join('');
    const html = sanitizeHtml(`<figure class="wp-block-gallery has-nested-images columns-3">${pictures}<figcaption class="blocks-gallery-caption">The harbour</figcaption></figure>`, {
      baseUrl: 'https://news.example/feed.json',
      siteOrigin: 'https://news.example',
    });
    render(<ArticleBody parts={[html]} />);
    const user = userEvent.setup();
    const second = await screen.findByRole('button', { name: 'Picture 2 of 3: The boats' });
    await user.click(second);
    const dialog = screen.getByRole('dialog', { name: 'Picture 2 of 3' });
    const image = () => dialog.querySelector('img')!;
    expect(image().getAttribute('src')).toBe('https://cdn.example/boats-full.jpg');
    expect(dialog.textContent).toContain('Picture 2 of 3: boats at dawn');
    await user.keyboard('{ArrowRight}');
    expect(image().getAttribute('src')).toBe('https://cdn.example/market-full.jpg');
    await user.click(screen.getByRole('button', { name: 'Next picture' }));
    expect(image().alt).toBe('The pier');
    const stage = dialog.querySelector('.lightbox-stage')!;
    stage.setPointerCapture = () => {};
    stage.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, clientX: 300, clientY: 100 }));
    stage.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: 100, clientY: 110 }));
    expect(image().alt).toBe('The boats');
    // Focus goes round the lightbox's buttons (it is on Next, clicked above).
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Previous picture' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Picture 2 of 3: The boats' }));
  });

  it('makes a run of single-picture figures a gallery, and leaves a lone figure alone', async () => {
    const figure = (n: string) => `<figure><img src="https://cdn.example/${n}.jpg" alt="${n}"></figure>`;
    const html = sanitizeHtml(`${figure('a')}${figure('b')}<p>Text</p>${figure('c')}`, { baseUrl: 'https://news.example/feed.json', siteOrigin: 'https://news.example' });
    const { container } = render(<ArticleBody parts={[html]} />);
    expect(await screen.findByRole('button', { name: 'Picture 1 of 2: a' })).toBeTruthy();
    expect(container.querySelectorAll('[data-gallery] img')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /: c$/ })).toBeNull();
  });
});
