import { useRef } from 'preact/hooks';
import type { Rect } from '@/core/placement';
import { usePlacement } from './use-placement';

export interface PageFrameProps {
  /** What the frame is about, in viewport coordinates: the frame sits next to it. */
  anchor: Rect;
  /** The extension page to show (note-editor.html or highlight-card.html, with its parameters). */
  src: string;
  title: string;
  testId: string;
  width: number;
  height: number;
  /** Take focus once loaded (an editor), or leave it with the page (a card shown on hover). */
  focus: boolean;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

/**
 * One of the extension's own pages in a frame next to the text it is about: the note editor and
 * the highlight card. What the reader types or reads there (notes are private) never reaches the
 * page's scripts, whatever listeners they set (Hypothesis and Yomitan edit in frames of their own
 * origin for the same reason).
 */
export function PageFrame(props: PageFrameProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const placement = usePlacement(ref, props.anchor, [props.src]);
  return (
    <iframe
      ref={ref}
      class="panel page-frame"
      src={props.src}
      title={props.title}
      data-testid={props.testId}
      allow="clipboard-write"
      onLoad={(e) => props.focus && e.currentTarget.focus()}
      onMouseEnter={props.onPointerEnter}
      onMouseLeave={props.onPointerLeave}
      style={{
        width: `min(${props.width}px, calc(100vw - 16px))`,
        height: `${props.height}px`,
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        visibility: placement ? 'visible' : 'hidden',
      }}
    />
  );
}
