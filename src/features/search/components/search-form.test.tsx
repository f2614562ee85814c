import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SearchForm, TYPING_DEBOUNCE_MS } from './search-form.tsx';

/** The form with its `initial` prop standing for the URL's query, which the test moves by hand. */
function renderForm(initial: string) {
  const onType = vi.fn<(q: string) => void>();
  const onSubmit = vi.fn<(q: string) => void>();
  const ui = (q: string) => <SearchForm initial={q} onType={onType} onSubmit={onSubmit} />;
  const utils = render(ui(initial));
  return { onType, onSubmit, setUrlQuery: (q: string) => utils.rerender(ui(q)) };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, TYPING_DEBOUNCE_MS * 2));

describe('SearchForm', () => {
  it('sends the query after a pause in typing, and at once on Enter', async () => {
    const user = userEvent.setup();
    const { onType, onSubmit } = renderForm('');
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    await user.type(box, 'rice');
    await waitFor(() => expect(onType).toHaveBeenLastCalledWith('rice'));
    await user.type(box, ' harvest {Enter}');
    expect(onSubmit).toHaveBeenCalledWith('rice harvest');
    await pause();
    // Enter cancelled the pending type-ahead query.
    expect(onType).not.toHaveBeenCalledWith('rice harvest');
  });

  it('keeps what the reader typed when the URL catches up late, and follows the URL when it changes elsewhere', async () => {
    const user = userEvent.setup();
    const { onType, setUrlQuery } = renderForm('');
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    await user.type(box, 'spe');
    await waitFor(() => expect(onType).toHaveBeenLastCalledWith('spe'));
    // A slow phone: the next letter is typed and sent before the URL shows "spe".
    await user.type(box, 'n');
    await waitFor(() => expect(onType).toHaveBeenLastCalledWith('spen'));
    setUrlQuery('spe');
    expect(box).toHaveValue('spen');
    setUrlQuery('spen');
    expect(box).toHaveValue('spen');
    // Back/forward or a tag link: the URL's query is shown.
    setUrlQuery('rice');
    expect(box).toHaveValue('rice');
  });
});
