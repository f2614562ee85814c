import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../types/config.ts';
import { CAPABILITIES } from './capabilities.ts';
import { capabilitiesOf, loadAdapter } from './registry.ts';

const TYPES = Object.keys(CAPABILITIES) as SourceConfig['type'][];

describe('source registry', () => {
  it.each(TYPES)('%s: the adapter is the type it is registered for and declares its capabilities', async (type) => {
    const adapter = await loadAdapter({ type });
    expect(adapter.type).toBe(type);
    expect(adapter.capabilities).toEqual(capabilitiesOf({ type }));
  });

  it.each(TYPES)('%s: every capability comes with the method that serves it', async (type) => {
    const adapter = await loadAdapter({ type });
    const { serverSearch, categories, paging } = capabilitiesOf({ type });
    expect(typeof adapter.search === 'function').toBe(serverSearch);
    expect(typeof adapter.loadCategory === 'function').toBe(categories);
    expect(typeof adapter.loadListPage === 'function').toBe(paging);
  });
});
