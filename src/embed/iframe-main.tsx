// Entry of embed.html: the reader with minimal chrome for an <iframe> on another site. It reports
// its height to the parent (embed.js resizes the iframe) and its navigation, only ever to the
// parent's configured origin.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { NavigateFunction } from 'react-router';
import '../index.css';
import { EmbedFrame } from './embed-frame.tsx';
import { ReaderApp } from './reader-app.tsx';
import { parentOriginOf, reportHeight } from './auto-height.ts';
import type { Emit } from './host-bridge.tsx';
import type { EmbedOptions } from './embed-options.ts';

const params = new URLSearchParams(location.search);
const number = (name: string) => {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const options: EmbedOptions = {
  config: params.get('config') ?? undefined,
  feed: params.get('feed') ?? undefined,
  siteName: params.get('siteName') ?? undefined,
  locale: params.get('locale') ?? undefined,
  pageSize: number('pageSize'),
  accent: params.get('accent') ?? undefined,
  font: params.get('font') ?? undefined,
  initialPath: params.get('path') ?? undefined,
};
const parentOrigin = parentOriginOf(params);
const container = document.getElementById('root')!;
const emit: Emit = (type, detail) => {
  if (parentOrigin) window.parent.postMessage({ type, detail }, parentOrigin);
};
const navigateRef: { current: NavigateFunction | null } = { current: null };
const root = { node: document, idPrefix: '', embedded: false, chrome: 'minimal' as const };

if (options.locale) document.documentElement.lang = options.locale;
if (parentOrigin) reportHeight(parentOrigin, container);

createRoot(container).render(
  <StrictMode>
    <EmbedFrame options={options} defaultConfigUrl={new URL(`${import.meta.env.BASE_URL}config.json`, location.href).href} layout="box">
      {(config, queryClient) => (
        // Memory routing: pushState inside an iframe would add entries to the host's history,
        // so the host's Back button would page through the reader instead of leaving it.
        <ReaderApp
          config={config}
          queryClient={queryClient}
          root={root}
          routing="memory"
          initialPath={options.initialPath}
          emit={emit}
          navigateRef={navigateRef}
        />
      )}
    </EmbedFrame>
  </StrictMode>,
);
