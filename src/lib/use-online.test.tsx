import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../tests/mocks/server.ts';
import { fetchJson } from './http.ts';
import { SAVED_COPY_HEADER } from './connectivity.ts';
import { useOnline } from './use-online.ts';

const URL = 'http://localhost/data/feed.json';
const answer = (savedCopy: boolean) =>
  server.use(
    http.get(URL, () =>
      HttpResponse.json({ items: [] }, { headers: savedCopy ? { [SAVED_COPY_HEADER]: '1' } : {} }),
    ),
  );

describe('useOnline', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    answer(false);
    await fetchJson(URL); // the module remembers the last answer: leave it "from the network"
  });

  it("is false once data comes from the service worker's saved copy, though navigator.onLine says true", async () => {
    const { result } = renderHook(() => useOnline());
    expect(result.current).toBe(true);
    answer(true);
    await act(() => fetchJson(URL));
    expect(navigator.onLine).toBe(true);
    expect(result.current).toBe(false);
    answer(false);
    await act(() => fetchJson(URL));
    expect(result.current).toBe(true);
  });

  it('follows the browser: offline and online events', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { result } = renderHook(() => useOnline());
    expect(result.current).toBe(false);
    onLine.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event('online')));
    expect(result.current).toBe(true);
  });
});
