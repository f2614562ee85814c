import { highlight } from '../highlight.ts';

/**
 * Text with the matched words wrapped in <mark>, built as React nodes: the text is never
 * parsed as HTML, so a headline full of angle brackets stays text.
 */
export function HighlightedText({ text, terms }: { text: string; terms: string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlight(text, terms).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
