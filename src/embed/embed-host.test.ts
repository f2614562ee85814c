import { beforeAll, describe, expect, it } from 'vitest';

// embed.js: registers its message listener on import.
beforeAll(async () => {
  await import('./embed-host.ts');
});

function frame(src = 'http://news.test/embed.html'): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('data-news-reader', '');
  iframe.src = src;
  iframe.style.height = '100px';
  document.body.append(iframe);
  return iframe;
}

function send(data: unknown, source: MessageEventSource | null, origin = 'http://news.test') {
  window.dispatchEvent(new MessageEvent('message', { data, source, origin }));
}

describe('embed.js (host side of iframe embedding)', () => {
  it("sizes the iframe from its own window's height messages", () => {
    const iframe = frame();
    send({ type: 'news-reader:height', height: 812.4 }, iframe.contentWindow);
    expect(iframe.style.height).toBe('813px');
    iframe.remove();
  });

  it('ignores messages from another window, another origin, or with a bad height', () => {
    const iframe = frame();
    // Another frame on the page, same origin, not marked as a reader.
    const other = frame('http://news.test/embed.html?b');
    other.removeAttribute('data-news-reader');
    send({ type: 'news-reader:height', height: 50 }, window);
    send({ type: 'news-reader:height', height: 50 }, other.contentWindow);
    send({ type: 'news-reader:height', height: 50 }, iframe.contentWindow, 'http://evil.test');
    for (const height of [-1, Number.NaN, 1e9, '50px']) send({ type: 'news-reader:height', height }, iframe.contentWindow);
    send({ height: 50 }, iframe.contentWindow);
    expect(iframe.style.height).toBe('100px');
    expect(other.style.height).toBe('100px');
    iframe.setAttribute('data-news-reader-origin', 'http://elsewhere.test');
    send({ type: 'news-reader:height', height: 50 }, iframe.contentWindow);
    expect(iframe.style.height).toBe('100px');
    iframe.remove();
    other.remove();
  });

  it('re-dispatches navigation as DOM events on the iframe', () => {
    const iframe = frame();
    const seen: unknown[] = [];
    document.addEventListener('news-reader:article-open', (e) => seen.push((e as CustomEvent).detail));
    const detail = { id: 'a1', slug: 'rice', headline: 'Rice', path: '/articles/a1/rice' };
    send({ type: 'news-reader:article-open', detail }, iframe.contentWindow);
    send({ type: 'news-reader:article-open', detail }, window);
    expect(seen).toEqual([detail]);
    iframe.remove();
  });
});
