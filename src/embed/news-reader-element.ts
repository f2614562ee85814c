import { mount, type ReaderHandle } from './mount.tsx';
import { EmbedElement } from './embed-element.ts';
import type { EmbedOptions } from './embed-options.ts';

/**
 * `<news-reader>`: the whole reader in a shadow root. Attributes: `config` or `feed` (+ `site-name`),
 * `locale`, `routing` (memory | hash | path, with `base`), `initial-path`, `page-size`, `accent`,
 * `font`. Changing an attribute updates the reader; `navigate(path)` opens a page.
 */
export class NewsReaderElement extends EmbedElement {
  #handle: ReaderHandle | null = null;

  protected start(options: EmbedOptions): void {
    this.#handle = mount(this, options);
  }

  protected refresh(options: EmbedOptions): void {
    this.#handle?.update(options);
  }

  protected stop(): void {
    this.#handle?.unmount();
    this.#handle = null;
  }

  /** Open a page of the reader (`/articles/id/slug`), or go back with -1. */
  navigate(to: string | number): void {
    this.#handle?.navigate(to);
  }
}
