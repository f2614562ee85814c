import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { ArticleSummary } from '../../../types/article.ts';
import { articlePath, categoryPath } from '../model/paths.ts';
import { TimeStamp } from './time-stamp.tsx';
import { srcSetOf } from './responsive-image.ts';
import { contentLanguage, uiLanguage, useT } from '../../../lib/i18n.ts';
import { useConfig } from '../../../lib/config-context.ts';

/**
 * Every card carries its article's id in this attribute. Back returns to the story the reader
 * left: scroll restoration (app/layout/use-scroll-restoration.ts) remembers which card was at the
 * top of the screen and where, and puts it there again (docs/decisions/065-anchor-scroll-restoration.md).
 */
export const ARTICLE_ID_ATTRIBUTE = 'data-article-id';

/**
 * Dispatched on the reader's root node (the document, or the shadow root of an embedded reader)
 * while scroll restoration looks for a card that is not in the DOM; `detail` is the article id. A
 * list that renders only the rows near the screen (article-feed.tsx) and holds the article scrolls
 * it into the DOM and cancels the event (`preventDefault()`), so restoration waits for the card
 * instead of falling back to the pixel offset.
 */
export const REVEAL_ARTICLE_EVENT = 'news-reader:reveal-article';

interface ArticleCardProps {
  article: ArticleSummary;
  /** lead: the top story, large picture; standard: list row with a thumbnail. */
  variant?: 'lead' | 'standard';
  /** Heading level inside the page outline (h2 on lists, h3 inside sections). */
  headingLevel?: 2 | 3;
  /** Replaces the plain headline (search results pass highlighted text). */
  headline?: ReactNode;
  /** Replaces the standfirst (search results pass a highlighted snippet). */
  summary?: ReactNode;
  /** The first card on the page gets its picture eagerly and at high priority (it is the LCP). */
  priority?: boolean;
}

/** A story in a list: kicker (category), headline link, standfirst, date, thumbnail. */
export function ArticleCard({
  article,
  variant = 'standard',
  headingLevel = 2,
  headline,
  summary,
  priority,
}: ArticleCardProps) {
  const t = useT();
  // With several sources every story says where it came from.
  const manySources = useConfig().sources.length > 1;
  const Heading = `h${headingLevel}` as const;
  const image = article.image;
  const lead = variant === 'lead';
  return (
    <article
      {...{ [ARTICLE_ID_ATTRIBUTE]: article.id }}
      {...contentLanguage(article.language, t)}
      className={
        lead
          ? `grid gap-4 border-b border-line pb-6 ${image ? 'md:grid-cols-[3fr_2fr] md:items-start' : ''}`
          : 'grid grid-cols-[1fr_auto] gap-4 border-b border-line py-4'
      }
    >
      <div className={lead ? 'md:order-2' : 'min-w-0'}>
        {article.category ? (
          <Link
            to={categoryPath(article.category)}
            className="relative z-10 inline-flex min-h-6 items-center text-xs font-bold tracking-wide text-kicker uppercase hover:underline"
          >
            {article.category.name}
          </Link>
        ) : null}
        <Heading
          className={`font-serif font-bold text-ink ${lead ? 'mt-1 text-2xl leading-tight md:text-3xl' : 'mt-0.5 text-lg leading-snug'}`}
        >
          <Link
            to={articlePath(article)}
            className="hover:text-accent hover:underline focus-visible:text-accent"
          >
            {headline ?? article.headline}
          </Link>
        </Heading>
        {(summary ?? article.standfirst) ? (
          <p className={`mt-1.5 text-muted ${lead ? 'text-base' : 'line-clamp-3 text-[0.95rem]'}`}>
            {summary ?? article.standfirst}
          </p>
        ) : null}
        <p className="mt-2 text-sm text-muted">
          <span {...uiLanguage(article.language, t)}>
            <TimeStamp iso={article.datePublished} />
            {manySources && article.source ? <span>{` · ${t('fromSource', { source: article.source })}`}</span> : null}
          </span>
        </p>
      </div>
      {image ? (
        <img
          src={lead ? image.url : (image.thumbUrl ?? image.url)}
          // Phones download the rendition that fits, not the 1200-pixel original.
          srcSet={srcSetOf(image)}
          sizes={lead ? '(min-width: 768px) 460px, calc(100vw - 2rem)' : '(min-width: 640px) 160px, 112px'}
          alt={image.alt}
          width={lead ? (image.width ?? 1200) : 400}
          height={lead ? (image.height ?? 675) : 225}
          loading={priority ? 'eager' : 'lazy'}
          fetchPriority={priority ? 'high' : 'auto'}
          decoding={priority ? 'sync' : 'async'}
          className={
            lead
              ? 'aspect-video w-full rounded bg-wash object-cover md:order-1'
              : 'aspect-video w-28 rounded bg-wash object-cover sm:w-40'
          }
        />
      ) : null}
    </article>
  );
}
