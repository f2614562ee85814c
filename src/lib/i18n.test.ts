import { describe, expect, it } from 'vitest';
import { createTranslator } from './i18n.ts';

describe('createTranslator', () => {
  it('interpolates and formats numbers in the locale', () => {
    const t = createTranslator('en');
    expect(t.plural('results', 1)).toBe('1 result');
    expect(t.plural('results', 1200)).toBe('1,200 results');
    expect(t('searchResultsFor', { query: 'rice' })).toBe('Results for “rice”');
  });
  it('falls back to English for a missing key', () => {
    const t = createTranslator('lo', { search: 'ຄົ້ນຫາ' });
    expect(t('search')).toBe('ຄົ້ນຫາ');
    expect(t('retry')).toBe('Retry');
  });
});
