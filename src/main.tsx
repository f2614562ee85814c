import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { loadConfig, ConfigError } from './lib/config.ts';
import { createQueryClient } from './app/query-client.ts';
import { Providers } from './app/providers.tsx';
import { AppRoutes } from './app/router.tsx';
import { ConfigErrorPage } from './app/config-error-page.tsx';
import { sourceArticlesQueryOptions } from './features/articles/api/get-articles.ts';

const root = createRoot(document.getElementById('root')!);
const configUrl = new URL(`${import.meta.env.BASE_URL}config.json`, location.origin).href;

/**
 * Read config.json, start the feed downloads at once (before React renders, so they run in
 * parallel with the first render), then mount. A broken config gets a full-page explanation.
 */
async function start(): Promise<void> {
  try {
    const config = await loadConfig(configUrl);
    document.documentElement.lang = config.locale;
    const queryClient = createQueryClient();
    for (const source of config.sources) {
      void queryClient.prefetchQuery(sourceArticlesQueryOptions(source, config.requestTimeoutMs));
    }
    root.render(
      <StrictMode>
        <Providers config={config} queryClient={queryClient}>
          <AppRoutes />
        </Providers>
      </StrictMode>,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[news] ${error.url}: ${error.field ? `${error.field}: ` : ''}${error.message}`);
    root.render(<ConfigErrorPage error={error} />);
  }
}

void start();
