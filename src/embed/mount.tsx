import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { NavigateFunction } from 'react-router';
import { adoptReaderStyles } from './shadow-styles.ts';
import { EmbedFrame } from './embed-frame.tsx';
import { ReaderApp } from './reader-app.tsx';
import type { EmbedOptions } from './embed-options.ts';
import type { Emit } from './host-bridge.tsx';

/** What `mount()` returns: the host's remote control of one reader. */
export interface ReaderHandle {
  /** Change options (config, feed, locale, routing, theme…); the reader updates in place. */
  update(options: EmbedOptions): void;
  /** Open a page of the reader (`/articles/id/slug`, `/search?q=rice`), or go back with -1. */
  navigate(to: string | number): void;
  /** Remove the reader and free what it holds. */
  unmount(): void;
}

/** Where a config.json sits when the host names none: next to the embed bundle's folder. */
export const DEFAULT_CONFIG_URL = new URL(/* @vite-ignore */ '../config.json', import.meta.url).href;

let instances = 0;

/**
 * Open a shadow root on `element` (or reuse its own) with the reader's styles and a React root:
 * everything the widget renders and every style it uses stays inside. Each instance has its own
 * id prefix and its own router; the query cache is shared by instances that read the same feed.
 */
export function createShadowRoot(element: HTMLElement): { shadow: ShadowRoot; root: Root; idPrefix: string } {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  adoptReaderStyles(shadow);
  const container = document.createElement('div');
  shadow.append(container);
  const idPrefix = `nr${++instances}-`;
  // identifierPrefix keeps useId() ids unique even between readers on one page.
  return { shadow, root: createRoot(container, { identifierPrefix: idPrefix }), idPrefix };
}

/**
 * Mount the full reader in `element`. Events are dispatched on the element, bubbling and
 * composed: `news-reader:navigate` (detail `{ path, action }`) on every page, and
 * `news-reader:article-open` (detail `{ id, slug, headline, url, path }`) when an article opens.
 */
export function mount(element: HTMLElement, options: EmbedOptions = {}): ReaderHandle {
  const { shadow, root, idPrefix } = createShadowRoot(element);
  const navigateRef: { current: NavigateFunction | null } = { current: null };
  const readerRoot = { node: shadow, idPrefix, embedded: true, chrome: 'full' as const };
  const emit: Emit = (type, detail) => element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  let current = { ...options };
  let mounted = true;

  const render = () =>
    root.render(
      <StrictMode>
        <EmbedFrame options={current} defaultConfigUrl={DEFAULT_CONFIG_URL} layout="region">
          {(config, queryClient) => (
            <ReaderApp
              config={config}
              queryClient={queryClient}
              root={readerRoot}
              routing={current.routing ?? 'memory'}
              base={current.base}
              initialPath={current.initialPath}
              emit={emit}
              navigateRef={navigateRef}
            />
          )}
        </EmbedFrame>
      </StrictMode>,
    );
  render();

  return {
    update(options) {
      if (!mounted) return;
      current = { ...options };
      render();
    },
    navigate(to) {
      if (!mounted) return;
      const navigate = navigateRef.current;
      if (navigate) {
        if (typeof to === 'number') void navigate(to);
        else void navigate(to);
      } else if (typeof to === 'string') {
        // Not rendered yet (the config is still loading): start there.
        current = { ...current, initialPath: to };
        render();
      }
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      root.unmount();
      shadow.replaceChildren();
    },
  };
}
