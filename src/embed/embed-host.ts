// embed.js: the host page's side of iframe embedding, a plain script with no dependencies.
//
//   <iframe data-news-reader src="https://news.example/embed.html?parentOrigin=https://portal.example"
//           title="News" style="width: 100%; border: 0"></iframe>
//   <script src="https://news.example/embed/embed.js" async></script>
//
// It sizes every matching iframe to its content and re-dispatches the reader's navigation as DOM
// events on the iframe element. A message is acted on only when it comes from that iframe's own
// window and from the iframe's origin (its src, or data-news-reader-origin); nothing else is.
import { MSG_ARTICLE_OPEN, MSG_HEIGHT, MSG_HOST_READY, MSG_NAVIGATE } from './messages.ts';

const SELECTOR = 'iframe[data-news-reader]';
const MAX_HEIGHT = 100_000;

function expectedOrigin(iframe: HTMLIFrameElement): string | null {
  try {
    return new URL(iframe.dataset.newsReaderOrigin || iframe.src, location.href).origin;
  } catch {
    return null;
  }
}

function frameOf(source: MessageEventSource | null): HTMLIFrameElement | undefined {
  if (!source) return undefined;
  for (const iframe of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) {
    if (iframe.contentWindow === source) return iframe;
  }
  return undefined;
}

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; height?: unknown; detail?: unknown } | null;
  if (!data || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith('news-reader:')) return;
  const iframe = frameOf(event.source);
  if (!iframe || event.origin !== expectedOrigin(iframe)) return;

  if (data.type === MSG_HEIGHT) {
    const height = Number(data.height);
    if (Number.isFinite(height) && height >= 0 && height <= MAX_HEIGHT) iframe.style.height = `${Math.ceil(height)}px`;
    // Answered every time: the frame may have navigated to a new document since the last one.
    (event.source as Window).postMessage({ type: MSG_HOST_READY }, event.origin);
  } else if (data.type === MSG_NAVIGATE || data.type === MSG_ARTICLE_OPEN) {
    const detail = data.detail as { action?: unknown } | undefined;
    // A new page starts at its top: bring the frame's top into view if the reader scrolled past it.
    if (data.type === MSG_NAVIGATE && detail?.action === 'push') {
      const top = iframe.getBoundingClientRect().top;
      if (top < 0) window.scrollBy(0, top);
    }
    iframe.dispatchEvent(new CustomEvent(data.type, { detail, bubbles: true }));
  }
});
