import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import en from '../../../locales/en.json';
import { I18nProvider } from '../../../app/i18n-provider.tsx';
import { TimeStamp } from './time-stamp.tsx';

const iso = new Date(Date.now() - 3 * 3600_000).toISOString();
const tree = (
  <I18nProvider initial={{ locale: 'en', messages: en }}>
    <p>
      <TimeStamp iso={iso} />
    </p>
  </I18nProvider>
);

describe('TimeStamp on a prerendered page', () => {
  it('hydrates whatever date text the build wrote, then shows the reader\u2019s relative date', () => {
    // The build wrote an absolute date in its own time zone and with its own Intl data: text
    // that need not be what this browser would write.
    const container = document.createElement('div');
    container.innerHTML = `<p><time datetime="${iso}">written by the build</time></p>`;
    document.body.append(container);
    const built = container.querySelector('time');
    const onRecoverableError = vi.fn();
    render(tree, { container, hydrate: true, onRecoverableError });
    expect(onRecoverableError).not.toHaveBeenCalled();
    const time = container.querySelector('time');
    expect(time).toBe(built); // adopted, not replaced
    expect(time?.textContent).toBe('3 hours ago');
    expect(time?.title).toMatch(/\d{4}/);
  });

  it('a client-only render shows the relative date at once', () => {
    render(tree);
    expect(screen.getByText('3 hours ago').tagName).toBe('TIME');
  });
});
