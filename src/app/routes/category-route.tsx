import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useConfig } from '../../lib/config-context.ts';
import { useT } from '../../lib/i18n.ts';
import { useArticles } from '../../features/articles/api/get-articles.ts';
import { ArticleList } from '../../features/articles/components/article-list.tsx';
import { categoryPath } from '../../features/articles/model/paths.ts';
import { pageFromSearch, withPage } from './page-param.ts';
import { NotFoundRoute } from './not-found-route.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { listsCategoriesOnServer, useSourceCategory } from '../../features/articles/api/get-source-pages.ts';
import type { SourceConfig } from '../../types/config.ts';
import { DocumentMeta } from '../../components/document-meta.tsx';

/** `/category/:slug`: one section's stories, paged. An unknown section is a 404 once data has loaded. */
export function CategoryRoute() {
  const config = useConfig();
  const only = config.sources.length === 1 ? config.sources[0] : undefined;
  // A source whose server lists categories (an archive, WordPress) is asked for the section's
  // page instead of filtering what the front page loaded.
  return listsCategoriesOnServer(only) ? <ServerCategory source={only} /> : <LoadedCategory />;
}

/** One section of a source that lists categories on its server, paged there. */
function ServerCategory({ source }: { source: SourceConfig }) {
  const { slug = '' } = useParams();
  const config = useConfig();
  const t = useT();
  const [params] = useSearchParams();
  const page = pageFromSearch(params);
  const query = useSourceCategory(source, slug, page, config.requestTimeoutMs);
  if (query.data === null) return <NotFoundRoute />;
  const name = query.data?.name;
  return (
    <>
      <title>{`${name ?? slug} · ${config.siteName}`}</title>
      <h1 tabIndex={-1} className="mb-4 border-b-4 border-kicker pb-2 font-serif text-3xl font-bold focus:outline-none">
        {name ?? <span className="skeleton inline-block h-8 w-40 align-middle" aria-label={t('loading')} />}
      </h1>
      <ArticleList
        articles={query.data?.articles ?? []}
        state={{
          isPending: query.isPending,
          failures: query.error ? [{ source, error: query.error, stale: false }] : [],
          retry: () => void query.refetch(),
          results: [],
        }}
        page={1}
        pageSize={query.data?.articles.length || config.pageSize}
        hrefForPage={() => ''}
        emptyText={t('emptyCategory')}
      />
      <Pagination
        page={page}
        totalPages={query.data?.totalPages ?? 1}
        hrefFor={(p) => withPage(categoryPath(slug), params, p)}
      />
    </>
  );
}

/** One section, filtered from the articles every source loaded. */
function LoadedCategory() {
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
