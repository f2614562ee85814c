import { useSearchParams } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { ArticleList } from '../../features/articles/components/article-list.tsx';
import { pageFromSearch, withPage } from './page-param.ts';
import { DocumentMeta } from '../layout/document-meta.tsx';

/** `/`: the latest stories, newest first, paged (`?page=2`). */
export function HomeRoute() {
  const config = useConfig();
  const t = useT();
  const [params] = useSearchParams();
  const page = pageFromSearch(params);
  const state = useArticles();
  const title = page > 1 ? `${t('latestNews')} · ${t('page', { page })} · ${config.siteName}` : config.siteName;
  return (
    <>
      <DocumentMeta>
        <title>{title}</title>
        {config.description ? <meta name="description" content={config.description} /> : null}
      </DocumentMeta>
      <h1 tabIndex={-1} className="mb-4 font-serif text-2xl font-bold focus:outline-none">
        {t('latestNews')}
        {page > 1 ? <span className="ms-2 text-base font-normal text-muted">{` ${t('page', { page })}`}</span> : null}
      </h1>
      <ArticleList
        articles={state.articles}
        state={state}
        page={page}
        pageSize={config.pageSize}
        hrefForPage={(p) => withPage('/', params, p)}
        emptyText={t('emptyFeed')}
        withLead
      />
    </>
  );
}
