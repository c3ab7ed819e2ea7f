/**
 * State of the floating UI (English peek, term popover, selection toolbar), kept outside Preact so
 * the content script's plain modules can drive it.
 */

export class Store<T extends object> {
  private listeners = new Set<() => void>();
  constructor(private state: T) {}

  get(): T {
    return this.state;
  }

  set(patch: Partial<T>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
