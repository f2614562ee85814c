import { EMBED_ATTRIBUTES, optionsFromAttributes, type EmbedOptions } from './embed-options.ts';

/**
 * The life cycle both custom elements share: start when connected, follow attribute changes
 * (several set in a row make one update), stop when removed, but not when merely moved
 * (removed and inserted again in the same task).
 */
export abstract class EmbedElement extends HTMLElement {
  static observedAttributes = Object.keys(EMBED_ATTRIBUTES);
  #running = false;
  #pending = false;

  protected abstract start(options: EmbedOptions): void;
  protected abstract refresh(options: EmbedOptions): void;
  protected abstract stop(): void;

  connectedCallback(): void {
    if (this.#running) return;
    this.#running = true;
    this.start(optionsFromAttributes(this));
  }

  disconnectedCallback(): void {
    queueMicrotask(() => {
      if (this.isConnected || !this.#running) return;
      this.#running = false;
      this.stop();
    });
  }

  attributeChangedCallback(): void {
    if (!this.#running || this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.#running) this.refresh(optionsFromAttributes(this));
    });
  }
}
