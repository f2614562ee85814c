import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { useScrollRestoration } from './use-scroll-restoration.ts';
import { REVEAL_ARTICLE_EVENT } from '../../features/articles/components/article-card.tsx';

function Page() {
  useScrollRestoration();
  return <p>page</p>;
}
const routes: RouteObject[] = [{ path: '*', element: <Page /> }];

describe('useScrollRestoration', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sessionStorage.clear();
  });

  it('on the page as loaded, with no saved position, neither reads layout nor scrolls', () => {
    const scrollHeight = vi.spyOn(document.documentElement, 'scrollHeight', 'get');
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/'] })} />);
    expect(scrollHeight).not.toHaveBeenCalled();
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it('a reload with a saved position goes back to it', () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    sessionStorage.setItem('news-reader:scroll', JSON.stringify([[router.state.location.key, { y: 640 }]]));
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(5000);
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    render(<RouterProvider router={router} />);
    expect(scrollTo).toHaveBeenCalledWith(0, 640);
  });

  it('reads positions saved before anchors were kept (plain pixel offsets)', () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    sessionStorage.setItem('news-reader:scroll', JSON.stringify([[router.state.location.key, 320]]));
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(5000);
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    render(<RouterProvider router={router} />);
    expect(scrollTo).toHaveBeenCalledWith(0, 320);
  });

  it('a new page starts at the top', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    render(<RouterProvider router={router} />);
    await act(() => router.navigate('/articles/1/x'));
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });
});

/**
 * A page with a list of cards on `/` (none elsewhere) laid out by hand: card i is `rowHeight`
 * tall, the list starts 100 px down, the window is scrolled by `view.y`.
 */
function fakeLayout(view: { y: number; rowHeight: number; cards: number; height?: number }) {
  function ListPage() {
    useScrollRestoration();
    const onList = useLocation().pathname === '/';
    return (
      <main id="main">
        {onList
          ? Array.from({ length: view.cards }, (_, i) => (
              <article key={i} data-article-id={`a${i}`}>
                story {i}
              </article>
            ))
          : null}
      </main>
    );
  }
  vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => view.y);
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
  const height = () => view.height ?? 100 + view.cards * view.rowHeight;
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockImplementation(height);
  // As a browser does, scrolling stops at the ends of the page.
  const scrollTo = vi
    .spyOn(window, 'scrollTo')
    .mockImplementation(((_x: number, y: number) => void (view.y = Math.max(0, Math.min(y, height() - 800)))) as typeof window.scrollTo);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const i = Number(this.getAttribute('data-article-id')?.slice(1));
    const top = 100 + i * view.rowHeight - view.y;
    return { top, bottom: top + view.rowHeight, height: view.rowHeight } as DOMRect;
  });
  // Frames run when the test says so.
  const frames = new Map<number, FrameRequestCallback>();
  let last = 0;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => (frames.set(++last, cb), last));
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void frames.delete(id));
  const runFrames = (n: number) => {
    for (let i = 0; i < n && frames.size; i++) {
      const [id, cb] = frames.entries().next().value!;
      frames.delete(id);
      cb(performance.now());
    }
  };
  const router = createMemoryRouter([{ path: '*', element: <ListPage /> }], { initialEntries: ['/'] });
  render(<RouterProvider router={router} />);
  /** The reader scrolls the list to `y` and opens a story. */
  const leaveAt = async (y: number) => {
    view.y = y;
    act(() => void window.dispatchEvent(new Event('scroll')));
    await act(() => router.navigate('/articles/1/x'));
  };
  const back = () => act(() => router.navigate(-1));
  return { leaveAt, back, scrollTo, runFrames };
}

type View = Parameters<typeof fakeLayout>[0];

describe('useScrollRestoration: back to the card the reader left', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sessionStorage.clear();
  });

  it('puts the card that was at the top of the screen back at its offset, though rows are laid out anew', async () => {
    const view: View = { y: 0, rowHeight: 200, cards: 40 };
    const { leaveAt, back, scrollTo, runFrames } = fakeLayout(view);
    // Card 4 starts 100 px above the screen (100 + 4 × 200 − 1000).
    await leaveAt(1000);
    expect(view.y).toBe(0);
    // Back: the rows now measure 250 px, so the pixel offset 1000 would show card 3.
    view.rowHeight = 250;
    await back();
    runFrames(10);
    expect(scrollTo).toHaveBeenLastCalledWith(0, 1200);
    expect(100 + 4 * view.rowHeight - view.y).toBe(-100);
    expect(view.y).toBe(1200);
  });

  it('waits for a page still too short to put the card where it was', async () => {
    const view: View = { y: 0, rowHeight: 200, cards: 40 };
    const { leaveAt, back, runFrames } = fakeLayout(view);
    await leaveAt(5000);
    // Back: the card is there, but what is below it has not rendered yet.
    view.height = 3000;
    await back();
    runFrames(5);
    expect(view.y).toBe(2200);
    view.height = undefined;
    runFrames(5);
    expect(view.y).toBe(5000);
  });

  it('asks a list to bring a card that is not in the DOM into it, instead of jumping to the pixel offset', async () => {
    const view: View = { y: 0, rowHeight: 200, cards: 40 };
    const { leaveAt, back, scrollTo, runFrames } = fakeLayout(view);
    await leaveAt(3000);
    // Back to a list that renders only some rows: card 14 is not among them.
    view.cards = 10;
    const asked: unknown[] = [];
    const reveal = (e: Event) => {
      asked.push((e as CustomEvent).detail);
      e.preventDefault();
    };
    document.addEventListener(REVEAL_ARTICLE_EVENT, reveal);
    scrollTo.mockClear();
    await back();
    runFrames(3);
    document.removeEventListener(REVEAL_ARTICLE_EVENT, reveal);
    expect(asked).toEqual(['a14']);
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it('stops when the reader scrolls', async () => {
    const view: View = { y: 0, rowHeight: 200, cards: 40 };
    const { leaveAt, back, scrollTo, runFrames } = fakeLayout(view);
    await leaveAt(1000);
    // Back to a page that has not rendered its list yet: restoration waits for it…
    view.cards = 0;
    view.height = 500;
    scrollTo.mockClear();
    await back();
    runFrames(2);
    // …and the reader scrolls meanwhile: when the page grows, it stays where the reader took it.
    window.dispatchEvent(new Event('wheel'));
    view.height = 5000;
    runFrames(10);
    expect(scrollTo).not.toHaveBeenCalled();
  });
});
