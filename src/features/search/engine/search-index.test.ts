import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './search-index.ts';
import { loadStemmers } from './stemming.ts';
import { FIELD_BOOSTS } from './index-build.ts';
import { parseQuery } from './query.ts';
import type { SearchDoc } from './types.ts';
import { describeWithCorpus, loadCorpus } from '../testing/load-corpus.ts';
import { buildMiniSearch } from '../testing/minisearch-reference.ts';

const politics = { name: 'Politics', slug: 'politics' };
const business = { name: 'Business', slug: 'business' };
const sport = { name: 'Sport', slug: 'sport' };

const DOCS: SearchDoc[] = [
  {
    id: 'rice',
    headline: 'Rice harvest beats forecasts',
    standfirst: 'Farmers in the north report a record crop',
    tags: ['Agriculture', 'Laos'],
    bodyText: 'The rice harvest this year was the largest in a decade, the ministry said.',
    category: business,
    language: 'en',
    datePublished: '2024-07-01T08:00:00Z',
  },
  {
    id: 'harvest-festival',
    headline: 'Harvest festival draws crowds',
    tags: ['Culture'],
    bodyText: 'Crowds came for the festival. Rice wine and a harvest of songs.',
    category: { name: 'Culture', slug: 'culture' },
    language: 'en',
    datePublished: '2024-07-03T08:00:00Z',
  },
  {
    id: 'government',
    headline: 'Government approves budget',
    standfirst: 'Parliament votes for spending on roads',
    tags: ['Budget'],
    bodyText: 'The government budget includes new roads and schools.',
    category: politics,
    language: 'en',
    datePublished: '2024-06-20T08:00:00Z',
  },
  {
    id: 'governor',
    headline: 'Governor visits the market',
    tags: ['Budget', 'Provinces'],
    bodyText: 'The provincial governor spoke to traders.',
    category: politics,
    language: 'en-GB',
    datePublished: '2024-06-25T08:00:00Z',
  },
  {
    id: 'football',
    headline: 'Football team wins the cup',
    tags: ['Football'],
    bodyText: 'A late goal won the cup final.',
    category: sport,
    language: 'en',
    datePublished: '2024-07-02T08:00:00Z',
  },
  {
    id: 'cafe',
    headline: 'Le café de la gare rouvre',
    tags: ['Vie locale'],
    bodyText: 'Le café historique rouvre ses portes.',
    category: business,
    language: 'fr',
    datePublished: '2024-05-01T08:00:00Z',
  },
  {
    id: 'lao',
    headline: 'ທະນາຄານພັດທະນາອາຊີ ສະໜັບສະໜູນ',
    tags: ['ລາວ'],
    bodyText: 'ແຕ່ໃນຄວາມເປັນຈິງແລ້ວ ທີ່ມີຄວາມອົດທົນແທ້ໆ ແຫຼ່ງທຶນຂອງ ທະນາຄານ',
    category: business,
    language: 'lo',
    datePublished: '2024-06-01T08:00:00Z',
  },
  {
    id: 'undated',
    headline: 'Rice prices steady',
    tags: ['Agriculture'],
    bodyText: 'Prices of rice held steady in the market.',
    category: business,
    language: 'en',
  },
  // Same text as "rice-twin-old": equal scores, so recency decides.
  {
    id: 'rice-twin-new',
    headline: 'Sticky rice exports',
    tags: [],
    bodyText: 'Exports of sticky rice rose.',
    datePublished: '2024-07-05T08:00:00Z',
  },
  {
    id: 'rice-twin-old',
    headline: 'Sticky rice exports',
    tags: [],
    bodyText: 'Exports of sticky rice rose.',
    datePublished: '2023-07-05T08:00:00Z',
  },
  // A duplicate id (feeds repeat them): the first one wins.
  { id: 'rice', headline: 'Duplicate that must be ignored', tags: [], bodyText: 'zebra' },
];

const index = createSearchIndex(DOCS);
const ids = (query: string, opts = {}) => index.search(query, { limit: 50, ...opts }).hits.map((h) => h.id);

