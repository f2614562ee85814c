import { useMemo, useState, type ReactNode } from 'react';
import { BrowserRouter, HashRouter, MemoryRouter, type NavigateFunction } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { AppConfig } from '../types/config.ts';
import { RootContext, type ReaderRoot } from '../lib/root-context.ts';
import { Providers } from '../app/providers.tsx';
import { AppRoutes } from '../app/router.tsx';
import type { EmbedRouting } from './embed-options.ts';
import { HostBridge, type Emit } from './host-bridge.tsx';

interface ReaderAppProps {
  config: AppConfig;
  queryClient: QueryClient;
  root: Omit<ReaderRoot, 'routing' | 'basename'>;
  routing: EmbedRouting;
  /** `path` routing: the sub-path the reader owns. */
  base?: string | undefined;
  /** `memory` routing: the first page. */
  initialPath?: string | undefined;
  emit: Emit;
  navigateRef: { current: NavigateFunction | null };
}

/** The whole reader (routes, header, Recent News) with the router its routing mode asks for. */
export function ReaderApp({ config, queryClient, root, routing, base, initialPath, emit, navigateRef }: ReaderAppProps) {
  const basename = routing === 'path' ? normalizeBase(base) : '';
  const readerRoot = useMemo<ReaderRoot>(() => ({ ...root, routing, basename }), [root, routing, basename]);
  // The first page only matters when the router is created: a later change of the attribute does not
  // reset a memory router. Each render makes the same router element types, so nothing remounts.
  const [firstEntry] = useState(() => (initialPath?.startsWith('/') ? initialPath : '/'));
  const router =
    routing === 'hash'
      ? (children: ReactNode) => <HashRouter>{children}</HashRouter>
      : routing === 'path'
        ? (children: ReactNode) => <BrowserRouter basename={basename || '/'}>{children}</BrowserRouter>
        : (children: ReactNode) => <MemoryRouter initialEntries={[firstEntry]}>{children}</MemoryRouter>;
  return (
    <RootContext value={readerRoot}>
      <Providers config={config} queryClient={queryClient} router={router}>
        <HostBridge emit={emit} navigateRef={navigateRef} />
        <AppRoutes />
      </Providers>
    </RootContext>
  );
}

/** `news/` → `/news`; `/` or nothing → '' (the site root). */
function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/\/+$/, '');
  if (!trimmed) return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
