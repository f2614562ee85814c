const sheets = new Map<string, CSSStyleSheet>();

/**
 * Give a shadow root a stylesheet through a constructable stylesheet, built once per page for each
 * text and shared by every instance. Nothing is added to the host document: no <style>, no
 * <link>, so the host's CSS cannot reach in and ours cannot leak out. Constructable stylesheets
 * are not inline styles, so a host CSP of `style-src 'self'` does not block them.
 */
export function adoptSheet(shadow: ShadowRoot, cssText: string): void {
  let sheet = sheets.get(cssText);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(cssText, sheet);
  }
  if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
