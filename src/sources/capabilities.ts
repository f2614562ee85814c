import type { SourceConfig } from '../types/config.ts';
import type { SourceCapabilities } from './source-adapter.ts';

/**
 * What each source type can do beyond listing its latest articles. Kept apart from the adapters so
 * the UI can ask synchronously while only the adapters a configuration uses are downloaded
 * (registry.ts). Each adapter's `capabilities` is its entry here; a capability promises the
 * method that serves it (registry.test.ts checks both).
 */
export const CAPABILITIES = {
  jsonfeed: { serverSearch: false, categories: false, paging: false },
  rss: { serverSearch: false, categories: false, paging: false },
  wordpress: { serverSearch: true, categories: true, paging: true },
  archive: { serverSearch: true, categories: true, paging: true },
} as const satisfies Record<SourceConfig['type'], SourceCapabilities>;
