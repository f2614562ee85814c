import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import type { AppConfig } from '../types/config.ts';
import { ConfigContext } from '../lib/config-context.ts';
import en from '../locales/en.json';
import { I18nProvider, type LoadedLocale } from './i18n-provider.tsx';

interface ProvidersProps {
  config: AppConfig;
  queryClient: QueryClient;
  children: ReactNode;
  /** Tests pass their own router (MemoryRouter); the app uses the browser's URL. */
  router?: (children: ReactNode) => ReactNode;
  /** The UI language to start in with its strings; English when not given. */
  locale?: LoadedLocale;
}

export function Providers({
  config,
  queryClient,
  children,
  router,
  locale = { locale: 'en', messages: en },
}: ProvidersProps) {
  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
  return (
    <ConfigContext value={config}>
      <I18nProvider initial={locale} numerals={config.numerals}>
        <QueryClientProvider client={queryClient}>
          {router ? router(children) : <BrowserRouter basename={basename}>{children}</BrowserRouter>}
        </QueryClientProvider>
      </I18nProvider>
    </ConfigContext>
  );
}
