/**
 * A chart of one number per day, drawn as SVG: bars (reviews per day) or a filled line (words
 * known). No chart library: a few dozen elements, scaled by the viewBox, coloured by the page's
 * CSS variables so light and dark both work. Each day has a title for pointer and screen readers.
 */

const W = 720;
const H = 170;
const PAD = { left: 34, right: 8, top: 10, bottom: 24 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** A round top for the axis: 1, 2, 5, 10, 20, 50… at or above `max`. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * step).find((v) => v >= max) ?? 10 * step;
}

export function DayChart({
  values,
  days,
  kind,
  label,
  unit,
}: {
  values: readonly number[];
  /** A label per day ("5 Jan"), same length as `values`, the last one today. */
  days: readonly string[];
  kind: 'bars' | 'line';
  /** What the chart shows, for screen readers: "Reviews per day over the last 90 days". */
  label: string;
  /** The unit in each day's title: "reviews", "words known". */
  unit: string;
}) {
  const top = niceCeiling(Math.max(...values, 0));
  const step = PLOT_W / Math.max(1, values.length);
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const x = (i: number) => PAD.left + i * step;
  const ticks = [0, top / 2, top];
  const total = values.reduce((a, b) => a + b, 0);
  const summary =
    kind === 'bars'
      ? `${label}: ${total} in all, at most ${Math.max(0, ...values)} in a day.`
      : `${label}: ${values[0] ?? 0} ${days[0] ? `on ${days[0]}` : ''}, ${values.at(-1) ?? 0} today.`;
  const points = values.map((v, i) => `${(x(i) + step / 2).toFixed(1)},${y(v).toFixed(1)}`);
  const labelled = [0, Math.floor(values.length / 2), values.length - 1];
  return (
    <svg class={`day-chart chart-${kind}`} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
      {ticks.map((t) => (
        <g key={t} class="tick">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end">
            {Number.isInteger(t) ? t : t.toFixed(1)}
          </text>
        </g>
      ))}
      {kind === 'bars' ? (
        values.map((v, i) => (
          <rect
            key={i}
            class={i === values.length - 1 ? 'bar today' : 'bar'}
            x={x(i) + step * 0.12}
            width={step * 0.76}
            y={y(v)}
            height={Math.max(0, PAD.top + PLOT_H - y(v))}
            rx={Math.min(2, step * 0.3)}
          >
            <title>{`${days[i]}: ${v} ${unit}`}</title>
          </rect>
        ))
      ) : (
        <>
          <polygon
            class="area"
            points={`${(x(0) + step / 2).toFixed(1)},${y(0)} ${points.join(' ')} ${(x(values.length - 1) + step / 2).toFixed(1)},${y(0)}`}
          />
          <polyline class="line" points={points.join(' ')} />
          {values.map((v, i) => (
            <rect key={i} class="hit" x={x(i)} width={step} y={PAD.top} height={PLOT_H}>
              <title>{`${days[i]}: ${v} ${unit}`}</title>
            </rect>
          ))}
        </>
      )}
      {labelled.map((i) => (
        <text
          key={i}
          class="day"
          x={x(i) + step / 2}
          y={H - 6}
          text-anchor={i === 0 ? 'start' : i === values.length - 1 ? 'end' : 'middle'}
        >
          {i === values.length - 1 ? 'Today' : days[i]}
        </text>
      ))}
    </svg>
  );
}
