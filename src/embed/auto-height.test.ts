import { afterEach, describe, expect, it, vi } from 'vitest';
import { parentOriginOf, reportHeight } from './auto-height.ts';

function fakeWindow({ framed = true, ancestor, referrer = '' }: { framed?: boolean; ancestor?: string; referrer?: string }): Window {
  const win: Record<string, unknown> = { location: { ancestorOrigins: ancestor ? [ancestor] : [] }, document: { referrer } };
  win.parent = framed ? {} : win;
  return win as unknown as Window;
}

describe('parentOriginOf', () => {
  it('prefers the parentOrigin parameter, then ancestorOrigins, then the referrer', () => {
    const win = fakeWindow({ ancestor: 'https://a.test', referrer: 'https://r.test/page' });
    expect(parentOriginOf(new URLSearchParams('parentOrigin=https://p.test/x'), win)).toBe('https://p.test');
    expect(parentOriginOf(new URLSearchParams(), win)).toBe('https://a.test');
    expect(parentOriginOf(new URLSearchParams(), fakeWindow({ referrer: 'https://r.test/page' }))).toBe('https://r.test');
  });

  it('is null when not framed or the parent is unknown, so nothing is posted to "*"', () => {
    expect(parentOriginOf(new URLSearchParams('parentOrigin=https://p.test'), fakeWindow({ framed: false }))).toBeNull();
    expect(parentOriginOf(new URLSearchParams('parentOrigin=nonsense'), fakeWindow({}))).toBeNull();
    expect(parentOriginOf(new URLSearchParams(), fakeWindow({ ancestor: 'null' }))).toBeNull();
  });
});

describe('reportHeight', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the content height to the parent origin when it changes, and hides the scrollbar when the host answers', () => {
    let notify = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: () => void) {
          notify = cb;
        }
        observe() {}
        disconnect() {}
      },
    );
    const post = vi.spyOn(window.parent, 'postMessage').mockImplementation(() => {});
    const content = document.createElement('div');
    let height = 300.2;
    content.getBoundingClientRect = () => ({ height }) as DOMRect;
    const stop = reportHeight('https://portal.test', content);
    expect(post).toHaveBeenLastCalledWith({ type: 'news-reader:height', height: 301 }, 'https://portal.test');
    notify();
    expect(post).toHaveBeenCalledTimes(1); // unchanged height: nothing sent
    height = 120;
    notify();
    expect(post).toHaveBeenLastCalledWith({ type: 'news-reader:height', height: 120 }, 'https://portal.test');

    window.dispatchEvent(new MessageEvent('message', { data: { type: 'news-reader:host-ready' }, origin: 'https://evil.test', source: window.parent }));
    expect(document.documentElement.style.overflow).toBe('');
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'news-reader:host-ready' }, origin: 'https://portal.test', source: window.parent }));
    expect(document.documentElement.style.overflow).toBe('hidden');
    stop();
    document.documentElement.style.overflow = '';
  });
});
