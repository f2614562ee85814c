/**
 * Test support only: MiniSearch, through its public API, over the same fields and tokenizer as
 * our index. The engine keeps MiniSearch's ranking (engine/ranking.ts); tests compare with this.
 */
import MiniSearch from 'minisearch';
import { fieldTexts, FIELDS } from '../engine/index-build.ts';
import { tokenize } from '../engine/tokenize.ts';
import type { SearchDoc } from '../engine/types.ts';

interface IndexedDoc {
  ord: number;
  headline: string;
  standfirst: string;
  tags: string;
  bodyText: string;
}

/** MiniSearch over `docs` (ids are positions in `docs`), built with `addAll`. */
export function buildMiniSearch(docs: SearchDoc[]): { mini: MiniSearch<IndexedDoc> } {
  const mini = new MiniSearch<IndexedDoc>({
    idField: 'ord',
    fields: FIELDS,
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    // Queries are passed already tokenized, joined with spaces.
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });
  mini.addAll(
    docs.map((doc, ord) => {
      const [headline, standfirst, tags, bodyText] = fieldTexts(doc) as [string, string, string, string];
      return { ord, headline, standfirst, tags, bodyText };
    }),
  );
  return { mini };
}
