import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '@/lib/messaging';
import { NEWS_SITE_MATCHES } from '@/lib/sites';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main() {
    const root = document.documentElement;
    root.dataset.vrState = 'scanning';
    root.dataset.vrMatched = '0';
    root.dataset.vrTerms = '0';
    root.dataset.vrHighlights = '0';
    root.dataset.vrOrphans = '0';
    root.dataset.vrState = 'ready';
    await sendMessage('reportPageState', {
      url: location.href,
      title: document.title,
      state: 'ready',
      matched: 0,
      terms: 0,
      highlights: 0,
      orphans: 0,
    });
  },
});
