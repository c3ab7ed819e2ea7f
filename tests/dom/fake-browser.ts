import { fakeBrowser } from '@webext-core/fake-browser';
export const browser = fakeBrowser;
export default fakeBrowser;
