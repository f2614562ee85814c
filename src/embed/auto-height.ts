import { MSG_HEIGHT, MSG_HOST_READY } from './messages.ts';

/**
 * The origin an iframe-embedded reader may talk to: the `parentOrigin` query parameter, else the
 * embedding page's origin as the browser reports it (`location.ancestorOrigins`, then the
 * referrer). Null when not framed or the parent is unknown: then nothing is posted at all,
 * rather than posting to '*'.
 */
export function parentOriginOf(params: URLSearchParams, win: Window = window): string | null {
  if (win.parent === win) return null;
  const origin = (value: string | null | undefined) => {
    if (!value) return null;
    try {
      const o = new URL(value).origin;
      return o === 'null' ? null : o;
    } catch {
      return null;
    }
  };
  return origin(params.get('parentOrigin')) ?? origin(win.location.ancestorOrigins?.[0]) ?? origin(win.document.referrer);
}

/**
 * Report the page's content height to the parent whenever it changes. A ResizeObserver fires after
 * layout and before paint, so the host can resize the iframe in the very next frame. Once the
 * host script answers, the page hides its own scrollbar: the iframe is always as tall as the page.
 * Returns a function that stops reporting.
 */
export function reportHeight(parentOrigin: string, content: HTMLElement = document.body): () => void {
  let last = -1;
  const send = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: MSG_HEIGHT, height }, parentOrigin);
  };
  const observer = new ResizeObserver(send);
  observer.observe(content);
  const onMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    if ((event.data as { type?: unknown } | null)?.type === MSG_HOST_READY) document.documentElement.style.overflow = 'hidden';
  };
  window.addEventListener('message', onMessage);
  send();
  return () => {
    observer.disconnect();
    window.removeEventListener('message', onMessage);
  };
}
