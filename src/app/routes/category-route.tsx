import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { ArticleList } from '../../features/articles/components/article-list.tsx';
import { categoryPath } from '../../features/articles/model/paths.ts';
import { pageFromSearch, withPage } from './page-param.ts';
import { NotFoundRoute } from './lazy-routes.ts';
import { DocumentMeta } from '../layout/document-meta.tsx';

/** `/category/:slug`: one section's stories, paged. An unknown section is a 404 once data has loaded. */
export function CategoryRoute() {
  const { slug = '' } = useParams();
  const config = useConfig();
  const t = useT();
  const [params] = useSearchParams();
  const page = pageFromSearch(params);
  const state = useArticles();
  const inCategory = useMemo(() => state.articles.filter((a) => a.category?.slug === slug), [state.articles, slug]);
  const name = inCategory[0]?.category?.name;

  if (!state.isPending && state.failures.length === 0 && !name) return <NotFoundRoute />;

  return (
    <>
      <DocumentMeta>
        <title>{`${name ?? slug} · ${config.siteName}`}</title>
        <meta name="description" content={`${name ?? slug}: ${config.description || config.siteName}`} />
      </DocumentMeta>
      <h1 tabIndex={-1} className="mb-4 border-b-4 border-kicker pb-2 font-serif text-3xl font-bold focus:outline-none">
        {name ?? <span className="skeleton inline-block h-8 w-40 align-middle" aria-label={t('loading')} />}
      </h1>
      <ArticleList
        articles={inCategory}
        state={state}
        page={page}
        pageSize={config.pageSize}
        hrefForPage={(p) => withPage(categoryPath(slug), params, p)}
        emptyText={t('emptyCategory')}
      />
    </>
  );
}
