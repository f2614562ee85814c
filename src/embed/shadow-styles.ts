// The reader's whole stylesheet as a string, rewritten for a shadow root at build time
// (build/shadow-css.ts): rem → px, viewport breakpoints → container queries,
// Tailwind's @property defaults as plain declarations.
import appCss from '../index.css?inline';
import embedCss from './embed.css?inline';
import { adoptSheet } from './adopt-sheet.ts';

/** The full reader's styles (<news-reader>, mount()) in its shadow root. */
export function adoptReaderStyles(shadow: ShadowRoot): void {
  adoptSheet(shadow, `${appCss}\n${embedCss}`);
}
