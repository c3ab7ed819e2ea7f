import type { Ref } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { placePanel, type Placement, type Rect } from '@/core/placement';

/**
 * Measures the panel behind `ref` and places it next to `anchor` (viewport coordinates), inside
 * the viewport and off the anchor. Returns null until measured.
 */
export function usePlacement(ref: Ref<HTMLElement>, anchor: Rect | null, deps: unknown[] = []): Placement | null {
  const [placement, setPlacement] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const el = (ref as { current: HTMLElement | null }).current;
    if (!el || !anchor) {
      setPlacement(null);
      return;
    }
    const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
    setPlacement(placePanel(anchor, { width: el.offsetWidth, height: el.scrollHeight }, viewport));
  }, [anchor?.left, anchor?.top, anchor?.width, anchor?.height, ...deps]);
  return placement;
}
