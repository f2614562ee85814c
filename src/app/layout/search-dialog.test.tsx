import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../tests/render-app.tsx';

describe('search overlay', () => {
  it('is a labelled dialog with a combobox that suggests articles and navigates with the keyboard', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findAllByRole('article');
    const opener = screen.getByRole('button', { name: 'Search' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    const box = within(dialog).getByRole('combobox', { name: 'Search articles' });
    expect(box).toHaveFocus();
    await user.type(box, 'bridge');
    const option = await within(dialog).findByRole('option', { name: /New bridge opens/ });
    expect(option.querySelector('mark')).toHaveTextContent('bridge');
    expect(within(dialog).getByRole('option', { name: 'See all results for “bridge”' })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', option.id);
    expect(option).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'New bridge opens over the Mekong' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes with its close button and gives focus back to the Search button', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const opener = screen.getByRole('button', { name: 'Search' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    await user.click(within(dialog).getByRole('button', { name: 'Close this search box' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('"See all results" goes to /search with the query', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findAllByRole('article');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    await user.type(within(dialog).getByRole('combobox'), 'harvest{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “harvest”' })).toBeInTheDocument();
    expect(await screen.findByText('1 result')).toBeInTheDocument();
  });
});
