import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { ExportImport } from '@/components/ExportImport';
import { HighlightFilters } from '@/components/HighlightFilters';
import { HighlightItem } from '@/components/HighlightItem';
import { UndoToasts } from '@/components/UndoToasts';
import { formatDate, groupByPage } from '@/core/highlight-export';
import { DEFAULT_COLOUR_MEANINGS, type Colour, type HighlightRecord } from '@/core/highlight-record';
import { sendMessage } from '@/lib/messaging';
import type { HighlightQuery } from '@/lib/protocol';
import { FIRST_PAGE_SIZE, recentHighlights, type RecentHighlights } from '@/lib/recent-highlights';
import { colourMeanings } from '@/lib/settings';
import { canPage, countLine, initialList, listReducer, type ListState } from './highlights-list';
import { exportToFile, importFromFile } from '@/lib/transfers';

const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 120;
/** How long the list waits for the stored copy before asking the background regardless. */
const COPY_WAIT_MS = 100;

const wait = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
const messageOf = (e: unknown) => (e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e));

interface Props {
  /**
   * The stored copy of the newest highlights, when its read was started before this mounted (the
   * popup's prefetch starts it before building its interface); read here otherwise.
   */
  copy?: Promise<RecentHighlights | null>;
  /** Focus the search box once shown (the popup opened on this tab). */
  autoFocusSearch?: boolean;
}

/** Saved highlights: newest first, grouped by page, searchable and filterable, paged. */
export function HighlightsTab({ copy, autoFocusSearch = false }: Props) {
  const [state, dispatch] = useReducer(listReducer, initialList);
  const [meanings, setMeanings] = useState<Record<Colour, string>>(DEFAULT_COLOUR_MEANINGS);
  const generation = useRef(0);
  // Effects read the latest state through this, not through stale closures.
  const latest = useRef<ListState>(state);
  latest.current = state;
  const sentinel = useRef<HTMLDivElement>(null);

  const loadFirst = useCallback(async (query: HighlightQuery) => {
    const mine = ++generation.current;
    dispatch({ type: 'firstAsked', generation: mine });
    try {
      const page = await sendMessage('listHighlights', { query, cursor: null, limit: FIRST_PAGE_SIZE });
      dispatch({ type: 'firstAnswered', generation: mine, query, page });
    } catch (e) {
      dispatch({ type: 'failed', generation: mine, cursor: null, message: messageOf(e) });
    }
  }, []);

  const loadMore = useCallback(async () => {
    const s = latest.current;
    if (!canPage(s) || s.next === null) return;
    const cursor = s.next;
    const mine = generation.current;
    dispatch({ type: 'pageAsked', cursor });
    try {
      const page = await sendMessage('listHighlights', { query: s.query, cursor, limit: PAGE_SIZE });
      dispatch({ type: 'pageAnswered', generation: mine, cursor, page });
    } catch (e) {
      dispatch({ type: 'failed', generation: mine, cursor, message: messageOf(e) });
    }
  }, []);

  /** Facets and the deletes that can be undone both read the whole store: asked after the first rows. */
  const refreshSide = useCallback(() => {
    void sendMessage('highlightFacets', {}).then(
      (facets) => dispatch({ type: 'facets', facets }),
      () => undefined,
    );
    void sendMessage('listDeletions', {}).then(
      (deletions) => dispatch({ type: 'deletions', deletions }),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    void colourMeanings.getValue().then(setMeanings);
  }, []);

  useEffect(() => {
    if (state.live) refreshSide();
  }, [state.live, refreshSide]);

  // First the newest highlights as last stored (see lib/recent-highlights.ts), then the
  // background's answer. A layout effect, so the copy is asked for before the first paint; the
  // background only once the copy is on screen (Preact runs effects after the browser has
  // painted), so waking the service worker never delays the copy's rows.
  const [afterCopy, setAfterCopy] = useState(false);
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current) return;
    opened.current = true;
    void Promise.race([copy ?? recentHighlights.read(), wait(COPY_WAIT_MS)]).then((recent) => {
      if (generation.current !== 0) return; // the reader has already asked for something else
      if (recent) {
        dispatch({ type: 'copy', copy: recent });
        setAfterCopy(true);
      } else {
        void loadFirst(latest.current.query);
      }
    });
  }, [copy, loadFirst]);
  useEffect(() => {
    if (afterCopy && generation.current === 0) void loadFirst(latest.current.query);
  }, [afterCopy, loadFirst]);

  // A new query: at once for filters, after a pause for typing.
  const firstQuery = useRef(state.query);
  useEffect(() => {
    if (state.query === firstQuery.current) return;
    if (!state.query.search) {
      void loadFirst(state.query);
      return;
    }
    const t = setTimeout(() => void loadFirst(state.query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [state.query, loadFirst]);

  // Load the next page as the end of the list comes within a screenful, so scrolling never waits.
  const pageable = canPage(state);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !pageable) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadMore();
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [pageable, state.next, loadMore]);

  const remove = async (h: HighlightRecord) => {
    try {
      await sendMessage('deleteHighlights', { ids: [h.id] });
      dispatch({ type: 'removed', ids: [h.id] });
      refreshSide();
    } catch (e) {
      dispatch({ type: 'error', message: messageOf(e) });
    }
  };

  const undo = async (undoId: string) => {
    try {
      await sendMessage('undoDeletion', { undoId });
      refreshSide();
      await loadFirst(latest.current.query);
    } catch (e) {
      dispatch({ type: 'error', message: messageOf(e) });
      refreshSide();
    }
  };

  const filtered = Object.keys(state.query).length > 0;
  const groups = groupByPage(state.items);
  return (
    <section class="highlights" aria-label="Saved highlights">
      <HighlightFilters
        query={state.query}
        facets={state.facets}
        meanings={meanings}
        autoFocus={autoFocusSearch}
        onChange={(query) => dispatch({ type: 'query', query })}
      >
        <p class="summary" data-testid="highlight-count">
          {countLine(state)}
        </p>
      </HighlightFilters>
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      {groups.map((g) => (
        <article key={g.url} class="page-group">
          <header>
            <h3>{g.title}</h3>
            <p class="muted">
              <span class="site">{g.site}</span> · {formatDate(g.items[0]!.createdAt)}
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
                  const record = await sendMessage('updateHighlight', { id: x.id, patch });
                  dispatch({ type: 'updated', record });
                  refreshSide();
                }}
                onDelete={(x) => void remove(x)}
              />
            ))}
          </ul>
        </article>
      ))}
      {state.live && state.total === 0 && !filtered && (
        <div class="empty card">
          <p>
            <strong>No highlights yet.</strong>
          </p>
          <p class="muted">Select text on a Vietnamese news page and pick a colour in the toolbar that appears.</p>
        </div>
      )}
      {pageable && (
        <div ref={sentinel} class="more">
          <button type="button" onClick={() => void loadMore()}>
            Load more
          </button>
        </div>
      )}
      <UndoToasts deletions={state.deletions} onUndo={(id) => void undo(id)} />
      <details class="export-import">
        <summary>Export or import</summary>
        <ExportImport
          filtered={filtered}
          onExport={(format, onlyFiltered) =>
            exportToFile(onlyFiltered ? state.query : {}, format).then(() => undefined)
          }
          onImport={async (file) => {
            const result = await importFromFile(file);
            if (result.ok) {
              refreshSide();
              await loadFirst(latest.current.query);
            }
            return result;
          }}
        />
      </details>
    </section>
  );
}
