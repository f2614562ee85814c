// Entry of the `<news-recent>` bundle (dist/embed/news-recent.js): the Recent News list alone,
// small enough for a portal's side column, loadable without the reader (no router, no search).
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { adoptReaderStyles } from './shadow-styles.ts';
import { EmbedFrame } from './embed-frame.tsx';
import { RecentWidget } from './recent-widget.tsx';
import { EMBED_ATTRIBUTES, optionsFromAttributes, type EmbedOptions } from './embed-options.ts';

/** The reader's site: the folder above the embed bundle (dist/embed/ → dist/). */
const READER_ROOT = new URL(/* @vite-ignore */ '../', import.meta.url).href;
const DEFAULT_CONFIG_URL = new URL('config.json', READER_ROOT).href;
/** Without a `link`, a story opens in the reader itself, in a new tab. */
const DEFAULT_LINK = `${READER_ROOT}articles/{id}/{slug}`;

let instances = 0;

/**
 * `<news-recent>`: the latest stories. Attributes: `config` or `feed` (+ `site-name`), `count`,
 * `link` (a URL pattern on the host, e.g. `/news/{id}/{slug}`; default: the reader, in a new
 * tab), `target`, `locale`, `accent`, `font`.
 */
export class NewsRecentElement extends HTMLElement {
  static observedAttributes = Object.keys(EMBED_ATTRIBUTES);
  #root: Root | null = null;
  #pending = false;

  connectedCallback(): void {
    if (this.#root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptReaderStyles(shadow);
    const container = document.createElement('div');
    shadow.replaceChildren(container);
    this.#root = createRoot(container, { identifierPrefix: `nrr${++instances}-` });
    this.#render();
  }

  disconnectedCallback(): void {
    queueMicrotask(() => {
      if (this.isConnected || !this.#root) return;
      this.#root.unmount();
      this.#root = null;
    });
  }

  attributeChangedCallback(): void {
    if (!this.#root || this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#render();
    });
  }

  #render(): void {
    const options: EmbedOptions = optionsFromAttributes(this);
    const link = options.link ?? DEFAULT_LINK;
    const target = options.target ?? (options.link ? undefined : '_blank');
    this.#root?.render(
      <StrictMode>
        <EmbedFrame options={options} defaultConfigUrl={DEFAULT_CONFIG_URL} layout="box">
          {(config, queryClient) => <RecentWidget config={config} queryClient={queryClient} link={link} target={target} />}
        </EmbedFrame>
      </StrictMode>,
    );
  }
}

if (!customElements.get('news-recent')) customElements.define('news-recent', NewsRecentElement);
