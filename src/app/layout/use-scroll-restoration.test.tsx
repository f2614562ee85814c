import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { useScrollRestoration } from './use-scroll-restoration.ts';

function Page() {
  useScrollRestoration();
  return <p>page</p>;
}
const routes: RouteObject[] = [{ path: '*', element: <Page /> }];

describe('useScrollRestoration', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sessionStorage.clear();
  });

  it('on the page as loaded, with no saved position, neither reads layout nor scrolls', () => {
    const scrollHeight = vi.spyOn(document.documentElement, 'scrollHeight', 'get');
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/'] })} />);
    expect(scrollHeight).not.toHaveBeenCalled();
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it('a reload with a saved position goes back to it', () => {
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    sessionStorage.setItem('news-reader:scroll', JSON.stringify([[router.state.location.key, 640]]));
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(5000);
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    render(<RouterProvider router={router} />);
    expect(scrollTo).toHaveBeenCalledWith(0, 640);
  });

  it('a new page starts at the top', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const router = createMemoryRouter(routes, { initialEntries: ['/'] });
    render(<RouterProvider router={router} />);
    await act(() => router.navigate('/articles/1/x'));
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });
});
