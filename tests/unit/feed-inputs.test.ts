/*
 * Every way `npm run archive` (and the reader's RSS source, through the same parser) used to lose
 * or corrupt a feed's content, one test each, on the project's own small feeds
 * (tests/fixtures/feeds/own) and on the public test feeds of mature feed parsers
 * (tests/fixtures/feeds/rss-parser, node-feedparser; see tests/fixtures/feeds/README.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../tools/archive/read-input.ts';
import type { ArticleSummary } from '../../src/types/article.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const feeds = (rel: string) => join(root, 'tests/fixtures/feeds', rel);
const tmp = mkdtempSync(join(tmpdir(), 'feed-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const quiet = () => {};
async function read(path: string): Promise<ArticleSummary[]> {
  return (await readInput(path, quiet)).articles;
}
const byHeadline = (articles: ArticleSummary[], headline: string) => articles.find((a) => a.headline === headline);

describe('declared encodings are honoured', () => {
  it('reads ISO-8859-1 (declared in the prolog) without U+FFFD', async () => {
    const articles = await read(feeds('rss-parser/input/encoding.rss'));
    expect(articles).toHaveLength(40);
    expect(articles.some((a) => a.headline === 'Mãe de utente é a nova presidente da Raríssimas')).toBe(true);
    expect(articles.every((a) => !a.headline.includes('\ufffd'))).toBe(true);
  });

  it('reads windows-1251 (Cyrillic)', async () => {
    const articles = await read(feeds('node-feedparser/iconv.xml'));
    expect(articles).toHaveLength(10);
    expect(articles.map((a) => a.headline)).toContain('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
  });

  it('reads GB2312 (Chinese) and ISO-8859-2 (Polish)', async () => {
    expect((await read(feeds('rss-parser/input/encoding-gb2312.xml')))[0]?.headline).toBe('拟298亿元重组盛大游戏后 世纪华通发20亿回购预案');
    expect((await read(feeds('rss-parser/input/latin2.rss')))[0]?.headline).toBe('ZAŻÓŁĆ GĘSLĄ JAŹŃ');
  });

  it('reads UTF-16 with and without a byte order mark, as RSS and as JSON Feed', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ü</title><item><guid>u1</guid><title>Ŝtormo en Ĉeĥio</title></item></channel></rss>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const be = Buffer.from(xml, 'utf16le').swap16(); // big-endian, no BOM
    writeFileSync(join(tmp, 'le.rss'), le);
    writeFileSync(join(tmp, 'be.rss'), be);
    expect((await read(join(tmp, 'le.rss')))[0]?.headline).toBe('Ŝtormo en Ĉeĥio');
    expect((await read(join(tmp, 'be.rss')))[0]?.headline).toBe('Ŝtormo en Ĉeĥio');
    const json = JSON.stringify({ items: [{ id: 'j', title: 'Žluťoučký kůň' }] });
    writeFileSync(join(tmp, 'feed16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect((await read(join(tmp, 'feed16.json')))[0]?.headline).toBe('Žluťoučký kůň');
  });
});

describe('Atom content types', () => {
  it('keeps type="xhtml" content and titles, with the white space around inline markup', async () => {
    const articles = await read(feeds('own/cases.atom'));
    const first = byHeadline(articles, 'An exactly good title');
    expect(first).toBeDefined();
    expect(first?.untrustedBodyHtml).toBe('<p>This is <em>exactly</em> good, <a href="https://blog.example.org/2026/11/more">read more</a>.</p>');
    expect(first?.bodyText).toContain('This is exactly good');
  });

  it('keeps an entry with only an xhtml summary, and one with no title but xhtml content', async () => {
    const articles = await read(feeds('own/cases.atom'));
    expect(articles).toHaveLength(3);
    expect(byHeadline(articles, 'The <dialog> element')?.bodyText).toContain('Only a summary, in XHTML.');
    expect(articles.some((a) => a.headline.startsWith('No title at all'))).toBe(true);
  });

  it('reads xhtml under a non-default namespace prefix (node-feedparser)', async () => {
    const [article] = await read(feeds('node-feedparser/nondefaultnamespace-xhtml.atom'));
    expect(article?.headline).toMatch(/^If you can read the content of this entry/);
    expect(article?.untrustedBodyHtml).toMatch(/<ul>|<li>/);
  });

  it('keeps type="text" literally: "The &lt;dialog&gt; element" is about <dialog>', async () => {
    expect(byHeadline(await read(feeds('own/cases.atom')), 'The <dialog> element')).toBeDefined();
  });
});

describe('relative URLs and xml:base', () => {
  it('resolves entry links against xml:base (node-feedparser tpm.atom and its empty and fragment bases)', async () => {
    for (const file of ['tpm.atom', 'tpm-with-empty-base.atom', 'tpm-with-fragment-base.atom']) {
      const articles = await read(feeds(`node-feedparser/${file}`));
      expect(articles).toHaveLength(20);
      expect(articles.map((a) => a.url)).toContain('http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist');
    }
  });

  it('resolves a file feed’s relative links against its self link, item links and body links alike', async () => {
    const articles = await read(feeds('own/cases.rss'));
    const item = byHeadline(articles, 'Relative links');
    expect(item?.url).toBe('https://news.example.org/news/relative-item');
    expect(item?.untrustedBodyHtml).toContain('href="https://news.example.org/about"');
    expect(item?.untrustedBodyHtml).toContain('src="https://news.example.org/feeds/pictures/pier.jpg"');
  });

  it('resolves body URLs against an item-scoped xml:base (node-feedparser)', async () => {
    const articles = await read(feeds('node-feedparser/rss-with-item-scoped-html-base.xml'));
    const bodies = articles.map((a) => a.untrustedBodyHtml);
    expect(bodies).toContain('<p><a href="https://example.com/first/post">First</a></p>');
    expect(bodies).toContain('<p><a href="https://example.com/post">Second</a></p>');
  });
});

describe('RSS items', () => {
  it('keeps an item with a title and a description but no guid or link, under a stable id', async () => {
    const once = byHeadline(await read(feeds('own/cases.rss')), 'Ferry timetable changes');
    const again = byHeadline(await read(feeds('own/cases.rss')), 'Ferry timetable changes');
    expect(once?.id).toMatch(/^item-[0-9a-f]{16}$/);
    expect(again?.id).toBe(once?.id);
  });

  it('reads the description when content:encoded is empty', async () => {
    expect(byHeadline(await read(feeds('own/cases.rss')), 'Market day moves')?.bodyText).toContain('the market moves to Thursday');
  });

  it('never coerces text to numbers: "3.10" stays, guids "00042" and "42" stay two articles', async () => {
    const articles = await read(feeds('own/cases.rss'));
    expect(articles).toHaveLength(7);
    expect(byHeadline(articles, '3.10')?.id).toBe('00042');
    expect(byHeadline(articles, 'Forty-two')?.id).toBe('42');
  });

  it('keeps white space around CDATA and inline markup', async () => {
    const item = byHeadline(await read(feeds('own/cases.rss')), 'Link: Pillow Fight at the pier');
    expect(item).toBeDefined();
    expect(item?.bodyText).toBe('It was exactly good fun.');
  });

  it('makes podcast audio a player, not the picture; itunes:author is the byline', async () => {
    const item = byHeadline(await read(feeds('own/cases.rss')), 'Episode 12: The lighthouse keeper');
    expect(item?.image?.url).toBe('https://media.example.org/podcast/12.jpg');
    expect(item?.byline).toEqual(['Ana Host']);
    expect(item?.untrustedBodyHtml).toContain('<audio controls preload="none"><source src="https://media.example.org/podcast/12.mp3" type="audio/mpeg"></audio>');
    expect(item?.untrustedBodyHtml).toContain('1:02:03');
  });

  it('types real podcast enclosures as audio (rss-parser itunes feeds)', async () => {
    const articles = await read(feeds('rss-parser/input/itunes-missing-image.rss'));
    expect(articles.length).toBe(131);
    expect(articles.every((a) => !a.image?.url.endsWith('.mp3'))).toBe(true);
    expect(articles.filter((a) => a.untrustedBodyHtml?.includes('<audio')).length).toBeGreaterThan(100);
  });

  it('reads RSS 1.0 (RDF) and RSS 0.91', async () => {
    expect(await read(feeds('rss-parser/input/rss-1.rss'))).toHaveLength(69);
    expect(await read(feeds('rss-parser/input/rss091.rss'))).toHaveLength(15);
  });
});

describe('JSON Feed text fields', () => {
  it('keeps a title with angle brackets as text', async () => {
    const [article] = await read(feeds('own/text-fields.json'));
    expect(article).toMatchObject({ headline: 'Die Rückkehr von <i> und <b>', standfirst: 'Zwei HTML-Elemente: <i> und <b>', byline: ['Ana <Redaktion>'] });
  });
});

describe('malformed input', () => {
  it('is an error naming the file, line and column', async () => {
    await expect(readInput(feeds('own/malformed.rss'), quiet)).rejects.toThrow(/^not well-formed XML at line 5, column 35: unexpected close tag/);
  });

  it('an HTML page is "not a feed"', async () => {
    await expect(readInput(feeds('node-feedparser/notafeed.html'), quiet)).rejects.toThrow(/not a feed: a web page/);
  });

  it('the CLI reports a bad input, goes on with the others, and exits non-zero', () => {
    const out = join(tmp, 'archive-out');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'tools/archive/archive.ts'), '--quiet', '--out', out, feeds('own/malformed.rss'), feeds('rss-parser/input/rss-1.rss'), feeds('own/no-articles.json'), feeds('own/cases.rss')],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).toMatch(/error: .*malformed\.rss: not well-formed XML at line 5/);
    expect(run.stderr).toMatch(/read .*rss-1\.rss: 69 articles/);
    expect(run.stderr).toMatch(/read .*cases\.rss: 7 articles/);
    expect(run.stderr).toMatch(/error: .*no-articles\.json: no articles in it/);
    expect(run.stderr).toMatch(/error: 2 of 4 inputs gave no articles/);
    expect(run.stdout).toMatch(/articles\s+76 /);
    expect(run.status).toBe(1);
  });
});
