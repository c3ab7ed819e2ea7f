import { render } from 'preact';
import { sendMessage } from '@/lib/messaging';
import { App } from './App';
import { BATCH, ReviewSession } from './session';
import './style.css';

// The first cards are asked for before anything renders: they are what the reader is waiting for.
const session = new ReviewSession(sendMessage);
void session.start(sendMessage('listDueCards', { limit: BATCH, exclude: [] }));

render(<App session={session} />, document.getElementById('app')!);
