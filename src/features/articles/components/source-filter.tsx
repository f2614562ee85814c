import { Link } from 'react-router';
import { useConfig } from '../../../lib/config-context.ts';
import { useT } from '../../../lib/i18n.ts';

interface SourceFilterProps {
  /** The chosen source's id, or undefined for all sources. */
  current?: string;
  /** The link that shows one source (or all, for undefined); keeps the route's other parameters. */
  hrefFor: (sourceId: string | undefined) => string;
}

/** "All sources · National · Province": links, so the choice lives in the URL (`?source=`). Hidden with one source. */
export function SourceFilter({ current, hrefFor }: SourceFilterProps) {
  const config = useConfig();
  const t = useT();
  if (config.sources.length < 2) return null;
  const options = [{ id: undefined, name: t('allSources') }, ...config.sources];
  return (
    <nav aria-label={t('sources')} className="-mx-4 mb-4 overflow-x-auto px-4">
      <ul className="flex gap-2">
        {options.map((s) => {
          const active = s.id === current;
          return (
            <li key={s.id ?? ''}>
              <Link
                to={hrefFor(s.id)}
                aria-current={active ? 'true' : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm whitespace-nowrap ${active ? 'border-accent bg-accent text-white' : 'border-line bg-paper text-ink hover:border-accent'}`}
              >
                {s.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
