import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Brand } from '@/components/Brand';
import { ChosenSites } from '@/components/ChosenSites';
import { ColourMeaningsForm } from '@/components/ColourMeaningsForm';
import { DataCredits } from '@/components/DataCredits';
import { DeleteAll } from '@/components/DeleteAll';
import { ExportImport } from '@/components/ExportImport';
import { BookIcon, DatabaseIcon, HighlighterIcon, InfoIcon, KeyboardIcon, LanguagesIcon } from '@/components/icons';
import { PopoverSettingsForm } from '@/components/PopoverSettingsForm';
import { ShortcutList } from '@/components/ShortcutList';
import { SectionNav, SettingsGroup, SettingsSection, type SectionInfo } from '@/components/SettingsSection';
import { SiteModes } from '@/components/SiteModes';
import { TermUnderlineForm } from '@/components/TermUnderlineForm';
import { UndoToasts } from '@/components/UndoToasts';
import { YourArticles } from './YourArticles';
import { DICTIONARY_CREDIT } from '@/core/attributions';
import type { Colour } from '@/core/highlight-record';
import { countOf, NOUNS } from '@/core/plural';
import { deleteAllHighlights } from '@/lib/delete-all';
import { sendMessage } from '@/lib/messaging';
import type { Deletion, ViewMode } from '@/lib/protocol';
import { withoutEntry } from '@/core/site';
import {
  addedSites,
  neverSites,
  colourMeanings,
  DEFAULT_VIEW_MODE,
  popoverSettings,
  resetViewMode,
  setViewMode,
  termUnderline,
  viewModes,
  type PopoverSettings,
  type TermUnderline,
} from '@/lib/settings';
import { listShortcuts, openShortcutSettings, type Shortcut } from '@/lib/shortcuts';
import { exportToFile, importFromFile } from '@/lib/transfers';
import { WordsData } from './WordsData';

const SECTIONS = [
  { id: 'reading', title: 'Reading', icon: BookIcon },
  { id: 'glossary', title: 'Glossary and dictionary', icon: LanguagesIcon },
  { id: 'highlights', title: 'Highlights', icon: HighlighterIcon },
  { id: 'shortcuts', title: 'Shortcuts', icon: KeyboardIcon },
  { id: 'articles', title: 'Your articles', icon: BookIcon },
  { id: 'data', title: 'Data', icon: DatabaseIcon },
  { id: 'about', title: 'About', icon: InfoIcon },
] as const satisfies readonly SectionInfo[];
type SectionId = (typeof SECTIONS)[number]['id'];

const messageOf = (e: unknown) => (e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e));

/** A section of this page, by its id in SECTIONS. */
function Section({ id, intro, children }: { id: SectionId; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <SettingsSection section={SECTIONS.find((s) => s.id === id)!} intro={intro}>
      {children}
    </SettingsSection>
  );
}

const Group = SettingsGroup;

function useSetting<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

