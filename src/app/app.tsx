import type { ComponentProps } from 'react';
import { Providers } from './providers.tsx';
import { AppRoutes } from './router.tsx';
import { UpdatePrompt } from './layout/update-prompt.tsx';

/**
 * The standalone site: what the build prerenders (src/entry-server.tsx) and what the browser
 * hydrates (main.tsx). One tree for both, so hydration meets exactly the markup the build wrote.
 */
export function App(props: Omit<ComponentProps<typeof Providers>, 'children'>) {
  return (
    <Providers {...props}>
      <AppRoutes />
      {/* The service worker belongs to the standalone site, never to embedded readers. */}
      <UpdatePrompt />
    </Providers>
  );
}
