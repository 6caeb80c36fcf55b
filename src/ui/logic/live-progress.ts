/**
 * The progress of a long operation as one object for its whole length. The pane keeps it in its
 * state once, when the operation starts: later steps change what the object reads and tell the
 * progress bar, which alone re-renders. Putting each step into the pane's state re-rendered the
 * whole pane — on a 1,000-card plan a 150–400 ms task for every step, on the page's one thread,
 * while the work itself ran in a worker.
 */
import type { Progress } from "../../engine";

interface Store {
  current: Progress;
  listeners: Set<() => void>;
}

const stores = new WeakMap<Progress, Store>();

/** A Progress that always reads the latest step, and `set` to move it. */
export function createLiveProgress(initial: Progress): { progress: Progress; set(p: Progress): void } {
  const store: Store = { current: { ...initial }, listeners: new Set() };
  const progress: Progress = {
    get fraction() {
      return store.current.fraction;
    },
    get label() {
      return store.current.label;
    },
  };
  stores.set(progress, store);
  return {
    progress,
    set(p) {
      if (p.fraction === store.current.fraction && p.label === store.current.label) return;
      store.current = { fraction: p.fraction, label: p.label };
      for (const listener of store.listeners) listener();
    },
  };
}

/** Calls `listener` when a live progress moves; a plain Progress never does. */
export function subscribeProgress(progress: Progress, listener: () => void): () => void {
  const store = stores.get(progress);
  if (!store) return () => undefined;
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}

/** The step a progress is at now, as a value that changes only when the step does. */
export function progressNow(progress: Progress): Progress {
  return stores.get(progress)?.current ?? progress;
}
