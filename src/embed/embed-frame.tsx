import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '../types/config.ts';
import { ConfigError } from '../lib/config.ts';
import { createTranslator } from '../lib/i18n.ts';
import { ArticleListSkeleton } from '../components/article-list-skeleton.tsx';
import { configSourceKey, loadEmbedConfig, withOverrides, type EmbedOptions } from './embed-options.ts';
import { queryClientFor } from './query-clients.ts';

interface EmbedFrameProps {
  options: EmbedOptions;
  defaultConfigUrl: string;
  /** `region`: a labelled region that lays out by its own width (the reader); `box`: a plain box. */
  layout: 'region' | 'box';
  children: (config: AppConfig, queryClient: QueryClient) => ReactNode;
}

type Loaded = { key: string; config: AppConfig } | { key: string; error: ConfigError };

/**
 * The box every embedded widget lives in: loads its configuration (config.json or a single feed),
 * applies the element's overrides and theme, and shows a skeleton while loading and a plain
 * message when the configuration cannot be used.
 */
export function EmbedFrame({ options, defaultConfigUrl, layout, children }: EmbedFrameProps) {
  const key = configSourceKey(options, defaultConfigUrl);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    loadEmbedConfig(options, defaultConfigUrl).then(
      (config) => current && setLoaded({ key, config }),
      (error: unknown) => {
        if (!current) return;
        if (!(error instanceof ConfigError)) throw error;
        console.error(`[news] ${error.url}: ${error.field ? `${error.field}: ` : ''}${error.message}`);
        setLoaded({ key, error });
      },
    );
    return () => {
      current = false;
    };
    // `key` names everything loadEmbedConfig reads from the options.
  }, [key, defaultConfigUrl]); // eslint-disable-line react-hooks/exhaustive-deps

  const result = useMemo((): { config: AppConfig } | { error: ConfigError } | null => {
    if (!loaded || loaded.key !== key) return null;
    if ('error' in loaded) return loaded;
    try {
      return { config: withOverrides(loaded.config, options) };
    } catch (error) {
      if (error instanceof ConfigError) return { error };
      throw error;
    }
  }, [loaded, key, options]);

  const style = useMemo(() => themeStyle(options), [options]);
  const config = result && 'config' in result ? result.config : undefined;
  const Box = layout === 'region' && config ? 'section' : 'div';
  return (
    <Box
      className="news-root"
      data-layout={layout}
      aria-label={Box === 'section' ? config?.siteName : undefined}
      lang={config?.locale ?? options.locale}
      style={style}
    >
      {config ? (
        children(config, queryClientFor(key))
      ) : result && 'error' in result ? (
        <ConfigProblem error={result.error} />
      ) : layout === 'region' ? (
        <div className="p-4">
          <ArticleListSkeleton label={createTranslator(options.locale ?? 'en')('loading')} rows={3} />
        </div>
      ) : null}
    </Box>
  );
}

function ConfigProblem({ error }: { error: ConfigError }) {
  const t = createTranslator(navigator.language || 'en');
  return (
    <div role="alert" className="rounded border-t-4 border-kicker bg-wash p-4">
      <p className="font-bold">{t('configError')}</p>
      <p className="mt-2 text-sm">
        {error.field
          ? t('configErrorField', { file: error.url, field: error.field, message: error.message })
          : t('configErrorGeneral', { file: error.url, message: error.message })}
      </p>
    </div>
  );
}

/**
 * The theme attributes as custom properties on the reader's root. Set through the style object
 * (CSSOM), which a `style-src 'self'` CSP allows; a value the browser cannot parse is ignored.
 */
function themeStyle({ accent, font }: EmbedOptions): CSSProperties | undefined {
  const style: Record<string, string> = {};
  if (accent && CSS.supports('color', accent)) {
    style['--color-accent'] = accent;
    style['--color-accent-strong'] = `color-mix(in srgb, ${accent} 80%, black)`;
  }
  if (font && CSS.supports('font-family', font)) {
    style['--font-sans'] = font;
    style['--font-serif'] = font;
  }
  return Object.keys(style).length ? (style as CSSProperties) : undefined;
}