/** The highlights' count and the deletes that can be undone, kept fresh for the Data section. */
function useHighlightData() {
  const [total, setTotal] = useState<number | null>(null);
  const [deletions, setDeletions] = useState<Deletion[]>([]);
  const refresh = useCallback(async () => {
    const [page, undoable] = await Promise.all([
      sendMessage('listHighlights', { query: {}, cursor: null, limit: 1 }),
      sendMessage('listDeletions', {}),
    ]);
    setTotal(page.total);
    setDeletions(undoable);
  }, []);
  useEffect(() => {
    void refresh().catch(() => undefined);
    // Highlights change in other tabs and in the popup while this page stays open.
    const onFocus = () => void refresh().catch(() => undefined);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);
  return { total, deletions, refresh };
}

export function App() {
  const popover = useSetting<PopoverSettings>(popoverSettings);
  const meanings = useSetting<Record<Colour, string>>(colourMeanings);
  const underline = useSetting<TermUnderline>(termUnderline);
  const modes = useSetting<Record<string, ViewMode>>(viewModes);
  const added = useSetting<string[]>(addedSites);
  const never = useSetting<string[]>(neverSites);
  const [sitesError, setSitesError] = useState('');
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const { total, deletions, refresh } = useHighlightData();
  const [dataStatus, setDataStatus] = useState('');
  const [dataError, setDataError] = useState('');

  useEffect(() => {
    void listShortcuts().then(setShortcuts, () => setShortcuts([]));
  }, []);

  const act = async (work: () => Promise<string | void>) => {
    setDataStatus('');
    setDataError('');
    try {
      const done = await work();
      if (done) setDataStatus(done);
    } catch (e) {
      setDataError(messageOf(e));
    }
    await refresh().catch(() => undefined);
  };

  return (
    <div class="layout">
      <header class="top">
        <Brand as="h1" page="Settings" />
      </header>
      <SectionNav sections={SECTIONS} />
      <main>
        <Section id="reading" intro="How Song ngữ shows a page it recognises, chosen per site.">
          {/* A group of its own, so the sites below are set apart from it as groups are. */}
          <Group title="Mode by site">
            {modes && (
              <SiteModes
                // The reader page keeps its layout as its own host's mode: a setting of the reader, not a site.
                modes={Object.fromEntries(Object.entries(modes).filter(([site]) => site !== location.hostname))}
                defaultMode={DEFAULT_VIEW_MODE}
                onChange={(site, mode) => void setViewMode(site, mode)}
                onReset={(site) => void resetViewMode(site)}
              />
            )}
          </Group>
          <Group title="Sites">
            {added && never && (
              <ChosenSites
                added={added}
                never={never}
                onRemove={(origin) =>
                  void sendMessage('removeSite', { origin }).then(
                    () => setSitesError(''),
                    (e: unknown) => setSitesError(messageOf(e)),
                  )
                }
                onReadAgain={(site) => void neverSites.setValue(withoutEntry(never, site))}
              />
            )}
            {sitesError && (
              <p class="error" role="alert">
                {sitesError}
              </p>
            )}
          </Group>
          <Group title="Library">
            <p>
              The bundled articles and your own, to read here with their English, offline.{' '}
              <a href="/library.html" data-testid="open-library">
                Open the library
              </a>
            </p>
          </Group>
        </Section>

        <Section id="glossary" intro="Glossary terms on news pages, and the popover that explains them.">
          <Group title="Popovers">
            {popover && <PopoverSettingsForm value={popover} onSave={(v) => popoverSettings.setValue(v)} />}
          </Group>
          <Group>
            {underline && <TermUnderlineForm value={underline} onSave={(v) => termUnderline.setValue(v)} />}
          </Group>
          <p class="footnote">{DICTIONARY_CREDIT.short}.</p>
        </Section>

        <Section
          id="highlights"
          intro="What each highlight colour means to you: the toolbar, the popup and Markdown exports use these names."
        >
          {meanings && <ColourMeaningsForm value={meanings} onSave={(v) => colourMeanings.setValue(v)} />}
        </Section>

        <Section
          id="shortcuts"
          intro="Keyboard shortcuts work on the news pages Song ngữ reads. Your browser keeps them: change them on its shortcuts page."
        >
          <ShortcutList shortcuts={shortcuts} onChangeShortcuts={() => void openShortcutSettings()} />
        </Section>

        <Section
          id="articles"
          intro="Articles you add yourself, with their English: Song ngữ recognises them on the news sites it reads, as it does the articles it comes with. Import files in the corpus format (YAML or JSON; see the README), or use “Add an English version” in the popup on an article's page."
        >
          <YourArticles />
        </Section>

        <Section
          id="data"
          intro={
            <>
              Your highlights are kept in this browser only.{' '}
              {total !== null && (
                <strong data-testid="highlight-total">{countOf(total, NOUNS.highlight)} saved.</strong>
              )}
            </>
          }
        >
          <Group title="Export and import">
            <ExportImport
              filtered={false}
              onExport={(format) =>
                act(async () => `Exported ${countOf(await exportToFile({}, format), NOUNS.highlight)}.`)
              }
              onImport={async (file) => {
                const result = await importFromFile(file);
                await refresh().catch(() => undefined);
                return result;
              }}
            />
          </Group>
          <Group title="Delete">
            <p class="group-intro">
              Removes every saved highlight from this browser. Export them first to keep a copy.
            </p>
            <DeleteAll
              count={total}
              onDelete={() =>
                act(async () => {
                  const done = await deleteAllHighlights();
                  const n = done.reduce((sum, d) => sum + d.count, 0);
                  return `Deleted ${countOf(n, NOUNS.highlight)}.`;
                })
              }
            />
            <p role="status" class="status" data-testid="data-status">
              {dataStatus}
            </p>
            {dataError && (
              <p role="alert" class="error">
                {dataError}
              </p>
            )}
            <UndoToasts
              deletions={deletions}
              onUndo={(undoId) =>
                void act(async () => {
                  const { restored } = await sendMessage('undoDeletion', { undoId });
                  return `Restored ${countOf(restored, NOUNS.highlight)}.`;
                })
              }
            />
          </Group>
          <WordsData />
        </Section>

        <Section id="about">
          <About />
        </Section>
      </main>
    </div>
  );
}

function About() {
  const manifest = browser.runtime.getManifest();
  return (
    <div class="about">
      <p>
        <strong>{manifest.name}</strong>{' '}
        <span class="chip" data-testid="version">
          Version {manifest.version}
        </span>
      </p>
      <p>
        Shows our English under recognised paragraphs of Vietnamese news, explains glossary terms, and keeps your
        highlights. It works offline: no account, and no page text leaves your browser.
      </p>
      <p>
        <a href="/welcome.html" target="_blank" rel="noopener">
          Show the welcome page again
        </a>
      </p>
      <h3>Data and licences</h3>
      <DataCredits />
    </div>
  );
}
