import { render } from 'preact';
import { NoteEditor } from '@/components/NoteEditor';
import { sendMessage } from '@/lib/messaging';
import { colourMeanings } from '@/lib/settings';
import '@/components/colours.css';
import './style.css';

// Opened in a frame on the page by the selection toolbar's "Add note", with the staged highlight's token.
const token = new URLSearchParams(location.search).get('token') ?? '';

render(
  <NoteEditor
    load={async () => {
      const [staged, meanings] = await Promise.all([
        sendMessage('getStagedHighlight', { token }),
        colourMeanings.getValue(),
      ]);
      return { ...staged, meanings };
    }}
    onSave={(fields) => sendMessage('commitStagedHighlight', { token, ...fields }).then(() => undefined)}
    onCancel={() => sendMessage('discardStagedHighlight', { token }).then(() => undefined)}
  />,
  document.getElementById('app')!,
);
