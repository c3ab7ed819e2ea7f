import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { HighlightFacets, HighlightQuery } from '@/core/highlight-query';
import { COLOURS, type Colour } from '@/core/highlight-record';
import { formatCount } from '@/core/plural';
import { SearchIcon } from './icons';

/** The search box and filters of the highlight list; `children` (the count) sits beside the orphans filter. */
export function HighlightFilters({
  query,
  facets,
  meanings,
  autoFocus = false,
  onChange,
  children,
}: {
  query: HighlightQuery;
  facets: HighlightFacets | null;
  meanings: Record<Colour, string>;
  /** Put the caret in the search box at once (the popup opened on the list). */
  autoFocus?: boolean;
  onChange: (q: HighlightQuery) => void;
  children?: ComponentChildren;
}) {
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) search.current?.focus();
  }, [autoFocus]);
  const set = (patch: Partial<HighlightQuery>) => {
    const next: HighlightQuery = { ...query, ...patch };
    for (const k of Object.keys(next) as (keyof HighlightQuery)[])
      if (next[k] === '' || next[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <div class="filters">
      <div class="search">
        <SearchIcon size={15} />
        <input
          ref={search}
          type="search"
          placeholder="Search quotes, notes, tags, English…"
          aria-label="Search highlights"
          value={query.search ?? ''}
          onInput={(e) => set({ search: e.currentTarget.value })}
        />
      </div>
      <div class="filter-row">
        <select
          aria-label="Colour"
          value={query.color ?? ''}
          onChange={(e) => set({ color: (e.currentTarget.value || undefined) as Colour | undefined })}
        >
          <option value="">All colours</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {meanings[c]} ({c})
            </option>
          ))}
        </select>
        <select
          aria-label="Tag"
          value={query.tag ?? ''}
          onChange={(e) => set({ tag: e.currentTarget.value || undefined })}
        >
          <option value="">All tags</option>
          {facets?.tags.map(([t, n]) => (
            <option key={t} value={t}>
              #{t} ({formatCount(n)})
            </option>
          ))}
        </select>
        <select
          aria-label="Site"
          value={query.site ?? ''}
          onChange={(e) => set({ site: e.currentTarget.value || undefined })}
        >
          <option value="">All sites</option>
          {facets?.sites.map(([s, n]) => (
            <option key={s} value={s}>
              {s} ({formatCount(n)})
            </option>
          ))}
        </select>
      </div>
      <div class="filter-foot">
        {children}
        <label class="check">
          <input
            type="checkbox"
            checked={query.orphans === true}
            onChange={(e) => set({ orphans: e.currentTarget.checked ? true : undefined })}
          />
          Orphans only{facets ? ` (${formatCount(facets.orphans)})` : ''}
        </label>
      </div>
    </div>
  );
}
