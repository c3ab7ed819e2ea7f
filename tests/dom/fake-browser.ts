/**
 * `wxt/browser` for the DOM tests in real Chromium: the same in-memory fake the unit tests get
 * through WXT's Vitest plugin, without that plugin's Node-only setup.
 */
import { fakeBrowser } from '@webext-core/fake-browser';

export const browser = fakeBrowser;
export default fakeBrowser;
