import type { HanSyllable } from '@/core/glossary-format';
import { splitSentence, type CardFace, type ReviewItem } from '@/core/review-face';
import type { WordContext } from '@/core/saved-word';

/** A sentence with the word it holds marked. */
function Sentence({ context }: { context: Pick<WordContext, 'sentence' | 'start' | 'end'> }) {
  const { before, word, after } = splitSentence(context);
  return (
    <p class="sentence" lang="vi">
      {before}
      <mark>{word}</mark>
      {after}
    </p>
  );
}

/** The Hán characters, each over its syllable and Unihan's gloss. */
function Han({ han }: { han: HanSyllable[] }) {
  return (
    <div class="han">
      <span class="answer-label">Hán</span>
      <ol class="han-syllables">
        {han.map((h, i) => (
          <li key={i}>
            <span class="han-char" lang="zh-Hant">
              {h.char ?? '·'}
            </span>
            <span class="han-syllable" lang="vi">
              {h.syllable}
            </span>
            {h.gloss && <span class="han-gloss">{h.gloss}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Source({ url, title }: { url: string; title: string }) {
  return (
    <p class="source">
      <a href={url} target="_blank" rel="noopener noreferrer" lang="vi">
        {title || url}
      </a>
    </p>
  );
}

type WordFace = Extract<CardFace, { kind: 'word' }>;

function Sense({ face }: { face: WordFace }) {
  if (!face.sense) return null;
  return (
    <p class="sense">
      <span class="pos">{face.sense.pos}</span> <span class="gloss">{face.sense.gloss}</span>
    </p>
  );
}

function ContextEnglish({ context }: { context: WordContext }) {
  if (!context.english) return null;
  return (
    <div class="context-en">
      <span class="answer-label">{context.english.kind === 'sentence' ? 'The sentence' : 'The paragraph'}</span>
      <p lang="en">{context.english.text}</p>
    </div>
  );
}

function WordCard({ face, revealed }: { face: WordFace; revealed: boolean }) {
  const reverse = face.direction === 'reverse';
  const headword = (
    <p class="headword" lang="vi">
      {face.headword}
    </p>
  );
  return (
    <>
      <p class="prompt">{reverse ? 'How do you say this in Vietnamese?' : 'What does it mean here?'}</p>
      {reverse ? (
        <>
          <Sense face={face} />
          {face.context?.english && (
            <p class="hint" lang="en">
              {face.context.english.text}
            </p>
          )}
        </>
      ) : (
        <>
          {face.context && <Sentence context={face.context} />}
          {headword}
        </>
      )}
      {revealed && (
        <div class="answer" data-testid="review-answer">
          {reverse ? (
            <>
              {headword}
              {face.context && <Sentence context={face.context} />}
            </>
          ) : (
            <>
              <Sense face={face} />
              {face.context && <ContextEnglish context={face.context} />}
            </>
          )}
          {face.han && <Han han={face.han} />}
          {face.context && <Source url={face.context.url} title={face.context.title} />}
        </div>
      )}
    </>
  );
}

function HighlightCard({ face, revealed }: { face: Extract<CardFace, { kind: 'highlight' }>; revealed: boolean }) {
  return (
    <>
      <p class="prompt">What does the highlighted passage say?</p>
      <p class="sentence passage" lang="vi">
        {face.quote.prefix && `…${face.quote.prefix}`}
        <mark>{face.quote.exact}</mark>
        {face.quote.suffix && `${face.quote.suffix}…`}
      </p>
      {revealed && (
        <div class="answer" data-testid="review-answer">
          {face.english ? (
            <div class="context-en">
              <span class="answer-label">The paragraph</span>
              <p lang="en">{face.english}</p>
            </div>
          ) : (
            <p class="muted">This highlight is not in a paragraph with an English version.</p>
          )}
          {face.terms.length > 0 && (
            <ul class="terms">
              {face.terms.map((t, i) => (
                <li key={i}>
                  <span lang="vi">{t.vi}</span> = <span lang="en">{t.en}</span>
                </li>
              ))}
            </ul>
          )}
          {face.note && <p class="note">Your note: {face.note}</p>}
          <Source url={face.url} title={face.title} />
        </div>
      )}
    </>
  );
}

/**
 * A card on the review page: the front, and the back once revealed. The element carries
 * `data-review-card` with the card's Vietnamese (the headword, or the highlight's quote).
 */
export function ReviewCard({ item, revealed }: { item: ReviewItem; revealed: boolean }) {
  const face = item.face;
  const kind = face.kind === 'word' ? `word ${face.direction}` : 'highlight';
  return (
    <article class={`review-card kind-${face.kind}`} data-review-card={item.vi} aria-label={`Card: ${kind}`}>
      {face.kind === 'word' ? (
        <WordCard face={face} revealed={revealed} />
      ) : (
        <HighlightCard face={face} revealed={revealed} />
      )}
    </article>
  );
}
