import { DATA_CREDITS } from '@/core/attributions';

/** The third-party data the extension ships: each credited in short and in full, with its source and licence. */
export function DataCredits() {
  return (
    <ul class="credits" data-testid="data-credits">
      {DATA_CREDITS.map((c) => (
        <li key={c.what}>
          <p class="credit-what">
            {c.what}: <span class="credit-short">{c.short}</span>
          </p>
          <p class="credit-text">{c.full}</p>
          <p class="credit-links">
            <a href={c.source.url} target="_blank" rel="noreferrer">
              {c.source.name}
            </a>
            <span aria-hidden="true"> · </span>
            <a href={c.licence.url} target="_blank" rel="noreferrer">
              {c.licence.name}
            </a>
            {c.notice && (
              <>
                <span aria-hidden="true"> · </span>
                <a href={c.notice} target="_blank" rel="noopener">
                  Full notice
                </a>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
