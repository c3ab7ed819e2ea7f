import { render } from 'preact';
import { HighlightCard } from '@/components/HighlightCard';
import '@/components/colours.css';
import '../note-editor/style.css';

// Framed on the page by the content script when the reader rests on or clicks a highlight.
const id = new URLSearchParams(location.search).get('id') ?? '';

render(<HighlightCard id={id} />, document.getElementById('app')!);
