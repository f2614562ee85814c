import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { QueryClient } from '@tanstack/react-query';
import { Providers } from '../src/app/providers.tsx';
import { AppRoutes } from '../src/app/router.tsx';
import { parseConfig } from '../src/lib/config.ts';
import { CONFIG_URL, FEED_URL } from './mocks/handlers.ts';
import type { AppConfig } from '../src/types/config.ts';

export const testConfig: AppConfig = parseConfig(
  { siteName: 'Test Agency', attribution: '© Test Agency', sources: [{ id: 'main', name: 'Test Agency', url: FEED_URL }], pageSize: 2, recentNewsCount: 2 },
  CONFIG_URL,
);

/** The whole app at a URL, with a fresh QueryClient (no retries) as TanStack's testing guide advises. */
export function renderApp(path: string, config: AppConfig = testConfig) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const utils = render(
    <Providers config={config} queryClient={queryClient} router={(children) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>}>
      <AppRoutes />
    </Providers>,
  );
  return { ...utils, queryClient };
}
