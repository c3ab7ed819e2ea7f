import type { CorpusSource } from '@/core/corpus-schema';
import { MONTHS } from '@/core/numbers';

/** Formats an ISO date as the seed gave it: "6 September 2023, 12:44 (UTC+07:00)" or "8 November 2025". */
export function formatPublished(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const date = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if (!m[4]) return date;
  const zone = m[6] === 'Z' ? 'UTC' : `UTC${m[6]}`;
  return `${date}, ${m[4]}:${m[5]} (${zone})`;
}

/** What the seed says about where an article comes from; nothing more. */
export function SourceFacts({ source }: { source: CorpusSource }) {
  const rows: [string, string][] = [];
  if (source.outlet) rows.push(['Outlet', source.outlet]);
  if (source.author) rows.push(['Author', source.author]);
  if (source.published) rows.push(['Published', formatPublished(source.published)]);
  if (source.credits.length > 0) rows.push(['Sources cited', source.credits.join(', ')]);
  if (rows.length === 0) return <p class="muted">The source does not name its outlet, author or date.</p>;
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
