import type { ComponentChildren, FunctionComponent, JSX } from 'preact';
import type { IconProps } from './icons';

/** One section of the options page: its anchor, its title in the table of contents, its icon. */
export interface SectionInfo {
  readonly id: string;
  readonly title: string;
  readonly icon: FunctionComponent<IconProps>;
}

/**
 * A section of the options page, titled and linked from the table of contents by its id. A new
 * section is a `SectionInfo` in the page's list and one `<SettingsSection>`.
 */
export function SettingsSection({
  section: { id, title, icon: Icon },
  intro,
  children,
}: {
  section: SectionInfo;
  intro?: ComponentChildren;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <section id={id} class="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Icon size={18} /> {title}
      </h2>
      {intro && <p class="section-intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A group of settings inside a section, with an optional heading. */
export function SettingsGroup({ title, children }: { title?: string; children: ComponentChildren }): JSX.Element {
  return (
    <div class="group">
      {title && <h3>{title}</h3>}
      {children}
    </div>
  );
}

/** The options page's table of contents: a link to each section. */
export function SectionNav({ sections }: { sections: readonly SectionInfo[] }): JSX.Element {
  return (
    <nav class="toc" aria-label="Sections">
      <ul>
        {sections.map(({ id, title, icon: Icon }) => (
          <li key={id}>
            <a href={`#${id}`}>
              <Icon size={16} />
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
