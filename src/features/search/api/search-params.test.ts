import { describe, expect, it } from 'vitest';
import { readSearchState, writeSearchState } from './search-params.ts';

describe('search state in the URL', () => {
  it('keeps how many older archive parts are searched (?older=), and leaves the default out', () => {
    const deeper = readSearchState(new URLSearchParams('q=rice&older=2&page=3'));
    expect(deeper).toMatchObject({ q: 'rice', older: 2, page: 3 });
    expect(writeSearchState(deeper)).toBe('q=rice&page=3&older=2');
    expect(writeSearchState(readSearchState(new URLSearchParams('q=rice')))).toBe('q=rice');
  });

  it('ignores an older= that is not a whole number above 0', () => {
    for (const bad of ['-1', '0', '1.5', 'all', '']) {
      expect(readSearchState(new URLSearchParams(`q=a&older=${bad}`)).older, bad).toBe(0);
    }
  });
});
