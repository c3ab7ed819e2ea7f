import { useCallback, useEffect, useState } from 'preact/hooks';
import { UserArticles } from '@/components/UserArticles';
import type { ArticleSummary } from '@/core/user-corpus';
import { exportArticleToFile, importArticleFiles } from '@/lib/article-transfer';
import { sendMessage } from '@/lib/messaging';

/** The options page's "Your articles": the reader's articles, kept fresh, wired to the background. */
export function YourArticles() {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const refresh = useCallback(async () => {
    const all = await sendMessage('listArticles', {});
    setArticles(all.filter((a) => a.user));
  }, []);
  useEffect(() => {
    void refresh().catch(() => setArticles([]));
    // Articles are also added from the "Add an English version" page while this one stays open.
    const onFocus = () => void refresh().catch(() => undefined);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);
  return (
    <UserArticles
      articles={articles}
      onImport={async (files) => {
        const result = await importArticleFiles(files);
        await refresh().catch(() => undefined);
        return result;
      }}
      onExport={async (id) => void (await exportArticleToFile(id))}
      onDelete={async (id) => {
        await sendMessage('deleteArticle', { articleId: id });
        await refresh();
      }}
    />
  );
}
