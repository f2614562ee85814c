import type { HighlightSegment } from '../engine/highlight.ts';

/**
 * Text with the matched words wrapped in <mark>, built as React nodes from segments the search
 * engine computed: the text is never parsed as HTML, so a headline full of angle brackets stays text.
 */
export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return <>{segments.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
