import { useRef } from 'preact/hooks';
import type { Rect } from '@/core/placement';
import { usePlacement } from './use-placement';

export interface PeekParagraph {
  key: string;
  text: string;
}

export interface PeekProps {
  anchor: Rect;
  /** The language shown: the English of a block ("original only"), or the Vietnamese ("English only"). */
  lang: 'en' | 'vi';
  paragraphs: PeekParagraph[];
}

/**
 * The other language of a recognised block, shown on hover or focus: the English in "original
 * only", the hidden Vietnamese in "English only".
 */
export function Peek({ anchor, lang, paragraphs }: PeekProps) {
  const ref = useRef<HTMLDivElement>(null);
  const placement = usePlacement(ref, anchor, [lang, paragraphs.map((p) => p.key).join()]);
  return (
    <div
      ref={ref}
      class="panel peek"
      role="tooltip"
      lang={lang}
      data-testid={lang === 'en' ? 'english-peek' : 'vietnamese-peek'}
      style={{
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        maxHeight: placement ? `${placement.maxHeight}px` : undefined,
        visibility: placement ? 'visible' : 'hidden',
      }}
    >
      {paragraphs.map((p) => (
        <p key={p.key}>{p.text}</p>
      ))}
    </div>
  );
}
