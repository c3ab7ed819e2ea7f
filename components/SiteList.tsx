import { NEWS_SITES } from '@/lib/sites';

/** The news sites the extension reads, from the one list the manifest is built from. */
export function SiteList() {
  return (
    <ul class="site-list" aria-label="Supported news sites">
      {NEWS_SITES.map((site) => (
        <li key={site}>{site}</li>
      ))}
    </ul>
  );
}
