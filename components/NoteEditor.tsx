import { useEffect, useRef, useState } from 'preact/hooks';
import type { Colour } from '@/core/highlight-record';
import { ColourPicker } from './ColourPicker';

export interface NoteEditorData {
  quote: string;
  color: Colour;
  meanings: Record<Colour, string>;
  /** What a saved highlight already has (editing it). */
  note?: string;
  tags?: string[];
}

export interface NoteEditorProps {
  load: () => Promise<NoteEditorData>;
  onSave: (fields: { note: string; color: Colour; tags: string[] }) => Promise<void>;
  onCancel: () => Promise<void>;
}

/** A field's loaded value with what the reader typed before it arrived. */
export function keepTyped(loaded: string, typed: string, separator: string): string {
  if (!typed) return loaded;
  return loaded ? `${loaded}${separator}${typed}` : typed;
}

/**
 * Writing a highlight's note, colour and tags: for a highlight being saved (the note editor) or
 * one already saved (its card). It runs in the extension's own page, framed on the news page, so
 * the page's scripts cannot read what is typed. Ctrl/⌘+Enter saves, Esc cancels.
 */
export function NoteEditor({ load, onSave, onCancel }: NoteEditorProps) {
  const [data, setData] = useState<NoteEditorData | null>(null);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [colour, setColour] = useState<Colour>('yellow');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  // Loaded once, when the editor opens: its host may render again with a new `load` (an inline
  // function), and loading again would put the stored note in front of the reader's edits.
  const loadOnce = useRef(load);
  useEffect(() => {
    loadOnce.current().then(
      (d) => {
        setData(d);
        setColour(d.color);
        // The fields take typing before this arrives (the frame has focus as soon as it loads):
        // what the reader typed meanwhile is kept, after what the highlight already had.
        setNote((typed) => keepTyped(d.note ?? '', typed, '\n'));
        setTags((typed) => keepTyped((d.tags ?? []).join(', '), typed, ', '));
      },
      (e: unknown) => setError(e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e)),
    );
    // The frame gets focus from the page once loaded; the note takes it from there.
    const focus = () => noteRef.current?.focus();
    window.addEventListener('focus', focus);
    return () => window.removeEventListener('focus', focus);
  }, []);
  useEffect(() => {
    // Not away from the tags field if the reader went there meanwhile.
    if (document.activeElement === document.body || !document.activeElement) noteRef.current?.focus();
  }, [data]);

  const save = () => {
    if (busy || !data) return;
    setBusy(true);
    setError('');
    onSave({ note: note.trim(), color: colour, tags: tags.split(',') }).catch((e: unknown) => {
      setBusy(false);
      setError(e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e));
    });
  };
  const cancel = () => void onCancel().catch(() => undefined);

  return (
    <form
      class="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
      }}
    >
      {data && (
        <p class="quote" lang="vi" title={data.quote}>
          {data.quote}
        </p>
      )}
      <label class="field">
        <span>Note</span>
        <textarea
          ref={noteRef}
          rows={3}
          maxLength={10_000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>Tags (comma-separated)</span>
        <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      {data && <ColourPicker value={colour} meanings={data.meanings} name="colour" onChange={setColour} />}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !data}>
          Save
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
