import { renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../../tests/mocks/server.ts';
import { FEED_URL } from '../../../../tests/mocks/handlers.ts';
import { testConfig } from '../../../../tests/render-app.tsx';
import { ConfigContext } from '../../../lib/config-context.ts';
import { sourceArticlesQueryOptions, useArticles } from './get-articles.ts';

describe('useArticles', () => {
  it('reports the retries of a load that started before it mounted (prerendered page, prefetch in main.tsx)', async () => {
    let requests = 0;
    server.use(
      http.get(FEED_URL, () => {
        requests++;
        return new HttpResponse('Internal Server Error', { status: 500 });
      }),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 3, retryDelay: 60_000 } } });
    const source = testConfig.sources[0]!;
    void queryClient.prefetchQuery(sourceArticlesQueryOptions(source, testConfig.requestTimeoutMs));
    await waitFor(() => expect(queryClient.getQueryState(sourceArticlesQueryOptions(source, testConfig.requestTimeoutMs).queryKey)?.fetchFailureCount).toBe(1));

    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ConfigContext value={testConfig}>{children}</ConfigContext>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useArticles(), { wrapper });
    // The first render already says which attempt is next and why, not a blank "loading".
    expect(result.current.isPending).toBe(true);
    expect(result.current.retrying).toMatchObject({ source: { id: source.id }, attempt: 2 });
    expect(result.current.retrying?.error.message).toMatch(/500/);
    expect(requests).toBe(1);
    queryClient.clear();
  });
});
