import { useMemo, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import type { AppConfig } from '../types/config.ts';
import { ConfigContext } from '../lib/config-context.ts';
import { I18nContext, createTranslator } from '../lib/i18n.ts';

interface ProvidersProps {
  config: AppConfig;
  queryClient: QueryClient;
  children: ReactNode;
  /** Tests pass their own router (MemoryRouter); the app uses the browser's URL. */
  router?: (children: ReactNode) => ReactNode;
}

export function Providers({ config, queryClient, children, router }: ProvidersProps) {
  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
  const t = useMemo(() => createTranslator(config.locale), [config.locale]);
  return (
    <ConfigContext value={config}>
      <I18nContext value={t}>
        <QueryClientProvider client={queryClient}>
          {router ? router(children) : <BrowserRouter basename={basename}>{children}</BrowserRouter>}
        </QueryClientProvider>
      </I18nContext>
    </ConfigContext>
  );
}
