import { mount, type ReaderHandle } from './mount.tsx';
import { EMBED_ATTRIBUTES, optionsFromAttributes } from './embed-options.ts';

/**
 * `<news-reader>`: the whole reader in a shadow root. Attributes: `config` or `feed` (+ `site-name`),
 * `locale`, `routing` (memory | hash | path, with `base`), `initial-path`, `page-size`, `accent`,
 * `font`. Changing an attribute updates the reader; `navigate(path)` opens a page.
 */
export class NewsReaderElement extends HTMLElement {
  static observedAttributes = Object.keys(EMBED_ATTRIBUTES);
  #handle: ReaderHandle | null = null;
  #pending = false;

  connectedCallback(): void {
    this.#handle ??= mount(this, optionsFromAttributes(this));
  }

  disconnectedCallback(): void {
    // Moving the element (remove + insert in one task) keeps the reader.
    queueMicrotask(() => {
      if (this.isConnected || !this.#handle) return;
      this.#handle.unmount();
      this.#handle = null;
    });
  }

  attributeChangedCallback(): void {
    if (!this.#handle || this.#pending) return;
    // Several attributes set in a row make one update.
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#handle?.update(optionsFromAttributes(this));
    });
  }

  /** Open a page of the reader (`/articles/id/slug`), or go back with -1. */
  navigate(to: string | number): void {
    this.#handle?.navigate(to);
  }
}
