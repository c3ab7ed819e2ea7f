import { afterEach, describe, expect, test } from 'vitest';
import { classifyMutation } from './page-watch';

afterEach(() => {
  document.body.innerHTML = '';
});

const el = (html: string): Element => {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content.firstElementChild!;
};

/** One mutation, as ids: what is read again, whose block is checked, and whether it is worth a pass. */
function classify(target: Element, added: Node[], removed: Node[] = []) {
  const changes = { roots: new Set<Element>(), containers: new Set<Element>() };
  const relevant = classifyMutation(target, added, removed, changes);
  const name = (e: Element) => e.id || e.tagName.toLowerCase();
  return { relevant, roots: [...changes.roots].map(name), containers: [...changes.containers].map(name) };
}

describe('which page changes are read again', () => {
  test.each([
    {
      what: 'a block added to the body is read on its own, not the whole body',
      added: () => [el('<div id="ad">Quảng cáo mới</div>')],
      want: { relevant: true, roots: ['ad'], containers: ['body'] },
    },
    {
      what: 'a script, a style, an iframe or a nav added: nothing to read',
      added: () => [
        el('<script>var x = "chữ";</script>'),
        el('<style>p{}</style>'),
        el('<iframe></iframe>'),
        el('<nav>Thời sự</nav>'),
      ],
      want: { relevant: false, roots: [], containers: [] },
    },
    {
      what: 'an empty inline element (an image, an ad slot) adds no text',
      added: () => [el('<img src="x.png">'), el('<ins class="adsbygoogle"></ins>')],
      want: { relevant: false, roots: [], containers: [] },
    },
    {
      what: 'an inline element with text: its block is read again',
      added: () => [el('<span id="s">thêm chữ</span>')],
      want: { relevant: true, roots: ['s'], containers: [] },
    },
    {
      what: 'a <br> splits its block’s text',
      added: () => [el('<br id="br">')],
      want: { relevant: true, roots: ['br'], containers: [] },
    },
    {
      what: 'text added: its parent is read again; whitespace alone is not a change',
      added: () => [document.createTextNode('Hà Nội'), document.createTextNode('\n  ')],
      want: { relevant: true, roots: ['body'], containers: [] },
    },
  ])('$what', ({ added, want }) => {
    expect(classify(document.body, added())).toEqual(want);
  });

  test.each([
    {
      what: 'a removed block: only its container is checked',
      removed: () => [el('<p>Đoạn cũ</p>')],
      want: { relevant: true, roots: [], containers: ['body'] },
    },
    {
      what: 'a removed script or empty element changes nothing',
      removed: () => [el('<script>1</script>'), el('<img>')],
      want: { relevant: false, roots: [], containers: [] },
    },
    {
      what: 'a removed header may have been an article’s',
      removed: () => [el('<header><h1>Tiêu đề</h1></header>')],
      want: { relevant: true, roots: [], containers: ['body'] },
    },
    {
      what: 'removed text changes its container’s block',
      removed: () => [document.createTextNode('chữ')],
      want: { relevant: true, roots: [], containers: ['body'] },
    },
  ])('$what', ({ removed, want }) => {
    expect(classify(document.body, [], removed())).toEqual(want);
  });
});
