import type { ReactNode } from 'react';
import { useReaderRoot } from '../lib/root-context.ts';

/**
 * The page's `<title>`, `<meta>` and `<link rel="canonical">` (React 19 hoists them into the
 * document head). An embedded reader renders none of them: the host page's title is the host's.
 */
export function DocumentMeta({ children }: { children: ReactNode }) {
  return useReaderRoot().embedded ? null : children;
}
