import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../lib/config.ts';
import { configSourceKey, loadEmbedConfig, optionsFromAttributes, withOverrides } from './embed-options.ts';

function element(attributes: Record<string, string>): Element {
  const el = document.createElement('news-reader');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

describe('embed options', () => {
  it('reads attributes, parsing numbers and ignoring invalid values with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const options = optionsFromAttributes(
      element({ feed: '/feed.json', 'page-size': '5', count: 'lots', routing: 'sideways', locale: 'lo', accent: '#c00', 'site-name': 'KPL' }),
    );
    expect(options).toEqual({ feed: '/feed.json', pageSize: 5, locale: 'lo', accent: '#c00', siteName: 'KPL' });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('builds a one-feed configuration from `feed`, without fetching anything', async () => {
    const config = await loadEmbedConfig({ feed: '/data/feed.json', siteName: 'KPL' }, 'http://localhost/config.json');
    expect(config.siteName).toBe('KPL');
    expect(config.sources).toEqual([expect.objectContaining({ id: 'main', url: `${location.origin}/data/feed.json` })]);
  });

  it('applies locale, page size and count over the configuration, validated like config.json', async () => {
    const base = await loadEmbedConfig({ feed: '/f.json' }, 'http://localhost/config.json');
    const config = withOverrides(base, { locale: 'lo', pageSize: 4, count: 3 });
    expect(config).toMatchObject({ locale: 'lo', pageSize: 4, recentNewsCount: 3, siteName: 'localhost' });
    expect(() => withOverrides(base, { pageSize: 500 })).toThrow(ConfigError);
  });

  it('gives readers of the same source the same cache key', () => {
    const d = `${location.origin}/config.json`;
    expect(configSourceKey({ feed: '/a.json' }, d)).toBe(configSourceKey({ feed: `${location.origin}/a.json`, locale: 'lo' }, d));
    expect(configSourceKey({}, d)).toBe(configSourceKey({ config: '/config.json' }, d));
    expect(configSourceKey({ feed: '/a.json' }, d)).not.toBe(configSourceKey({ feed: '/b.json' }, d));
  });
});
