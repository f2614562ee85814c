import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { Article, ArticleSummary } from '../../../types/article.ts';
import { categoryPath, searchPath } from '../model/paths.ts';
import { TimeStamp } from './time-stamp.tsx';
import { ShareButton } from './share-button.tsx';
import { srcSetOf } from './responsive-image.ts';
import { contentLanguage, uiLanguage, useT } from '../../../lib/i18n.ts';
import { useReaderRoot } from '../../../lib/root-context.ts';
import { ArticleBody } from './article-body.tsx';
import { useHydrating } from '../../../lib/use-hydrated.ts';

interface ArticleViewProps {
  /** What the list already knows: renders the page at once. */
  summary: ArticleSummary;
  /** The full article once its body is sanitized; until then the body shows a placeholder. */
  article?: Article;
  /** Shown under the body: related stories, reading time… composed by the route. */
  footer?: ReactNode;
  /** Extra line in the meta row (e.g. reading time). */
  meta?: ReactNode;
  /** The article's own URL on this site, for sharing. */
  shareUrl: string;
}

/** The article page's content: headline, standfirst, meta, hero image, body, tags, source, share. */
export function ArticleView({ summary, article, footer, meta, shareUrl }: ArticleViewProps) {
  const t = useT();
  const hydrating = useHydrating();
  // A stable id (a link target on the standalone site), prefixed per instance when embedded.
  const headlineId = `${useReaderRoot().idPrefix}article-headline`;
  const a = article ?? summary;
  const image = a.image;
  const ui = uiLanguage(a.language, t);
  const updated = a.dateModified && a.dateModified !== a.datePublished ? a.dateModified : undefined;
  return (
    <article {...contentLanguage(a.language, t)} aria-labelledby={headlineId}>
      <header>
        {a.category ? (
          <Link
            to={categoryPath(a.category)}
            className="inline-flex min-h-6 items-center text-sm font-bold tracking-wide text-kicker uppercase hover:underline"
          >
            {a.category.name}
          </Link>
        ) : null}
        <h1 id={headlineId} tabIndex={-1} className="mt-1 font-serif focus:outline-none text-3xl leading-tight font-bold md:text-4xl">
          {a.headline}
        </h1>
        {a.standfirst ? <p className="mt-3 text-lg text-muted md:text-xl">{a.standfirst}</p> : null}
        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1 border-y border-line py-3 text-sm text-muted">
          {a.byline.length ? (
            <span className="font-semibold text-ink" {...ui}>
              {t('by', { names: joinNames(a.byline, t('and')) })}
            </span>
          ) : null}
          <span {...ui}>
            <TimeStamp iso={a.datePublished} style="datetime" />
          </span>
          {updated ? (
            <span {...ui}>
              {t('updated')} <TimeStamp iso={updated} style="datetime" />
            </span>
          ) : null}
          {meta ? <span {...ui}>{meta}</span> : null}
        </div>
        {/* On paper there is no address bar: say where the article lives. Without a configured
            siteUrl the build knows only the path; the browser writes its own address once the
            prerendered page is hydrated (the build's text stays until then). */}
        <p className="mt-2 hidden text-sm break-all print:block" {...ui} suppressHydrationWarning>
          {hydrating ? '' : t('onlineAt', { url: shareUrl })}
        </p>
      </header>

      {image ? (
        <figure className="mt-5">
          <img
            src={image.url}
            srcSet={srcSetOf(image)}
            sizes="(min-width: 1024px) 760px, calc(100vw - 2rem)"
            alt={image.alt}
            width={image.width ?? 1200}
            height={image.height ?? 675}
            fetchPriority="high"
            decoding="async"
            className="aspect-video w-full rounded bg-wash object-cover"
          />
          {image.caption || image.credit ? (
            <figcaption className="mt-2 text-sm text-muted">
              {image.caption}
              {image.credit ? (
                <span className="ms-1 text-xs uppercase tracking-wide">{image.credit}</span>
              ) : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}

      <div className="mt-6">
        {a.dateline ? <p className="mb-2 text-sm font-bold tracking-wide uppercase">{a.dateline}</p> : null}
        {article ? (
          <ArticleBody key={article.id} parts={article.bodyHtml} />
        ) : (
          <div role="status" aria-busy="true" className="space-y-3">
            <span className="sr-only">{t('loading')}</span>
            {['w-full', 'w-11/12', 'w-full', 'w-4/5', 'w-full', 'w-2/3'].map((w, i) => (
              <div key={i} className={`skeleton h-5 ${w}`} aria-hidden="true" />
            ))}
          </div>
        )}
      </div>

      <footer className="mt-8 space-y-4 border-t border-line pt-4">
        {a.tags.length ? (
          <div>
            <h2 className="text-sm font-bold text-muted uppercase">
              <span {...ui}>{t('tags')}</span>
            </h2>
            <ul className="mt-1 flex flex-wrap gap-2">
              {a.tags.map((tag) => (
                <li key={tag}>
                  <Link
                    to={searchPath(tag)}
                    className="inline-flex min-h-11 items-center rounded-full bg-wash px-4 text-sm hover:underline"
                  >
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {a.source ? (
          <p className="text-sm text-muted">
            <span {...ui}>{t('source', { source: a.source })}</span>
          </p>
        ) : null}
        <span {...ui}>
          <ShareButton title={a.headline} url={shareUrl} />
        </span>
        {footer}
      </footer>
    </article>
  );
}

function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}
