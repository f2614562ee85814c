import { memo } from 'react';
import { useProgressiveList } from '../../../lib/use-progressive-list.ts';
import { ArticleCard } from '../../articles/components/article-card.tsx';
import type { ArticleHit } from '../api/use-article-search.ts';
import { HighlightedText } from './highlighted-text.tsx';

const hitKey = (hit: ArticleHit) => hit.id;

/**
 * The cards of one result page, revealed a few per frame when a keystroke replaces them
 * (useProgressiveList); memoized so only a new result set renders it.
 */
export const ResultList = memo(function ResultList({ hits }: { hits: ArticleHit[] }) {
  const { shown, fresh } = useProgressiveList(hits, hitKey);
  return (
    <ol className="list-none">
      {shown.map((hit, i) => (
        <li key={hit.id} className={i >= fresh ? 'opacity-60' : undefined}>
          <ArticleCard
            article={hit.article}
            priority={i === 0}
            headline={hit.headline ? <HighlightedText segments={hit.headline} /> : undefined}
            summary={hit.snippet ? <HighlightedText segments={hit.snippet} /> : undefined}
          />
        </li>
      ))}
    </ol>
  );
});
