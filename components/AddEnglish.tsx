import { useEffect, useState } from 'preact/hooks';
import { alignParagraphs } from '@/core/align-text';
import type { CorpusArticle } from '@/core/corpus-schema';
import {
  articleOfPairs,
  dropPair,
  isComplete,
  mergePairs,
  moveEnglish,
  pairsOfBeads,
  splitPair,
  type EditPair,
} from '@/core/pair-edit';
import { parsePastedText } from '@/core/paste-parse';
import type { PageParagraphs } from '@/lib/protocol';

/**
 * "Add an English version": the page's Vietnamese paragraphs, the English the reader pastes,
 * the aligned pairs to confirm (merge, split, move, drop), and Save. Text only: nothing pasted
 * becomes markup.
 */
export function AddEnglish({
  load,
  onSave,
}: {
  load: () => Promise<PageParagraphs | null>;
  onSave: (article: CorpusArticle) => Promise<{ id: string }>;
}) {
  const [page, setPage] = useState<PageParagraphs | null | undefined>(undefined);
  const [pasted, setPasted] = useState('');
  const [pairs, setPairs] = useState<EditPair[] | null>(null);
  const [title, setTitle] = useState({ vi: '', en: '' });
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load().then(
      (p) => {
        setPage(p);
        if (p) setTitle((t) => ({ ...t, vi: p.title }));
      },
      () => setPage(null),
    );
  }, [load]);

  if (page === undefined) return <p class="muted">Reading the page…</p>;
  if (page === null || page.paragraphs.length === 0) {
    return (
      <p role="alert" class="error">
        Song ngữ could not read this page's paragraphs. Reload the page, then open this again from the popup.
      </p>
    );
  }

  const align = () => {
    const parsed = parsePastedText(pasted);
    const en = parsed.paragraphs.map((p) => p.text);
    if (en.length === 0) {
      setError('Paste the English text first.');
      return;
    }
    setError('');
    setPairs(pairsOfBeads(page.paragraphs, en, alignParagraphs(page.paragraphs, en)));
    if (parsed.title) setTitle((t) => ({ ...t, en: t.en || parsed.title! }));
  };

  const save = async () => {
    if (!pairs) return;
    setError('');
    setStatus('');
    try {
      const article = articleOfPairs(pairs, { title, url: page.url, outlet: null });
      const { id } = await onSave(article);
      setSaved(true);
      setStatus(
        `Saved as “${id}”, with ${article.paragraphs.length} paragraphs. Reload the article's page to read it with the English.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e));
    }
  };

  const complete = pairs?.filter(isComplete).length ?? 0;
  return (
    <div class="add-english">
      <p class="muted">
        <span data-testid="page-paragraph-count">{page.paragraphs.length}</span> Vietnamese paragraphs from{' '}
        <span class="page-url">{page.url}</span>
      </p>
      <label class="field">
        English text (plain text or Markdown)
        <textarea
          rows={10}
          value={pasted}
          onInput={(e) => setPasted(e.currentTarget.value)}
          placeholder="Paste the English version of the article here."
        />
      </label>
      <button type="button" onClick={align} disabled={saved}>
        Align
      </button>
      {pairs && (
        <>
          <h2>Check the pairs</h2>
          <p class="muted">
            {complete} of {pairs.length} pairs have both languages; only those are saved. Merge, split, move the English
            up or down, or drop a pair that is not part of the article.
          </p>
          <ol class="pairs" aria-label="Aligned pairs">
            {pairs.map((p, k) => (
              <li key={k} class={isComplete(p) ? 'pair' : 'pair incomplete'} data-testid="pair">
                <div class="pair-vi" lang="vi">
                  {p.vi.map((t, j) => (
                    <p key={j}>{t}</p>
                  ))}
                </div>
                <div class="pair-en" lang="en">
                  {p.en.length > 0 ? p.en.map((t, j) => <p key={j}>{t}</p>) : <p class="muted">(no English)</p>}
                </div>
                <div class="pair-actions" role="group" aria-label={`Pair ${k + 1}`}>
                  <button
                    type="button"
                    class="small"
                    disabled={k + 1 >= pairs.length}
                    onClick={() => setPairs(mergePairs(pairs, k))}
                  >
                    Merge with next
                  </button>
                  <button type="button" class="small" onClick={() => setPairs(splitPair(pairs, k))}>
                    Split
                  </button>
                  <button
                    type="button"
                    class="small"
                    disabled={k === 0 || p.en.length === 0}
                    onClick={() => setPairs(moveEnglish(pairs, k, 'up'))}
                  >
                    English up
                  </button>
                  <button
                    type="button"
                    class="small"
                    disabled={k + 1 >= pairs.length || p.en.length === 0}
                    onClick={() => setPairs(moveEnglish(pairs, k, 'down'))}
                  >
                    English down
                  </button>
                  <button type="button" class="small danger" onClick={() => setPairs(dropPair(pairs, k))}>
                    Drop
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <label class="field">
            Vietnamese title
            <input type="text" value={title.vi} onInput={(e) => setTitle({ ...title, vi: e.currentTarget.value })} />
          </label>
          <label class="field">
            English title
            <input type="text" value={title.en} onInput={(e) => setTitle({ ...title, en: e.currentTarget.value })} />
          </label>
          <button type="button" class="primary" disabled={saved || complete === 0} onClick={() => void save()}>
            Save
          </button>
        </>
      )}
      <p role="status" class="status">
        {status}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
