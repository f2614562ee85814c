import { describe, expect, it } from 'vitest';
import { partFilter, searchParts, searchScope, type ArchiveManifest, type SearchPart } from './archive.ts';

const manifest = (search: ArchiveManifest['search'], total = 25_000): ArchiveManifest => ({ version: 1, total, pageSize: 20, categories: [], search });
const PARTS: SearchPart[] = [
  { path: 'pagefind/0/', articles: 10_000, newest: '2026-11-30T08:00:00Z', oldest: '2025-06-01T00:00:00Z' },
  { path: 'pagefind/1/', articles: 10_000, newest: '2025-05-31T23:00:00Z', oldest: '2024-01-10T00:00:00Z' },
  { path: 'pagefind/2/', articles: 5_000, newest: '2024-01-09T00:00:00Z', oldest: '2019-03-01T00:00:00Z' },
];

describe('archive search parts', () => {
  it('reads the parts a manifest names, and an archive written before parts as one', () => {
    expect(searchParts(manifest({ parts: PARTS }))).toEqual(PARTS);
    expect(searchParts(manifest('pagefind/', 812))).toEqual([{ path: 'pagefind/', articles: 812 }]);
    expect(searchParts(manifest(undefined, 40))).toEqual([{ path: 'pagefind/', articles: 40 }]);
  });

  it('says what a search of the newest parts covers and what is older', () => {
    expect(searchScope(PARTS, 1)).toEqual({
      parts: 1,
      articles: 10_000,
      total: 25_000,
      oldest: '2025-06-01T00:00:00Z',
      older: { articles: 10_000, oldest: '2024-01-10T00:00:00Z' },
    });
    expect(searchScope(PARTS, 2)).toMatchObject({ parts: 2, articles: 20_000, older: { articles: 5_000, oldest: '2019-03-01T00:00:00Z' } });
    // Deeper than the archive (an old link with ?older=9): the whole archive, nothing older.
    expect(searchScope(PARTS, 9)).toEqual({ parts: 3, articles: 25_000, total: 25_000, oldest: '2019-03-01T00:00:00Z', older: undefined });
  });

  it('filters to the searched parts only when more are merged', () => {
    expect(partFilter(1, 1)).toEqual({});
    expect(partFilter(3, 3)).toEqual({});
    expect(partFilter(1, 3)).toEqual({ part: { any: ['0'] } });
    expect(partFilter(2, 3)).toEqual({ part: { any: ['0', '1'] } });
  });
});
