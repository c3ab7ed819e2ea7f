import { useEffect, useState } from 'preact/hooks';

/** Anything with get/subscribe, like the content script's overlay store. */
export interface Readable<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/**
 * The store's current state, re-rendering on every change. Effects run after paint, so a change
 * made between the first render and the subscription is picked up when subscribing.
 */
export function useStore<T>(store: Readable<T>): T {
  const [state, setState] = useState(() => store.get());
  useEffect(() => {
    const update = () => setState(() => store.get());
    update();
    return store.subscribe(update);
  }, [store]);
  return state;
}
