import { useEffect, useState } from 'preact/hooks';
import { Brand } from '@/components/Brand';
import { DataCredits } from '@/components/DataCredits';
import { ArrowRightIcon, BookIcon, HighlighterIcon, LanguagesIcon, SettingsIcon } from '@/components/icons';
import { ShortcutList } from '@/components/ShortcutList';
import { SiteList } from '@/components/SiteList';
import { SourceFacts } from '@/components/SourceFacts';
import type { CorpusArticle } from '@/core/corpus-schema';
import { countOf, formatCount, NOUNS } from '@/core/plural';
import { sendMessage } from '@/lib/messaging';
import { NEWS_SITES } from '@/lib/sites';
import { listShortcuts, openShortcutSettings, type Shortcut } from '@/lib/shortcuts';
import { readerPath } from '../reader/url';
import { FEATURED_ARTICLE_ID } from './featured';
import { Illustration } from './Illustration';

const FEATURES = [
  {
    icon: BookIcon,
    title: 'English under each paragraph',
    text: 'On a page that carries one of the bundled articles, our English follows each paragraph it recognises, even when the site retypes the text. Switch to original only or English only per site.',
  },
  {
    icon: LanguagesIcon,
    title: 'A glossary on hover',
    text: 'Names and terms are underlined. Rest the pointer on one for its English, what kind of name it is, a note, and the Hán characters of Sino-Vietnamese words.',
  },
  {
    icon: HighlighterIcon,
    title: 'Highlights that come back',
    text: 'Select text to highlight it in one of five colours, with a note and tags. Highlights return when you revisit the page, and can be searched, exported and imported.',
  },
] as const;

/** The first-run page: what the extension does, where, with which keys, and a bundled article to try at once. */
export function App() {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [featured, setFeatured] = useState<CorpusArticle | null>(null);
  useEffect(() => {
    void listShortcuts().then(setShortcuts, () => setShortcuts([]));
    void sendMessage('getArticle', { articleId: FEATURED_ARTICLE_ID }).then(setFeatured, () => undefined);
  }, []);
  const reader = readerPath(FEATURED_ARTICLE_ID);

  return (
    <>
      <header class="top">
        <div class="wrap top-inner">
          <Brand />
          <a class="button small" href="/options.html" target="_blank" rel="noopener">
            <SettingsIcon size={15} /> Settings
          </a>
        </div>
      </header>
      <main>
        <section class="hero wrap" aria-labelledby="welcome-title">
          <div class="hero-text">
            <p class="eyebrow">Installed and ready</p>
            <h1 id="welcome-title">Read Vietnamese news with the English beside it</h1>
            <p class="lead">
              Song ngữ turns Vietnamese news pages into a bilingual reader for English speakers: our English under the
              paragraphs it knows, a glossary of names and terms on hover, and highlights with notes that stay with the
              page.
            </p>
            <div class="cta">
              <a class="button primary large" href={reader} data-testid="try-article">
                Read a bundled article <ArrowRightIcon />
              </a>
              <a class="button large" href="#sites">
                Where it works
              </a>
            </div>
            <p class="privacy">
              Everything runs in your browser: no account, no network requests, no page text sent anywhere.
            </p>
          </div>
          <div class="hero-art">
            <Illustration />
          </div>
        </section>

        <section class="features wrap" aria-label="What it does">
          {FEATURES.map(({ icon: Icon, title, text }) => (
            <article key={title} class="feature">
              <span class="feature-icon">
                <Icon size={20} />
              </span>
              <h2>{title}</h2>
              <p>{text}</p>
            </article>
          ))}
        </section>

        <div class="wrap columns">
          <section id="sites" class="panel" aria-labelledby="sites-title">
            <h2 id="sites-title">Where it works</h2>
            <p class="muted">
              Articles on these {formatCount(NEWS_SITES.length)} news sites and their subdomains, over HTTPS. The
              extension asks for no access to any other site.
            </p>
            <SiteList />
          </section>

          <section id="shortcuts" class="panel" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <p class="muted">On the news pages, as your browser has them set now.</p>
            <ShortcutList shortcuts={shortcuts} onChangeShortcuts={() => void openShortcutSettings()} />
          </section>
        </div>

        <section class="try wrap" aria-labelledby="try-title">
          <div class="panel try-panel">
            <div>
              <p class="eyebrow">Try it now</p>
              <h2 id="try-title">{featured ? featured.title.en : 'A bundled article'}</h2>
              {featured && (
                <>
                  <p class="title-vi" lang="vi">
                    {featured.title.vi}
                  </p>
                  <SourceFacts source={featured.source} />
                </>
              )}
            </div>
            <div class="try-action">
              <p class="muted">
                {featured
                  ? `${countOf(featured.paragraphs.length, NOUNS.paragraph)}, each in Vietnamese and then in English.`
                  : 'Each paragraph in Vietnamese and then in English.'}
              </p>
              <a class="button primary" href={reader}>
                Open in the reader <ArrowRightIcon />
              </a>
            </div>
          </div>
        </section>

        <section id="credits" class="wrap credits-section" aria-labelledby="credits-title">
          <h2 id="credits-title">Data and licences</h2>
          <DataCredits />
        </section>
      </main>
      <footer class="wrap foot">
        <p class="muted">
          You can open this page again from the settings, under About.{' '}
          <a href="/options.html" target="_blank" rel="noopener">
            Open the settings
          </a>
        </p>
      </footer>
    </>
  );
}
