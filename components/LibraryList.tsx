import { countOf, NOUNS } from '@/core/plural';
import type { ArticleSummary } from '@/core/user-corpus';
import { formatPublished } from './SourceFacts';

/** The host of a source address, as a link's text ("vnexpress.net"). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * The library's list: each article with its titles, outlet, date, where it was published (only
 * when the source gives it), its paragraphs and the reader's highlights in it. Opening one goes
 * to `readerHref(id)`.
 */
export function LibraryList({
  articles,
  highlights,
  readerHref,
}: {
  articles: readonly ArticleSummary[];
  highlights: Readonly<Record<string, number>>;
  readerHref: (id: string) => string;
}) {
  return (
    <ul class="library-list">
      {articles.map((a) => (
        <li key={a.id} class="library-item" data-testid="library-article" data-article-id={a.id}>
          <h2 class="library-title">
            <a href={readerHref(a.id)} lang="en">
              {a.title.en}
            </a>
          </h2>
          <p class="library-title-vi" lang="vi">
            {a.title.vi}
          </p>
          <p class="library-facts">
            <span class="chip">{a.user ? 'Your article' : 'Bundled'}</span>
            <span>{a.outlet ?? 'Outlet not given'}</span>
            <span>{a.published ? formatPublished(a.published) : 'Date not given'}</span>
            <span>{countOf(a.paragraphs, NOUNS.paragraph)}</span>
            <span data-testid="article-highlights">{countOf(highlights[a.id] ?? 0, NOUNS.highlight)}</span>
            {a.url ? (
              <a href={a.url} target="_blank" rel="noopener noreferrer" data-testid="article-source">
                Source: {hostOf(a.url)}
              </a>
            ) : (
              <span class="muted">No source address</span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
