import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ExportImport } from '@/components/ExportImport';
import { HighlightFilters, type Facets } from '@/components/HighlightFilters';
import { HighlightItem } from '@/components/HighlightItem';
import { formatDate, groupByPage } from '@/core/highlight-export';
import { DEFAULT_COLOUR_MEANINGS, type Colour, type HighlightRecord } from '@/core/highlight-record';
import { sendMessage } from '@/lib/messaging';
import type { HighlightQuery } from '@/lib/protocol';
import { FIRST_PAGE_SIZE, recentHighlights, type RecentHighlights } from '@/lib/recent-highlights';
import { colourMeanings } from '@/lib/settings';

const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 120;
/** How long the list waits for the stored copy before asking the background regardless. */
const COPY_WAIT_MS = 100;

const wait = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

function download(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Props {
  /**
   * The stored copy of the newest highlights, when its read was started before this mounted (the
   * popup opened on this view starts it before building its interface); read here otherwise.
   */
  copy?: Promise<RecentHighlights | null>;
}

/** Saved highlights: newest first, grouped by page, searchable and filterable, paged. */
export function HighlightsTab({ copy }: Props) {
  const [query, setQuery] = useState<HighlightQuery>({});
  const [items, setItems] = useState<HighlightRecord[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  /** The query the list and count on screen answer; the count is only shown for the current one. */
  const [shown, setShown] = useState<HighlightQuery | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [meanings, setMeanings] = useState<Record<Colour, string>>(DEFAULT_COLOUR_MEANINGS);
  const [undo, setUndo] = useState<HighlightRecord[] | null>(null);
  const [error, setError] = useState('');
  /** Counts first-page requests: an answer to any but the latest is dropped, with its further pages. */
  const generation = useRef(0);
  /** A first page is on its way: no further page may be asked for until it has replaced the list. */
  const [loadingFirst, setLoadingFirst] = useState(false);
  /** The cursor of the further page being fetched, so one page is never asked for twice. */
  const paging = useRef<string | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  const load = useCallback(async (q: HighlightQuery, cursor: string | null) => {
    if (cursor !== null) {
      if (paging.current === cursor) return;
      paging.current = cursor;
    } else {
      setLoadingFirst(true);
    }
    const mine = cursor === null ? ++generation.current : generation.current;
    try {
      const page = await sendMessage('listHighlights', {
        query: q,
        cursor,
        limit: cursor ? PAGE_SIZE : FIRST_PAGE_SIZE,
      });
      if (mine !== generation.current) return; // a newer first page was asked for meanwhile
      setItems((old) => (cursor ? [...old, ...page.items] : page.items));
      setNext(page.next);
      setTotal(page.total);
      setShown(q);
      setAnswered(true);
      setError('');
    } catch (e) {
      if (mine === generation.current) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (cursor !== null && paging.current === cursor) paging.current = null;
      if (cursor === null && mine === generation.current) setLoadingFirst(false);
    }
  }, []);

  const refreshFacets = () => void sendMessage('highlightFacets', {}).then(setFacets, () => undefined);

  useEffect(() => {
    void colourMeanings.getValue().then(setMeanings);
  }, []);

  // Facets read every stored highlight: ask only once the background has sent the first rows, so
  // that work never stands between opening the popup and seeing them.
  const [answered, setAnswered] = useState(false);
  useEffect(() => {
    if (answered) refreshFacets();
  }, [answered]);

  // Once the stored copy is on screen, the background is asked for the live list. Preact runs
  // effects after the browser has painted, so waking the service worker (a second thread starting
  // up on the same few cores) never delays the copy's rows.
  const [followUp, setFollowUp] = useState<HighlightQuery | null>(null);
  useEffect(() => {
    if (followUp && generation.current === 0) void load(followUp, null);
  }, [followUp, load]);

  // A layout effect, so the copy is asked for (or, without one, the background) before the first
  // paint rather than after it.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (!opened.current) {
      opened.current = true;
      // First the newest highlights as last stored (see lib/recent-highlights.ts), then the
      // background's answer. A copy that is slow to read is not waited for beyond COPY_WAIT_MS.
      const initial = query;
      void Promise.race([copy ?? recentHighlights.read(), wait(COPY_WAIT_MS)]).then((recent) => {
        if (generation.current !== 0) return; // the reader has already asked for something else
        if (!recent) {
          void load(initial, null);
          return;
        }
        setItems(recent.items);
        setNext(recent.next);
        setTotal(recent.total);
        setShown(initial);
        setFollowUp(initial);
      });
      return;
    }
    if (!query.search) {
      void load(query, null);
      return;
    }
    const t = setTimeout(() => void load(query, null), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query, load]);

  // Further pages continue the background's own first page for the query on screen, never the
  // stored copy (which may be older) nor a list about to be replaced.
  const canPage = next !== null && answered && !loadingFirst && shown === query;

  // Load the next page as the end of the list comes within a screenful, so scrolling never waits.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !canPage) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void load(query, next);
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [next, canPage, query, load]);

  const remove = async (h: HighlightRecord) => {
    const deleted = await sendMessage('deleteHighlights', { ids: [h.id] });
    setItems((old) => old.filter((x) => x.id !== h.id));
    setTotal((n) => (n === null ? n : n - deleted.length));
    setUndo(deleted);
    refreshFacets();
  };

  const restore = async () => {
    if (!undo) return;
    await sendMessage('restoreHighlights', { highlights: undo });
    setUndo(null);
    refreshFacets();
    await load(query, null);
  };

  const filtered = Object.keys(query).length > 0;
  const groups = groupByPage(items);
  return (
    <section class="highlights" aria-label="Saved highlights">
      <HighlightFilters query={query} facets={facets} meanings={meanings} onChange={setQuery} />
      <p class="summary" data-testid="highlight-count">
        {total === null
          ? 'Loading…'
          : shown !== query
            ? 'Searching…'
            : `${total} highlight${total === 1 ? '' : 's'}${filtered ? ' found' : ''}`}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {groups.map((g) => (
        <article key={g.url} class="page-group">
          <header>
            <h3>{g.title}</h3>
            <p class="muted">
              {g.site} · {formatDate(g.items[0]!.createdAt)}
            </p>
          </header>
          <ul>
            {g.items.map((h) => (
              <HighlightItem
                key={h.id}
                highlight={h}
                meanings={meanings}
                onOpen={(x) => void sendMessage('openHighlight', { id: x.id }).then(() => window.close())}
                onSave={async (x, patch) => {
                  const updated = await sendMessage('updateHighlight', { id: x.id, patch });
                  setItems((old) => old.map((o) => (o.id === updated.id ? updated : o)));
                  refreshFacets();
                }}
                onDelete={(x) => void remove(x)}
              />
            ))}
          </ul>
        </article>
      ))}
      {canPage && (
        <div ref={sentinel} class="more">
          <button type="button" onClick={() => void load(query, next)}>
            Load more
          </button>
        </div>
      )}
      {undo && (
        <div class="toast" role="status">
          Deleted {undo.length} highlight{undo.length === 1 ? '' : 's'}.
          <button type="button" onClick={() => void restore()}>
            Undo
          </button>
        </div>
      )}
      <ExportImport
        filtered={filtered}
        onExport={async (format, onlyFiltered) => {
          const out = await sendMessage('exportHighlights', { query: onlyFiltered ? query : {}, format });
          download(out.filename, out.mime, out.content);
        }}
        onImport={async (text) => {
          const result = await sendMessage('importHighlights', { text });
          if (result.ok) {
            refreshFacets();
            await load(query, null);
          }
          return result;
        }}
      />
    </section>
  );
}
