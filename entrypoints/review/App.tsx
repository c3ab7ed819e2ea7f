import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ProgressPanel } from '@/components/ProgressPanel';
import { ReviewCard } from '@/components/ReviewCard';
import { ReviewControls } from '@/components/ReviewControls';
import { useStore } from '@/components/use-store';
import { MONTHS } from '@/core/numbers';
import { formatWait } from '@/core/review-face';
import { CHART_DAYS } from '@/core/review-stats';
import { sendMessage } from '@/lib/messaging';
import type { ReviewProgress } from '@/lib/protocol';
import { reviewKey } from './keys';
import { Manage } from './Manage';
import type { ReviewSession, SessionState } from './session';

/** "5 Jan" for each of the chart's days, today last, in the reader's time zone. */
function dayLabels(now: Date): string[] {
  return Array.from({ length: CHART_DAYS }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (CHART_DAYS - 1 - i));
    return `${d.getDate()} ${MONTHS[d.getMonth()]!.slice(0, 3)}`;
  });
}

/** Reads the progress after the first card is on screen, and again a moment after ratings stop. */
function useProgress(state: SessionState): ReviewProgress | null {
  const [progress, setProgress] = useState<ReviewProgress | null>(null);
  const started = state.phase !== 'loading';
  useEffect(() => {
    if (!started) return;
    const t = setTimeout(
      () =>
        void sendMessage('readProgress', { offsetMinutes: -new Date().getTimezoneOffset() }).then(
          setProgress,
          () => undefined,
        ),
      state.reviewed === 0 ? 50 : 1500,
    );
    return () => clearTimeout(t);
  }, [started, state.reviewed]);
  return progress;
}

function Empty({ state }: { state: SessionState }) {
  if (state.phase === 'loading') return <p class="empty muted">Loading your cards…</p>;
  if (state.reviewed > 0 || state.next !== null) {
    return (
      <div class="empty" data-testid="review-done">
        <p class="empty-title">All caught up.</p>
        <p class="muted">
          {state.reviewed > 0 ? `${state.reviewed} review${state.reviewed === 1 ? '' : 's'} this session. ` : ''}
          {state.next !== null ? `The next card is due in ${formatWait(state.next - Date.now())}.` : ''}
        </p>
      </div>
    );
  }
  return (
    <div class="empty" data-testid="review-done">
      <p class="empty-title">No cards yet.</p>
      <p class="muted">
        Save words from their popovers on news pages (<strong>Save word</strong>, or the <kbd>S</kbd> key), or add your
        highlights as cards below.
      </p>
    </div>
  );
}

export function App({ session }: { session: ReviewSession }) {
  const state = useStore(session);
  const progress = useProgress(state);
  const stage = useRef<HTMLDivElement>(null);
  const onCard = state.phase === 'front' || state.phase === 'back';

  // The automation contract: the number of cards due now, on <html>.
  useLayoutEffect(() => {
    document.documentElement.dataset.reviewDue = String(state.due);
    document.title = state.due > 0 ? `Review (${state.due} due) · Song ngữ` : 'Review · Song ngữ';
  }, [state.due]);

  // Focus follows the card, so a screen reader reads the new side and no button keeps Space.
  useLayoutEffect(() => {
    if (
      onCard &&
      (!document.activeElement ||
        document.activeElement === document.body ||
        stage.current?.contains(document.activeElement))
    ) {
      stage.current?.focus({ preventScroll: true });
    }
  }, [state.item?.cardId, state.phase]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = reviewKey(e);
      if (!key) return;
      e.preventDefault();
      if (key.action === 'show') session.show();
      else if (key.action === 'rate') session.rate(key.rating);
      else session.undo();
    };
    const onVisible = () => document.visibilityState === 'visible' && void session.refresh();
    document.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onVisible);
      session.dispose();
    };
  }, [session]);

  return (
    <>
      <header class="top">
        <h1>
          Song ngữ <span class="muted">Review</span>
        </h1>
        <p class="due-pill" data-testid="due-count" aria-live="polite">
          {state.due} due
        </p>
      </header>
      <main class="layout">
        <section class="study" aria-label="Review">
          <div class="stage" ref={stage} tabIndex={-1} aria-live="polite">
            {onCard && state.item ? (
              <ReviewCard item={state.item} revealed={state.phase === 'back'} />
            ) : (
              <Empty state={state} />
            )}
          </div>
          <ReviewControls
            item={onCard ? state.item : null}
            revealed={state.phase === 'back'}
            canUndo={state.canUndo}
            onShow={() => session.show()}
            onRate={(r) => session.rate(r)}
            onUndo={() => session.undo()}
          />
          {state.error && (
            <p role="alert" class="error">
              {state.error}
            </p>
          )}
          <p class="keys muted">
            <kbd>Space</kbd> shows the answer · <kbd>1</kbd> Again · <kbd>2</kbd> Hard · <kbd>3</kbd> Good ·{' '}
            <kbd>4</kbd> Easy · <kbd>Z</kbd> undoes
          </p>
        </section>
        <aside class="side">
          {progress ? (
            <ProgressPanel progress={progress} days={dayLabels(new Date())} />
          ) : (
            <section class="progress" aria-busy="true" />
          )}
        </aside>
        <Manage onCardsChanged={() => void session.refresh()} />
      </main>
    </>
  );
}
