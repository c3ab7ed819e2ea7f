import { useRef } from 'preact/hooks';
import type { Rect } from '@/core/placement';
import { usePlacement } from './use-placement';

export interface NoteFrameProps {
  /** The selection the note is for, in viewport coordinates: the frame sits next to it. */
  anchor: Rect;
  /** The note editor's URL (an extension page, with the staged highlight's token). */
  src: string;
}

/**
 * The note editor, an extension page in a frame: what the reader types in it never reaches the
 * page's scripts, whatever listeners they set (Hypothesis and Yomitan edit in frames of their own
 * origin for the same reason).
 */
export function NoteFrame({ anchor, src }: NoteFrameProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const placement = usePlacement(ref, anchor, [src]);
  return (
    <iframe
      ref={ref}
      class="panel note-frame"
      src={src}
      title="Write a note for this highlight"
      data-testid="note-editor"
      // Focus moves into the editor as soon as it is there, so the reader can type at once.
      onLoad={(e) => e.currentTarget.focus()}
      style={{
        left: `${placement?.left ?? -9999}px`,
        top: `${placement?.top ?? -9999}px`,
        visibility: placement ? 'visible' : 'hidden',
      }}
    />
  );
}
