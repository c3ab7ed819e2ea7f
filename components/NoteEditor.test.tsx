// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_COLOUR_MEANINGS } from '@/core/highlight-record';
import { keepTyped, NoteEditor, type NoteEditorData } from './NoteEditor';

afterEach(() => {
  document.body.replaceChildren();
});

const field = (label: string) =>
  [...document.querySelectorAll('label')].find((l) => l.querySelector('span')?.textContent === label)!
    .lastElementChild as HTMLTextAreaElement | HTMLInputElement;

function type(el: HTMLTextAreaElement | HTMLInputElement, text: string) {
  el.value += text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The editor with a load the test settles; what is saved is recorded. */
function editor() {
  let settle: ((d: NoteEditorData) => void) | null = null;
  const saved: { note: string; tags: string[] }[] = [];
  const host = document.createElement('div');
  document.body.append(host);
  render(
    <NoteEditor
      load={() => new Promise((r) => (settle = r))}
      onSave={(f) => {
        saved.push({ note: f.note, tags: f.tags });
        return Promise.resolve();
      }}
      onCancel={() => Promise.resolve()}
    />,
    host,
  );
  const save = () => host.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  // Settled once the editor has asked (its effect runs after the first render).
  const settleLoad = async (d: NoteEditorData) => {
    await vi.waitFor(() => expect(settle).not.toBeNull());
    settle!(d);
  };
  return { settle: settleLoad, saved, save };
}

const DATA: NoteEditorData = {
  quote: 'Bình Nhưỡng hiện chưa bình luận',
  color: 'yellow',
  meanings: DEFAULT_COLOUR_MEANINGS,
};

describe('what the reader types before the highlight has loaded is kept', () => {
  test('a new highlight: the note and tags typed meanwhile stay, and are saved', async () => {
    const e = editor();
    type(field('Note'), 'Standard no-comment line');
    type(field('Tags (comma-separated)'), 'diplomacy');
    expect(e.save().disabled).toBe(true);
    await e.settle(DATA);
    await vi.waitFor(() => expect(e.save().disabled).toBe(false));
    expect(field('Note').value).toBe('Standard no-comment line');
    expect(field('Tags (comma-separated)').value).toBe('diplomacy');
    e.save().click();
    await vi.waitFor(() => expect(e.saved).toEqual([{ note: 'Standard no-comment line', tags: ['diplomacy'] }]));
  });

  test('a highlight with a note and tags already: what was typed follows them', async () => {
    const e = editor();
    type(field('Note'), 'and more');
    await e.settle({ ...DATA, note: 'First thought', tags: ['quotes'] });
    await vi.waitFor(() => expect(e.save().disabled).toBe(false));
    expect(field('Note').value).toBe('First thought\nand more');
    expect(field('Tags (comma-separated)').value).toBe('quotes');
  });

  test('the host rendering again with a new load changes nothing typed; focus stays in the tags field', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    let loads = 0;
    const view = () =>
      render(
        <NoteEditor
          load={() => {
            loads++;
            return Promise.resolve({ ...DATA, note: 'First thought' });
          }}
          onSave={() => Promise.resolve()}
          onCancel={() => Promise.resolve()}
        />,
        host,
      );
    view();
    field('Tags (comma-separated)').focus();
    await vi.waitFor(() => expect(field('Note').value).toBe('First thought'));
    expect(document.activeElement).toBe(field('Tags (comma-separated)'));
    type(field('Note'), ' and an edit');
    view();
    await new Promise((r) => setTimeout(r, 20));
    expect(loads).toBe(1);
    expect(field('Note').value).toBe('First thought and an edit');
  });

  test('nothing typed: the fields show what the highlight has', async () => {
    const e = editor();
    await e.settle({ ...DATA, note: 'First thought', tags: ['quotes', 'diplomacy'] });
    await vi.waitFor(() => expect(e.save().disabled).toBe(false));
    expect(field('Note').value).toBe('First thought');
    expect(field('Tags (comma-separated)').value).toBe('quotes, diplomacy');
  });
});

test.each([
  ['', '', ''],
  ['stored', '', 'stored'],
  ['', 'typed', 'typed'],
  ['stored', 'typed', 'stored|typed'],
])('keepTyped(%j, %j) is %j', (loaded, typed, expected) => {
  expect(keepTyped(loaded, typed, '|')).toBe(expected);
});
