import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../tests/render-app.tsx';

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
});
