// Entry of the `<news-reader>` bundle (dist/embed/news-reader.js): defines the element and
// exports mount() for hosts that prefer code.
import { NewsReaderElement } from './news-reader-element.ts';

export { mount } from './mount.tsx';
export type { ReaderHandle } from './mount.tsx';
export type { EmbedOptions } from './embed-options.ts';
export { NewsReaderElement };

if (!customElements.get('news-reader')) customElements.define('news-reader', NewsReaderElement);
