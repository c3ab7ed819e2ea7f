import { render } from 'preact';
import { sendMessage, unwrap, type Protocol } from '@/lib/messaging';
import { FIRST_CARDS_MESSAGE, takeFirstCards } from '@/lib/review-start';
import { App } from './App';
import { ReviewSession } from './session';
import './style.css';

// The first cards are what the reader is waiting for: asked for in the head (review-prefetch.js),
// or here if that script's request failed.
const ask = () => sendMessage('listDueCards', { limit: FIRST_CARDS_MESSAGE.params.limit, exclude: [] });
const early = takeFirstCards();
const session = new ReviewSession(sendMessage);
void session.start(
  early
    ? early.then((reply) =>
        reply === null ? ask() : unwrap<Protocol['listDueCards']['return']>(reply, 'listDueCards'),
      )
    : ask(),
);

render(<App session={session} />, document.getElementById('app')!);