describe('createSearchIndex', () => {
  it('skips documents with a repeated id', () => {
    expect(index.size).toBe(DOCS.length - 1);
    expect(ids('zebra')).toEqual([]);
  });

  it('requires every query word (AND)', () => {
    expect(ids('rice harvest').sort()).toEqual(['harvest-festival', 'rice']);
    expect(ids('rice football')).toEqual([]);
  });

  it('ranks a headline match above a body match (field boosts)', () => {
    expect(ids('harvest')[0]).toBe('harvest-festival');
    expect(ids('crop')).toEqual(['rice']); // standfirst
    expect(ids('provinces')).toEqual(['governor']); // tags
  });

  it('treats the last word as a prefix while typing, and not after a space', () => {
    expect(ids('footb')).toEqual(['football']);
    expect(ids('footb ')).toEqual([]);
    expect(ids('footb', { prefixLast: false })).toEqual([]);
    // Only the last word is a prefix.
    expect(ids('footb cup')).toEqual([]);
    // The first letter of the next word does not narrow the results yet.
    expect(ids('government b')).toEqual(ids('government'));
    expect(ids('government bu')).toEqual(['government']);
  });

  it('tolerates one typo in words of five letters or more', () => {
    expect(ids('goverment')).toContain('government');
    expect(index.search('goverment').hits[0]?.terms).toContain('government');
    // Short words need the exact spelling…
    expect(ids('cap')).toEqual([]);
    // …and a word that exists is not fuzzed into its neighbours.
    expect(ids('governor')).toEqual(['governor']);
  });

  it('finds accented words without the accent', () => {
    expect(ids('cafe')).toEqual(['cafe']);
    expect(ids('CAFÉ')).toEqual(['cafe']);
  });

  it('requires a quoted phrase in order and adjacent', () => {
    expect(ids('"rice harvest"')).toEqual(['rice']);
    expect(ids('"harvest rice"')).toEqual([]);
    // Open quote while typing: the phrase's last word is a prefix.
    expect(ids('"rice harv')).toEqual(['rice']);
    // A phrase combined with a free word.
    expect(ids('"rice harvest" ministry')).toEqual(['rice']);
    expect(ids('“rice harvest”')).toEqual(['rice']);
  });

  it('filters by category, tag, language and date range', () => {
    expect(ids('rice', { category: 'business' }).sort()).toEqual(['rice', 'undated']);
    expect(ids('budget', { tag: 'provinces' })).toEqual(['governor']);
    expect(ids('budget', { tag: 'PROVINCES' })).toEqual(['governor']);
    expect(ids('rice', { language: 'fr' })).toEqual([]);
    expect(ids('governor', { language: 'en' })).toEqual(['governor']); // en matches en-GB
    expect(ids('rice', { from: '2024-07-02', to: '2024-07-31' }).sort()).toEqual([
      'harvest-festival',
      'rice-twin-new',
    ]);
    // A bare `to` date includes that whole day; undated articles never pass a date filter.
    expect(ids('rice', { to: '2024-07-01' }).sort()).toEqual(['rice', 'rice-twin-old']);
  });

  it('counts each facet over the matches with the other filters applied, but not its own', () => {
    const result = index.search('rice', { category: 'business' });
    expect(result.total).toBe(2);
    // Category facet ignores the category filter: the reader sees what other categories hold.
    expect(result.facets.category).toEqual({ business: 2, culture: 1 });
    // Tag and language facets are counted within the category filter.
    expect(result.facets.tag).toEqual({ Agriculture: 2, Laos: 1 });
    expect(result.facets.language).toEqual({ en: 2 });
    const byTag = index.search('budget', { tag: 'Budget', category: 'politics' });
    expect(byTag.facets.tag).toEqual({ Budget: 2, Provinces: 1 });
  });

  it('sorts by date when asked, undated last', () => {
    expect(ids('rice', { sort: 'newest' })).toEqual([
      'rice-twin-new',
      'harvest-festival',
      'rice',
      'rice-twin-old',
      'undated',
    ]);
  });

  it('breaks equal scores by recency', () => {
    const hits = index.search('sticky rice').hits;
    expect(hits.map((h) => h.id)).toEqual(['rice-twin-new', 'rice-twin-old']);
    expect(hits[0]!.score).toBe(hits[1]!.score);
  });

  it('lists what the filters select, newest first, for an empty query', () => {
    expect(ids('', { category: 'politics' })).toEqual(['governor', 'government']);
    const all = index.search('');
    expect(all.hits).toEqual([]);
    expect(all.total).toBe(0);
    expect(all.facets.category.business).toBe(4);
  });

  it('pages with limit and offset, and reports the total', () => {
    const page1 = index.search('rice', { limit: 2 });
    const page2 = index.search('rice', { limit: 2, offset: 2 });
    expect(page1.total).toBe(5);
    expect(page1.hits).toHaveLength(2);
    expect(page2.hits.map((h) => h.id)).not.toContain(page1.hits[0]!.id);
    expect(page1.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('matches a Lao word split by the segmenter, and a word the text segments differently', () => {
    // ແຫຼ່ງທຶນ is two segments alone (ແຫຼ່ງ|ທຶນ): both must match.
    expect(parseQuery('ແຫຼ່ງທຶນ').terms.length).toBe(2);
    expect(ids('ແຫຼ່ງທຶນ')).toEqual(['lao']);
    // ອົດທົນ is one word alone but ...ຄວາມອົດ|ທົນ... in the text: found as a substring.
    expect(ids('ອົດທົນ')).toEqual(['lao']);
    expect(index.search('ອົດທົນ').hits[0]?.terms).toContain('ອົດທົນ');
    expect(ids('ທະນາຄານ')).toEqual(['lao']);
  });

  it('suggests completions', () => {
    expect(index.suggest('footb')[0]).toBe('football');
  });
});

describe('parseQuery', () => {
  it('marks the word being typed as a prefix', () => {
    expect(parseQuery('rice har')).toMatchObject({ terms: ['rice', 'har'], prefixTerm: 'har' });
    expect(parseQuery('rice har ').prefixTerm).toBeUndefined();
    // One letter after other words: not a constraint until the second letter.
    expect(parseQuery('rice h')).toMatchObject({ terms: ['rice'], prefixTerm: undefined });
    expect(parseQuery('rice h ').terms).toEqual(['rice', 'h']);
    expect(parseQuery('h').terms).toEqual(['h']);
    expect(parseQuery('"rice harvest"').prefixTerm).toBeUndefined();
    expect(parseQuery('"rice harvest"').phrases).toEqual([{ terms: ['rice', 'harvest'], prefixLast: false }]);
  });
});

/** Our scores against MiniSearch's own index (public `addAll`) for exact, prefix and typo queries. */
function expectMiniSearchRanking(docs: SearchDoc[]): void {
  const ours = createSearchIndex(docs);
  const { mini } = buildMiniSearch(docs);
  const cases: [string, { prefix: boolean; fuzzy: boolean }][] = [
    ['rice', { prefix: false, fuzzy: false }],
    ['harvest festival', { prefix: false, fuzzy: false }],
    ['rice harv', { prefix: true, fuzzy: false }],
    ['go', { prefix: true, fuzzy: false }],
    ['goverment', { prefix: false, fuzzy: true }],
  ];
  const byId = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  for (const [query, how] of cases) {
    const x = ours
      .search(query, { prefixLast: how.prefix, limit: 100 })
      .hits.map((h): [string, string] => [h.id, h.score.toFixed(6)]);
    const y = mini
      .search(parseQuery(query).terms.join(' '), {
        combineWith: 'AND',
        boost: FIELD_BOOSTS,
        prefix: (_term, i, all) => how.prefix && i === all.length - 1,
        fuzzy: how.fuzzy ? 1 : false,
      })
      .map((r): [string, string] => [docs[r.id as number]!.id, r.score.toFixed(6)]);
    expect(x.length, query).toBeGreaterThan(0);
    expect(x.sort(byId), query).toEqual(y.sort(byId));
  }
}

describe('ranking', () => {
  it('scores as MiniSearch does: prefixes, typos, field boosts, BM25', () => {
    // The index is our own; its ranking is MiniSearch's, which the engine used before.
    expectMiniSearchRanking(DOCS.slice(0, -1));
  });
});

describeWithCorpus('bbc-thai.feed.json', 'ranking with Thai text in the index', () => {
  it('scores as MiniSearch does when the index also holds BBC Thai stories', () => {
    expectMiniSearchRanking([...DOCS.slice(0, -1), ...loadCorpus('bbc-thai.feed.json').slice(0, 40)]);
  });
});

describeWithCorpus('bbc-news-2225.feed.json', 'query planning on a real corpus', () => {
  const docs = loadCorpus('bbc-news-2225.feed.json');
  const index = createSearchIndex(docs);
  const { mini } = buildMiniSearch(docs);

  it("gives MiniSearch's own AND ranking and scores, common words and all", () => {
    // "is", "for", "the", "of", "in", "a" are in over a fifth of the articles: the planner checks
    // them on the postings instead of asking MiniSearch to score every article they occur in.
    for (const query of [
      'trial date is set for balco case',
      'the economy of china',
      'blair said in a speech',
    ]) {
      const ours = index
        .search(query, { prefixLast: false, limit: 10 })
        .hits.map((h) => [h.id, h.score.toFixed(6)]);
      const theirs = mini
        .search(query, { combineWith: 'AND', boost: FIELD_BOOSTS })
        .slice(0, 10)
        .map((r) => [docs[r.id as number]!.id, r.score.toFixed(6)]);
      expect(ours).toEqual(theirs);
    }
  });

  it('answers a query of only common words exactly, with headline matches first', () => {
    const result = index.search('the', { prefixLast: false, limit: 5 });
    const withThe = docs.filter((d) =>
      /\bthe\b/i.test([d.headline, d.standfirst, d.tags.join(' '), d.bodyText].join(' ')),
    );
    expect(result.total).toBe(withThe.length);
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const hit of result.hits) expect(byId.get(hit.id)!.headline.toLowerCase()).toMatch(/\bthe\b/);
    expect(result.hits[0]!.terms).toContain('the');
  });
});

describe('word forms and exact words', () => {
  const doc = (id: string, headline: string, bodyText = '', language = 'en'): SearchDoc => ({
    id,
    headline,
    bodyText,
    tags: [],
    language,
  });

  it('finds other forms of a word in the language of the article, the form typed first, and marks the form found', async () => {
    const stemmers = await loadStemmers(['en', 'fr']);
    const index = createSearchIndex(
      [
        doc('plural', 'Elections held in the north', 'Voters went to the polls.'),
        doc('singular', 'Election held in the south', 'Voters went to the polls.'),
        doc('french', 'Les élections régionales', '', 'fr'),
        doc('other', 'Harvest festival', 'Rice wine and songs.'),
      ],
      { stemmers },
    );
    const result = index.search('election held', { prefixLast: false, highlight: true });
    expect(result.hits.map((h) => h.id)).toEqual(['singular', 'plural']);
    const plural = result.hits[1]!;
    expect(plural.headline?.find((s) => s.match)?.text).toBe('Elections');
    // A French article is matched by the French stemmer, not the English one.
    expect(index.search('élection', { prefixLast: false }).hits.map((h) => h.id)).toContain('french');
    // Without stemmers, only the form typed (or one typo away, for words of 5+ letters).
    const votes = [doc('plural', 'Votes counted'), doc('singular', 'Vote counted')];
    const plain = createSearchIndex(votes);
    expect(plain.search('vote counted', { prefixLast: false }).hits.map((h) => h.id)).toEqual(['singular']);
    const stemmed = createSearchIndex(votes, { stemmers });
    expect(stemmed.search('vote counted', { prefixLast: false }).hits.map((h) => h.id)).toEqual([
      'singular',
      'plural',
    ]);
  });

  it('ranks a word matched as typed above a longer word it is the prefix of (ทำนา, not ทำนาย)', () => {
    const index = createSearchIndex([
      doc('predict', 'หมอดูทำนายอนาคต', 'หมอดูทำนายว่าปีนี้ฝนดี', 'th'),
      doc('farm', 'ชาวนาทำนาในฤดูฝน', 'ชาวบ้านออกไปทำนา', 'th'),
    ]);
    expect(index.search('ทำนา').hits.map((h) => h.id)).toEqual(['farm', 'predict']);
    const english = createSearchIndex([doc('longer', 'Riceland sales'), doc('word', 'Rice sales', 'rice')]);
    expect(english.search('rice').hits.map((h) => h.id)).toEqual(['word', 'longer']);
  });

  it('also forgives one typo in a word being typed that completes to a few rare words (entirel → entire)', () => {
    const index = createSearchIndex([
      doc('entire', 'The entire team stayed'),
      doc('entirely', 'An entirely new plan'),
      doc('other', 'Something else'),
    ]);
    expect(
      index
        .search('entirel')
        .hits.map((h) => h.id)
        .sort(),
    ).toEqual(['entire', 'entirely']);
  });
});
