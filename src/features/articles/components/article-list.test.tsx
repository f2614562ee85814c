import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../../tests/mocks/server.ts';
import { CONFIG_URL, FEED_URL } from '../../../../tests/mocks/handlers.ts';
import { renderApp, testConfig } from '../../../../tests/render-app.tsx';
import { parseConfig } from '../../../lib/config.ts';

const PARTNER_URL = 'http://localhost/partner/feed.json';

describe('the list when feeds fail', () => {
  it('keeps showing the list when a refresh fails, with a quiet notice and a working Retry', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderApp('/');
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { level: 2, name: 'New bridge opens over the Mekong' })).toBeInTheDocument();

    let fail = true;
    server.use(http.get(FEED_URL, () => (fail ? new HttpResponse('down', { status: 503 }) : HttpResponse.json({ items: [{ id: 'n', title: 'Fresh story' }] }))));
    await queryClient.refetchQueries();

    const notice = await within(main).findByRole('status');
    expect(notice).toHaveTextContent(/Could not update the news from Test Agency\. Showing what was loaded at .+\. The server answered with an error \(503\)\./);
    expect(within(main).queryByRole('alert')).toBeNull(); // not an alarm: nothing was lost
    expect(within(main).getByRole('heading', { level: 2, name: 'New bridge opens over the Mekong' })).toBeInTheDocument();

    fail = false;
    await user.click(within(notice).getByRole('button', { name: 'Retry' }));
    expect(await within(main).findByRole('heading', { level: 2, name: 'Fresh story' })).toBeInTheDocument();
    await waitFor(() => expect(within(main).queryByText(/Could not update/)).toBeNull());
  });

  it('shows the other sources when one of two fails, names the failed one, and recovers on Retry', async () => {
    const config = parseConfig(
      { ...testConfig, sources: [{ id: 'main', name: 'Test Agency', url: FEED_URL }, { id: 'partner', name: 'Partner Wire', url: PARTNER_URL }] },
      CONFIG_URL,
    );
    let fail = true;
    server.use(
      http.get(PARTNER_URL, () =>
        fail ? new HttpResponse('missing', { status: 404 }) : HttpResponse.json({ items: [{ id: 'p1', title: 'Partner scoop', date_published: '2026-12-01T00:00:00Z' }] }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/', config);
    const main = screen.getByRole('main');
    const alert = await within(main).findByRole('alert');
    expect(alert).toHaveTextContent('Some articles could not be loaded');
    expect(alert).toHaveTextContent('The server answered with an error (404).');
    expect(alert).toHaveTextContent(`Partner Wire: The server answered 404`);
    expect(alert).toHaveTextContent(PARTNER_URL);
    expect(within(main).getByRole('heading', { level: 2, name: 'New bridge opens over the Mekong' })).toBeInTheDocument();

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(main).findByRole('heading', { level: 2, name: 'Partner scoop' })).toBeInTheDocument();
    await waitFor(() => expect(within(main).queryByRole('alert')).toBeNull());
  });
});
