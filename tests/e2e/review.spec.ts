/**
 * The review loop in real Chromium: words saved, reviewed with the keyboard on review.html, the
 * due count on the page and in the popup, undo, and the backup carried into a fresh profile.
 *
 * The words are saved through the `saveWord` message from an extension page, the one the
 * dictionary popover's "Save word" button sends (lookup.spec.ts drives the button itself).
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import type { WordDraft } from '../../core/saved-word';
import { expect, root, tabIdOf, test } from './fixtures';
import { paintedTexts } from './helpers';

const TROOPS = 'https://vnexpress.net/trieu-tien-co-the-gui-100-000-quan-toi-nga-4817383.html';

function draft(headword: string, sentence: string, gloss: string, english: string): WordDraft {
  const start = sentence.indexOf(headword);
  return {
    headword,
    sense: { pos: 'noun', gloss, source: 'dictionary', entryKey: `dictionary:${headword}` },
    han: null,
    context: {
      sentence,
      start,
      end: start + headword.length,
      url: TROOPS,
      title: 'Triều Tiên có thể gửi 100.000 quân tới Nga',
      english: { text: english, kind: 'sentence' },
    },
  };
}

const WORDS = [
  draft(
    'binh sĩ',
    'Một người trong ngành quốc phòng Nga cho biết con số 100.000 binh sĩ là dấu hiệu.',
    'soldiers, troops',
    'A person in the Russian defence industry said the figure of 100,000 troops was a sign.',
  ),
  draft(
    'quốc phòng',
    'Một người trong ngành quốc phòng Nga cho biết con số 100.000 binh sĩ là dấu hiệu.',
    'national defence',
    'A person in the Russian defence industry said the figure of 100,000 troops was a sign.',
  ),
];

/** Sends one protocol message from an extension page, as the popover's button does. */
function send(page: Page, type: string, params: unknown) {
  return page.evaluate(([type, params]) => chrome.runtime.sendMessage({ type, params }), [type, params] as const);
}

const due = (page: Page) => root(page).getAttribute('data-review-due');
const card = (page: Page) => page.locator('[data-review-card]');

test('save two words, review them with the keyboard, undo, and carry the backup into a fresh profile', async ({
  server,
}) => {
  // A profile of its own: the worker's shared browser may hold words other tests saved, and this
  // test starts from "No cards yet".
  const ext = await launchWithExtension({ port: server.port });
  try {
    await reviewAndBackUp(ext, server.port);
  } finally {
    await ext.close();
  }
});

async function reviewAndBackUp(ext: ExtensionBrowser, port: number) {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('review.html'));
  await expect(root(page)).toHaveAttribute('data-review-due', '0');
  await expect(page.getByTestId('review-done')).toContainText('No cards yet');
  for (const w of WORDS) {
    expect(await send(page, 'saveWord', { word: w })).toMatchObject({ ok: true, value: { created: true } });
  }

  // The popup says how many are due and opens the review page.
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  await expect(popup.getByTestId('popup-due')).toContainText('2 cards due');
  await expect(popup.getByRole('link', { name: /review/i })).toHaveAttribute('href', /review\.html$/);
  await popup.close();

  await page.reload();
  await expect(root(page)).toHaveAttribute('data-review-due', '2');
  const first = await card(page).getAttribute('data-review-card');
  expect(WORDS.map((w) => w.headword)).toContain(first);
  await expect(card(page).locator('mark')).toHaveText(first!);
  await expect(page.getByTestId('review-answer')).toHaveCount(0);

  // Space shows the back: the sense and the sentence's English.
  await page.keyboard.press('Space');
  const answer = page.getByTestId('review-answer');
  await expect(answer).toContainText(WORDS.find((w) => w.headword === first)!.sense.gloss);
  await expect(answer).toContainText('100,000 troops');

  // 4 (Easy): a new card rated Easy leaves today's queue; the next card is on screen.
  await page.keyboard.press('4');
  await expect(root(page)).toHaveAttribute('data-review-due', '1');
  const second = await card(page).getAttribute('data-review-card');
  expect(second).not.toBe(first);

  // Z undoes it: the first card is back, front up, and due again.
  await page.keyboard.press('z');
  await expect(root(page)).toHaveAttribute('data-review-due', '2');
  await expect(card(page)).toHaveAttribute('data-review-card', first!);
  await expect(page.getByTestId('review-answer')).toHaveCount(0);

  // Rated again with the buttons this time; then the second with the keyboard.
  await page.getByRole('button', { name: /show answer/i }).click();
  await page.getByRole('button', { name: 'Easy' }).click();
  await expect(root(page)).toHaveAttribute('data-review-due', '1');
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(root(page)).toHaveAttribute('data-review-due', '0');
  await expect(page.getByTestId('review-done')).toContainText('All caught up');

  // The count stays down after a reload: the ratings are in the database.
  await page.reload();
  await expect(root(page)).toHaveAttribute('data-review-due', '0');
  expect(await due(page)).toBe('0');
  expect(await send(page, 'readProgress', { offsetMinutes: 0 })).toMatchObject({
    ok: true,
    value: { words: { learning: 2 } },
  });

  // The backup round-trips into a fresh profile.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export a backup' }).click(),
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'song-ngu-backup-')), download.suggestedFilename());
  await download.saveAs(file);

  const fresh = await launchWithExtension({ port });
  try {
    const other = await fresh.context.newPage();
    await other.goto(fresh.extensionUrl('review.html'));
    await expect(other.getByTestId('review-done')).toContainText('No cards yet');
    await other.locator('input[type=file]').first().setInputFiles(file);
    await expect(other.getByTestId('backup-result')).toContainText('Imported');
    const progress = (await send(other, 'readProgress', { offsetMinutes: 0 })) as {
      value: { words: Record<string, number>; reviewsPerDay: number[] };
    };
    expect(progress.value.words.learning).toBe(2);
    expect(progress.value.reviewsPerDay.at(-1)).toBe(2);
    await other.reload();
    await expect(root(other)).toHaveAttribute('data-review-due', '0');

    // A bad file is refused, with the reason, and nothing changes.
    await other
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: 'bad.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"song-ngu-backup","version":99}'),
      });
    await expect(other.getByRole('alert')).toBeVisible();
  } finally {
    await fresh.close();
  }
}

