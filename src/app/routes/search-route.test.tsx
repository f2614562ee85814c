import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { QueryClient } from '@tanstack/react-query';
import { renderApp, testConfig } from '../../../tests/render-app.tsx';
import { Providers } from '../providers.tsx';
import { AppRoutes } from '../router.tsx';

/** Shows the router's location, and goes back like the browser's Back button. */
function LocationProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div>
      <output aria-label="location">{location.pathname + location.search}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Browser back
      </button>
    </div>
  );
}

function renderWithLocation(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  return render(
    <Providers config={testConfig} queryClient={queryClient} router={(children) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>}>
      <AppRoutes />
      <LocationProbe />
    </Providers>,
  );
}

describe('/search', () => {
  it('ranks a headline match above a body match and highlights both', async () => {
    renderApp('/search?q=bridge');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “bridge”' })).toBeInTheDocument();
    expect(await screen.findByText('2 results')).toBeInTheDocument();
    const main = screen.getByRole('main');
    const [first, second] = within(main).getAllByRole('article');
    expect(first?.querySelector('h2')).toHaveTextContent('New bridge opens over the Mekong');
    expect(first?.querySelector('h2 mark')).toHaveTextContent('bridge');
    expect(second?.querySelector('h2')).toHaveTextContent('Rice harvest beats forecast');
    expect(second?.querySelector('p mark')).toHaveTextContent('bridge');
  });

  it('matches prefixes and whole words, and finds Lao words', async () => {
    renderApp('/search?q=ທາດຫຼວງ');
    expect(await screen.findByText('1 result')).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('article').querySelector('mark')).toHaveTextContent(/ທາດ|ຫຼວງ/);
  });

  it('filters by category from the URL and offers to clear filters when nothing matches', async () => {
    const user = userEvent.setup();
    renderApp('/search?q=bridge&category=culture');
    expect(await screen.findByText('No articles match “bridge”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(await screen.findByText('2 results')).toBeInTheDocument();
  });

  it('never renders markup from a query', async () => {
    renderApp('/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Results for “<img src=x onerror=alert(1)>”');
    expect(document.querySelector('img[onerror]')).toBeNull();
  });

  it('takes the typed query into the URL once typing pauses, and before a click leaves the page', async () => {
    const user = userEvent.setup();
    renderWithLocation('/search');
    const box = await screen.findByRole('searchbox', { name: 'Search articles' });
    await user.type(box, 'bridge');
    expect(await screen.findByText('2 results')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/search?q=bridge'), { timeout: 3000 });

    // A result clicked at once: the search's history entry still gets the query.
    await user.clear(box);
    await user.type(box, 'mekong');
    const main = screen.getByRole('main');
    await user.click(await within(main).findByRole('link', { name: /New bridge opens over the Mekong/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'New bridge opens over the Mekong' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Browser back' }));
    expect(await screen.findByRole('searchbox', { name: 'Search articles' })).toHaveValue('mekong');
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/search?q=mekong');
  });
});
