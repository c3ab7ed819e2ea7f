import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '@/core/plural';
import { sendMessage } from '@/lib/messaging';
import type { PageWords } from '@/lib/protocol';

/** "412 distinct words · 18% known": the share of a page's words the reader knows. */
export function pageWordsLine(p: PageWords): string {
  const share = (n: number) => (p.words === 0 ? 0 : Math.round((n / p.words) * 100));
  const learning = p.learning > 0 ? ` · ${share(p.learning)}% learning` : '';
  return `${formatCount(p.words)} distinct word${p.words === 1 ? '' : 's'} · ${share(p.known)}% known${learning}`;
}

/** The This page tab's word line; nothing until the background has read the page. */
export function PageWordsLine({ tabId }: { tabId: number | undefined }) {
  const [words, setWords] = useState<PageWords | null>(null);
  useEffect(() => {
    if (tabId === undefined) return;
    void sendMessage('countPageWords', { tabId }).then(setWords, () => setWords(null));
  }, [tabId]);
  if (!words || words.words === 0) return null;
  return (
    <p class="page-words muted" data-testid="page-words">
      {pageWordsLine(words)}
    </p>
  );
}