const PEACE_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hòa bình và quân sự</title></head>
<body><article><h1>Hòa bình và quân sự ở bán đảo Triều Tiên</h1>
<p>Các nhà ngoại giao nói rằng hòa bình trên bán đảo vẫn còn xa, khi các cuộc tập trận quân sự tiếp tục diễn ra hằng tháng.</p>
<p>Hòa bình chỉ có thể đến khi hai bên ngồi lại với nhau, một quan chức giấu tên cho biết trong cuộc họp báo chiều qua.</p>
</article></body></html>`;

test('words coloured on the page by status only when the setting is on; the popup counts the page’s words', async ({
  page,
  ext,
  server,
}) => {
  const url = server.setPage('vnexpress.net', '/the-gioi/hoa-binh-quan-su-4800001.html', PEACE_PAGE);
  const tools = await ext.context.newPage();
  await tools.goto(ext.extensionUrl('review.html'));
  const peace = draft(
    'hòa bình',
    'Các nhà ngoại giao nói rằng hòa bình trên bán đảo vẫn còn xa.',
    'peace',
    'Diplomats say peace on the peninsula is still far off.',
  );
  expect(await send(tools, 'saveWord', { word: { ...peace, context: { ...peace.context, url } } })).toMatchObject({
    ok: true,
  });
  expect(await send(tools, 'markKnown', { headword: 'quân sự', known: true })).toMatchObject({
    ok: true,
    value: { status: 'known' },
  });

  // Off (the default): nothing painted.
  await page.goto(url);
  await expect(root(page)).toHaveAttribute('data-vr-state', 'ready');
  expect(await paintedTexts(page, 'vr-word-new')).toEqual([]);
  expect(await paintedTexts(page, 'vr-word-known')).toEqual([]);

  // The popup's This page: the page's distinct words and the share known.
  const tabId = await tabIdOf(ext, url);
  await tools.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
  await expect(tools.getByTestId('page-words')).toHaveText(/^\d+ distinct words · [1-9]\d?% known$/);

  // On: saved words in one colour, known words in another, at once on the open page.
  await tools.evaluate(() => chrome.storage.local.set({ colourWordsByStatus: true }));
  await expect.poll(() => paintedTexts(page, 'vr-word-new')).toEqual(['Hòa bình', 'hòa bình', 'Hòa bình']);
  await expect.poll(() => paintedTexts(page, 'vr-word-known')).toEqual(['quân sự', 'quân sự']);

  // Off again: taken off the page.
  await tools.evaluate(() => chrome.storage.local.set({ colourWordsByStatus: false }));
  await expect.poll(() => paintedTexts(page, 'vr-word-new')).toEqual([]);
  await tools.close();
});
