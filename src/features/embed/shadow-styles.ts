// The reader's whole stylesheet as a string, rewritten for a shadow root at build time
// (scripts/vite-plugin-shadow-css.ts): rem → px, viewport breakpoints → container queries,
// Tailwind's @property defaults as plain declarations.
import appCss from '../../index.css?inline';
import embedCss from './embed.css?inline';

let sheet: CSSStyleSheet | undefined;

/**
 * Give a shadow root the reader's styles through a constructable stylesheet, built once per page
 * and shared by every instance. Nothing is added to the host document: no <style>, no <link>, so
 * the host's CSS cannot reach in and ours cannot leak out. Constructable stylesheets are not
 * inline styles, so a host CSP of `style-src 'self'` does not block them.
 */
export function adoptReaderStyles(shadow: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${appCss}\n${embedCss}`);
  }
  if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
