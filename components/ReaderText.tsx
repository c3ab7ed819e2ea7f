import { memo } from 'preact/compat';
import type { CorpusArticle, CorpusParagraph } from '@/core/corpus-schema';

function Paragraph({ p }: { p: CorpusParagraph }) {
  if (p.kind === 'heading') return <h2 class="para kind-heading">{p.vi}</h2>;
  return <p class={`para kind-${p.kind ?? 'text'}`}>{p.vi}</p>;
}

/**
 * An article's Vietnamese as a plain document, the way a news page carries it, for the page
 * pipeline to read: it inserts the English renderings between these paragraphs and paints terms
 * and highlights on them. Rendered once (memo): re-rendering would fight the nodes the pipeline
 * inserted, so the layout is switched on an ancestor, never here.
 */
export const ReaderText = memo(function ReaderText({ article }: { article: CorpusArticle }) {
  return (
    <article class="reader-text" lang="vi" data-testid="reader-text">
      <h2 class="para title-vi">{article.title.vi}</h2>
      {article.paragraphs.map((p, i) => (
        <Paragraph key={i} p={p} />
      ))}
    </article>
  );
});
