// Entry of the `<news-recent>` bundle (dist/embed/news-recent.js): the Recent News list alone,
// small enough for a portal's side column, loadable without the reader (no router, no search).
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { adoptRecentStyles } from './recent-styles.ts';
import { EmbedFrame } from './embed-frame.tsx';
import { RecentWidget } from './recent-widget.tsx';
import { EmbedElement } from './embed-element.ts';
import type { EmbedOptions } from './embed-options.ts';

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
export class NewsRecentElement extends EmbedElement {
  #root: Root | null = null;

  protected start(options: EmbedOptions): void {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    adoptRecentStyles(shadow);
    const container = document.createElement('div');
    shadow.replaceChildren(container);
    this.#root = createRoot(container, { identifierPrefix: `nrr${++instances}-` });
    this.refresh(options);
  }

  protected refresh(options: EmbedOptions): void {
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

  protected stop(): void {
    this.#root?.unmount();
    this.#root = null;
  }
}

if (!customElements.get('news-recent')) customElements.define('news-recent', NewsRecentElement);
