/** Whether the page itself is dark, so our UI can match it (sites often ignore prefers-color-scheme). */

function parseRgb(color: string): { r: number; g: number; b: number; a: number } | null {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)/.exec(color);
  if (!m) return null;
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) };
}

/** The scheme of the page behind `el`: from the first opaque background up the tree. */
export function pageScheme(el: Element | null = document.body): 'light' | 'dark' {
  for (let e = el; e; e = e.parentElement) {
    const bg = parseRgb(getComputedStyle(e).backgroundColor);
    if (bg && bg.a > 0.5) {
      const luminance = (0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b) / 255;
      return luminance < 0.45 ? 'dark' : 'light';
    }
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
