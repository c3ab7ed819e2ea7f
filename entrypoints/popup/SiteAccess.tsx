import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  originMatchPattern,
  originOfUrl,
  siteAccess,
  siteOfUrl,
  withEntry,
  withoutEntry,
  type SiteAccess as Access,
} from '@/core/site';
import { sendMessage } from '@/lib/messaging';
import { addedSites, neverSites } from '@/lib/settings';
import type { AboutTab } from './App';

const messageOf = (e: unknown) => (e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e));

/** What the extension does on the popup's tab: read or not, and the reader's choices about it. */
export function useSiteAccess(about: AboutTab | null): Access | null {
  const [lists, setLists] = useState<{ added: string[]; never: string[] } | null>(null);
  useEffect(() => {
    const read = () =>
      void Promise.all([addedSites.getValue(), neverSites.getValue()]).then(([added, never]) =>
        setLists({ added, never }),
      );
    read();
    const stops = [addedSites.watch(read), neverSites.watch(read)];
    return () => stops.forEach((stop) => stop());
  }, []);
  return lists && siteAccess(about?.url ?? '', lists);
}

/**
 * "Read this site" on a page the extension does not read, "Never on this site" on a news site it
 * reads, and the way back from each. The permission is asked for in the click itself (browsers
 * only show the prompt for a user gesture), for that one origin.
 */
export function SiteAccess({
  about,
  access,
  children,
}: {
  about: AboutTab | null;
  access: Access;
  children?: ComponentChildren;
}) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const url = about?.url ?? '';
  const origin = originOfUrl(url);
  const site = siteOfUrl(url);
  const tabId = about?.id ?? null;

  const readThisSite = () => {
    if (!origin) return;
    // No await before this call: the prompt needs the click's user gesture.
    const asked = browser.permissions.request({ origins: [originMatchPattern(origin)] });
    void asked
      .then(async (granted) => {
        if (!granted) {
          setStatus({ text: 'Song ngữ was not allowed on this site.' });
          return;
        }
        await sendMessage('addSite', { origin, tabId });
        setStatus({ text: `Song ngữ now reads ${site}.` });
      })
      .catch((e: unknown) => setStatus({ text: messageOf(e), error: true }));
  };

  const setNever = async (never: boolean) => {
    const current = await neverSites.getValue();
    await neverSites.setValue(never ? withEntry(current, site) : withoutEntry(current, site));
    // The page's script reads the list when it starts: start it again.
    if (tabId !== null) await browser.tabs.reload(tabId);
  };

  const line = status && (
    <p
      class={status.error ? 'error' : 'muted'}
      role={status.error ? 'alert' : 'status'}
      data-testid="site-access-status"
    >
      {status.text}
    </p>
  );

  if (access === 'addable') {
    return (
      <div class="card site-access" data-testid="site-access">
        <p>
          It can read <strong>{site}</strong> too, if you allow it on this site (and no other).
        </p>
        <button type="button" class="button primary" onClick={readThisSite}>
          Read this site
        </button>
        {line}
      </div>
    );
  }
  if (access === 'never') {
    return (
      <div class="empty card" data-testid="site-access">
        <p>
          You switched Song ngữ off on <strong>{site}</strong>.
        </p>
        <button type="button" class="button primary" onClick={() => void setNever(false)}>
          Read this site again
        </button>
      </div>
    );
  }
  if (access === 'default') {
    return (
      <div class="site-access-bar" data-testid="site-access">
        <button type="button" class="small ghost" onClick={() => void setNever(true)}>
          Never on this site
        </button>
      </div>
    );
  }
  return <>{children}</>;
}
