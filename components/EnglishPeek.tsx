import { useRef } from 'preact/hooks';
import type { Rect } from '@/core/placement';
import { usePlacement } from './use-placement';

export interface PeekParagraph {
  key: string;
  en: string;
}

/** The English of a matched block, shown on hover or focus in "original only" mode. */
export function EnglishPeek({ anchor, paragraphs }: { anchor: Rect; paragraphs: PeekParagraph[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const placement = usePlacement(ref, anchor, [paragraphs.map((p) => p.key).join()]);
  return (
    <div
      ref={ref}
      class="panel peek"
      role="tooltip"
      lang="en"
      data-testid="english-peek"
      style={{
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        maxHeight: placement ? `${placement.maxHeight}px` : undefined,
        visibility: placement ? 'visible' : 'hidden',
      }}
    >
      {paragraphs.map((p) => (
        <p key={p.key}>{p.en}</p>
      ))}
    </div>
  );
}
