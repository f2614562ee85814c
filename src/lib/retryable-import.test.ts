import { describe, expect, it, vi } from 'vitest';
import { failedModuleUrl, retryableImport } from './retryable-import.ts';

const CHUNK = 'https://news.example/assets/article-route-Ab12.js';
const chromiumError = (url: string) => new TypeError(`Failed to fetch dynamically imported module: ${url}`);

describe('failedModuleUrl', () => {
  it('reads the URL from Chromium and Firefox messages, without our retry parameter', () => {
    expect(failedModuleUrl(chromiumError(CHUNK))).toBe(CHUNK);
    expect(failedModuleUrl(new TypeError(`error loading dynamically imported module: ${CHUNK}?retry=2`))).toBe(CHUNK);
  });

  it('gives nothing for messages without a URL (Safari) or with another scheme', () => {
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeUndefined();
    expect(failedModuleUrl(chromiumError('javascript:alert(1)'))).toBeUndefined();
    expect(failedModuleUrl('not an error')).toBeUndefined();
  });
});

describe('retryableImport', () => {
  it('after a failed download, imports the named URL again under a new ?retry=N', async () => {
    const load = vi.fn().mockRejectedValue(chromiumError(CHUNK));
    const importUrl = vi.fn().mockRejectedValueOnce(chromiumError(`${CHUNK}?retry=1`)).mockResolvedValue({ ok: true });
    const importer = retryableImport(load, importUrl);
    await expect(importer()).rejects.toThrow(/Failed to fetch/);
    await expect(importer()).rejects.toThrow(/Failed to fetch/);
    await expect(importer()).resolves.toEqual({ ok: true });
    expect(load).toHaveBeenCalledTimes(1);
    expect(importUrl.mock.calls.map(([u]) => u)).toEqual([`${CHUNK}?retry=1`, `${CHUNK}?retry=2`]);
  });

  it('without a URL in the error, tries the plain import again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Importing a module script failed.')).mockResolvedValue({ ok: 1 });
    const importUrl = vi.fn();
    const importer = retryableImport(load, importUrl);
    await expect(importer()).rejects.toThrow();
    await expect(importer()).resolves.toEqual({ ok: 1 });
    expect(importUrl).not.toHaveBeenCalled();
  });
});
