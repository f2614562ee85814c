import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../tests/render-app.tsx';

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
});

describe('language switcher', () => {
  it('switches the UI to Lao and back, remembers the choice, and sets lang and dir', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const banner = screen.getByRole('banner');
    const picker = within(banner).getByRole('combobox', { name: 'Choose language' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['English', 'ລາວ', 'ไทย', 'Français', 'العربية']);

    await user.selectOptions(picker, 'lo');
    expect(await screen.findByRole('heading', { level: 1, name: 'ຂ່າວລ່າສຸດ' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('lo');
    expect(document.documentElement.dir).toBe('ltr');
    expect(localStorage.getItem('news.locale')).toBe('lo');
    // The English story now differs from the UI language: it says so; the Lao one no longer needs to.
    const main = screen.getByRole('main');
    const english = await within(main).findByRole('heading', { level: 2, name: 'New bridge opens over the Mekong' });
    expect(english.closest('article')).toHaveAttribute('lang', 'en');
    expect(english.closest('article')).toHaveAttribute('dir', 'ltr');
    const lao = within(main).getByRole('heading', { level: 2, name: 'ບຸນທາດຫຼວງ ເລີ່ມຂຶ້ນຢ່າງເປັນທາງການ' });
    expect(lao.closest('article')).not.toHaveAttribute('lang');

    await user.selectOptions(within(banner).getByRole('combobox', { name: 'ເລືອກພາສາ' }), 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('news.locale')).toBe('en');
  });

  it('mirrors the page for Arabic', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Choose language' }), 'ar');
    expect(await screen.findByRole('heading', { level: 1, name: 'آخر الأخبار' })).toBeInTheDocument();
    // Set by an effect after the page renders in Arabic, so it may come a moment later.
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
  });
});
