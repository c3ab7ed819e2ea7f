import type { Ref } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { placePanel, type Placement, type Rect } from '@/core/placement';

/**
 * Measures the panel behind `ref` and places it next to `anchor` (viewport coordinates), inside
 * the viewport, off the anchor and clear of `avoid` where it can be. Returns null until measured.
 * A panel whose size changes after it is placed (a web font arriving, a late line) is placed
 * again: one placed above its anchor would otherwise grow down over it.
 */
export function usePlacement(
  ref: Ref<HTMLElement>,
  anchor: Rect | null,
  deps: unknown[] = [],
  avoid: readonly Rect[] = [],
): Placement | null {
  const [placement, setPlacement] = useState<Placement | null>(null);
  const avoidKey = avoid.map((r) => `${r.left},${r.top},${r.width},${r.height}`).join(';');
  useLayoutEffect(() => {
    const el = (ref as { current: HTMLElement | null }).current;
    if (!el || !anchor) {
      setPlacement(null);
      return;
    }
    let size = '';
    const place = () => {
      const measured = { width: el.offsetWidth, height: el.scrollHeight };
      const key = `${measured.width}x${measured.height}`;
      if (key === size) return;
      size = key;
      const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
      setPlacement(placePanel(anchor, measured, viewport, { avoid }));
    };
    place();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(place);
    observer.observe(el);
    return () => observer.disconnect();
  }, [anchor?.left, anchor?.top, anchor?.width, anchor?.height, avoidKey, ...deps]);
  return placement;
}
