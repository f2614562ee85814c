import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../tests/mocks/server.ts';
import { CONFIG_URL } from '../../../tests/mocks/handlers.ts';
import { renderApp } from '../../../tests/render-app.tsx';
import { parseConfig } from '../../lib/config.ts';
import { readInput } from '../../../tools/archive/read-input.ts';
import { writeArchive } from '../../../tools/archive/write-archive.ts';

/*
 * The reader against a real archive written by the archiver (from the project's own RSS fixture,
 * 12 invented stories), served file by file: the test records which files the reader asked for.
 */
const BASE = 'https://cdn.example/archive/';
const dir = mkdtempSync(join(tmpdir(), 'archive-mode-'));
let requested: string[] = [];

beforeAll(async () => {
  const rss = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/archive/gazette.rss');
  const { articles } = await readInput(rss, () => {});
  await writeArchive(articles, { outDir: dir, pageSize: 10, title: 'Gazette archive', quiet: true });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serveArchive() {
  requested = [];
  server.use(
    http.get(`${BASE}*`, ({ request }) => {
      const path = decodeURIComponent(new URL(request.url).pathname.slice('/archive/'.length));
      requested.push(path);
      try {
        return HttpResponse.json(JSON.parse(readFileSync(join(dir, path), 'utf8')));
      } catch {
        return new HttpResponse('Not found', { status: 404 });
      }
    }),
  );
}

const config = parseConfig(
  { siteName: 'Archive', sources: [{ id: 'gazette', name: 'Exampleton Gazette', type: 'archive', url: `${BASE}manifest.json` }], pageSize: 10, recentNewsCount: 3 },
  CONFIG_URL,
);
const manifest = () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { items: { id: string; title: string }[]; _archive: { categories: { slug: string; name: string; count: number }[] } };

describe('archive mode', () => {
  it('shows the front page from the manifest alone', async () => {
    serveArchive();
    renderApp('/', config);
    const main = screen.getByRole('main');
    const first = manifest().items[0]!;

    expect(await within(main).findByRole('heading', { level: 2, name: first.title })).toBeInTheDocument();
    expect(within(main).getByText('12 stories')).toBeInTheDocument();
    // One file for the front page and Recent News together: the manifest.
    expect(requested, requested.join()).toEqual(['manifest.json']);
  });

  it('opens an article from its own file', async () => {
    serveArchive();
    const item = manifest().items[3]!;
    renderApp(`/articles/${item.id}/x`, config);
    expect(await screen.findByRole('heading', { level: 1, name: item.title })).toBeInTheDocument();
    expect(requested).toContain(`articles/${item.id}.json`);
    expect(requested.filter((p) => p.startsWith('articles/'))).toHaveLength(1);
    expect(requested.filter((p) => p.startsWith('pages/'))).toHaveLength(0);
  });

  it('lists a category from its own pages, with the server’s page count', async () => {
    serveArchive();
    const category = manifest()._archive.categories[0]!;
    renderApp(`/category/${category.slug}`, config);
    expect(await screen.findByRole('heading', { level: 1, name: category.name })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getAllByRole('heading', { level: 2 }).length).toBe(Math.min(10, category.count));
    expect(requested).toContain(`categories/${category.slug}/1.json`);
  });

  it('answers an unknown category with a 404', async () => {
    serveArchive();
    renderApp('/category/no-such-section', config);
    expect(await screen.findByRole('heading', { level: 1, name: /not found/i })).toBeInTheDocument();
  });
});
