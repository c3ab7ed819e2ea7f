/**
 * The sites the reader chose: those added with "Read this site" (each with Remove, which gives the
 * permission back) and the news sites switched off with "Never on this site" (each with Read again).
 */
export function ChosenSites({
  added,
  never,
  onRemove,
  onReadAgain,
}: {
  added: readonly string[];
  never: readonly string[];
  onRemove: (origin: string) => void;
  onReadAgain: (site: string) => void;
}) {
  return (
    <>
      <h4 class="subhead">Sites you added</h4>
      {added.length === 0 ? (
        <p class="empty-note" data-testid="added-sites">
          None. On any other site, open the popup and choose <strong>Read this site</strong>: Song ngữ asks your browser
          for that site alone.
        </p>
      ) : (
        <ul class="site-modes" data-testid="added-sites">
          {added.map((origin) => (
            <li key={origin}>
              <span class="site-name">{origin}</span>
              <button
                type="button"
                class="small ghost"
                aria-label={`Remove ${origin}`}
                onClick={() => onRemove(origin)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <h4 class="subhead">Never on these sites</h4>
      {never.length === 0 ? (
        <p class="empty-note" data-testid="never-sites">
          Song ngữ reads every supported news site. Choose <strong>Never on this site</strong> in the popup to switch it
          off on one.
        </p>
      ) : (
        <ul class="site-modes" data-testid="never-sites">
          {never.map((site) => (
            <li key={site}>
              <span class="site-name">{site}</span>
              <button
                type="button"
                class="small ghost"
                aria-label={`Read ${site} again`}
                onClick={() => onReadAgain(site)}
              >
                Read again
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
