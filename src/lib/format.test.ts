import { describe, expect, it } from 'vitest';
import { formatDate, formatRelative } from './format.ts';

const now = Date.parse('2026-11-28T12:00:00Z');

describe('dates', () => {
  it('never prints Invalid Date', () => {
    expect(formatDate('not a date', 'en')).toBeUndefined();
    expect(formatRelative(undefined, 'en', now)).toBeUndefined();
  });
  it('is relative within a week and absolute before', () => {
    expect(formatRelative('2026-11-28T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-27T12:00:00Z', 'en', now)).toBe('yesterday');
    expect(formatRelative('2026-10-01T12:00:00Z', 'en', now)).toBe('October 1, 2026');
  });
  it('shows a future date as a date, not "in 3 days"', () => {
    expect(formatRelative('2026-12-01T12:00:00Z', 'en', now)).toBe('December 1, 2026');
  });
  it('uses the locale', () => {
    expect(formatDate('2026-11-01T12:00:00Z', 'lo')).toMatch(/ພະຈິກ|11/);
  });
});
