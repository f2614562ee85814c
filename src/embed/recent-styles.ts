// <news-recent>'s stylesheet: the shared tokens and base (src/base.css) and only the utilities
// its own components use (recent.css), rewritten for a shadow root like the reader's.
import recentCss from './recent.css?inline';
import embedCss from './embed.css?inline';
import { adoptSheet } from './adopt-sheet.ts';

/** The Recent News widget's styles in its shadow root. */
export function adoptRecentStyles(shadow: ShadowRoot): void {
  adoptSheet(shadow, `${recentCss}\n${embedCss}`);
}
