import { useState } from 'preact/hooks';
import { COLOURS, type Colour } from '@/core/highlight-record';

/** Makes review cards of the reader's highlights, all of them or those of one colour. */
export function HighlightCardsForm({
  meanings,
  onAdd,
}: {
  meanings: Record<Colour, string>;
  onAdd: (color: Colour | null) => Promise<{ added: number; total: number }>;
}) {
  const [color, setColor] = useState<Colour | ''>('');
  const [said, setSaid] = useState<string | null>(null);
  return (
    <form
      class="highlight-cards"
      onSubmit={(e) => {
        e.preventDefault();
        setSaid(null);
        void onAdd(color || null).then(
          ({ added, total }) =>
            setSaid(
              total === 0
                ? 'No highlights to add yet.'
                : `${added === 0 ? 'No new cards' : `${added} new card${added === 1 ? '' : 's'}`}: ${total} highlight${total === 1 ? ' has' : 's have'} a card.`,
            ),
          (err: unknown) => setSaid(err instanceof Error ? err.message.replace(/^\w+: /, '') : String(err)),
        );
      }}
    >
      <h3>Cards from highlights</h3>
      <div class="row">
        <label>
          Highlights{' '}
          <select value={color} onChange={(e) => setColor(e.currentTarget.value as Colour | '')}>
            <option value="">All colours</option>
            {COLOURS.map((c) => (
              <option key={c} value={c}>
                {meanings[c]} ({c})
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add highlights as cards</button>
      </div>
      {said && <p role="status">{said}</p>}
    </form>
  );
}
