import { useEffect, useRef, useState } from 'react';
import type { SanitizedHtml } from '../../../types/article.ts';
import { useEmbedFacades } from './embed-facades.ts';
import { useGalleries } from './gallery.ts';

/** Parts in the first render: the first 32 KB of a body, more than the first screens show. */
const FIRST_PARTS = 1;

/**
 * The sanitized body. A very long body arrives in parts (src/lib/sanitize.ts): the first parts
 * render at once and the rest are added one per task, so the page keeps answering input while a
 * 1 MB article fills in. Every part is its own container: what one part's HTML leaves open
 * cannot reach into the next. Parent: key this by article id, so a new article starts over.
 */
export function ArticleBody({ parts }: { parts: readonly SanitizedHtml[] }) {
  const [shown, setShown] = useState(FIRST_PARTS);
  useEffect(() => {
    if (shown >= parts.length) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, parts.length]);
  const body = useRef<HTMLDivElement>(null);
  useEmbedFacades(body, shown);
  useGalleries(body, shown);
  const many = parts.length > 1;
  return (
    <div className="article-body" ref={body}>
      {parts.slice(0, shown).map((html, i) => (
        <div
          key={i}
          className={many ? 'article-part article-part-deferred' : 'article-part'}
          // A part off screen is not laid out until it comes near (content-visibility: auto);
          // meanwhile it holds about its height, so the scrollbar does not jump much.
          style={many ? { containIntrinsicSize: `auto ${estimateHeight(html)}px` } : undefined}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ))}
    </div>
  );
}

/** A rough height for a part before it is laid out: its text length at about 60 characters per 30 px line. */
function estimateHeight(html: SanitizedHtml): number {
  return Math.max(200, Math.round((String(html).length / 2 / 60) * 30));
}
