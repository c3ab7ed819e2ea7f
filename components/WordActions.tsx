/** What a popover offers to do with its word: save it, say it is known, and how often it was looked up. */

export interface WordActionsProps {
  headword: string;
  saved: boolean;
  known: boolean;
  /** How often the word was looked up before; null until known. */
  lookups: number | null;
  /** What the last action did ("Saved"), or why it failed. */
  status: string;
  onSave: (e: Event) => void;
  onKnow: (e: Event) => void;
}

/** "Save word" (key S) and "I know this", with the word's lookup count. */
export function WordActions(props: WordActionsProps) {
  const stop = (handler: (e: Event) => void) => (e: Event) => {
    e.stopPropagation();
    handler(e);
  };
  return (
    <div class="word-actions" data-testid="word-actions">
      <button type="button" class="save" aria-keyshortcuts="S" disabled={props.saved} onClick={stop(props.onSave)}>
        {props.saved ? 'Saved' : 'Save word'}
      </button>
      <button type="button" class="know" aria-pressed={props.known} onClick={stop(props.onKnow)}>
        I know this
      </button>
      {props.lookups !== null && props.lookups > 0 && (
        <span class="lookups" data-testid="lookup-count">
          looked up {props.lookups} {props.lookups === 1 ? 'time' : 'times'}
        </span>
      )}
      <span class="status" role="status">
        {props.status}
      </span>
    </div>
  );
}
