import { useCallback, useRef } from "react";

/**
 * A function of stable identity that always calls the latest `fn` (undefined while `fn` is).
 * The pane passes render props made afresh on every render; through this, a memoised list
 * (FindingList, ReadingReport) is not redrawn when only the pane's busy state changed — on a
 * 1,000-card plan that redraw was a long task at the start and the end of every operation.
 */
export function useLatestCallback<A extends unknown[], R>(fn: ((...args: A) => R) | undefined): ((...args: A) => R) | undefined {
  const latest = useRef(fn);
  latest.current = fn;
  const stable = useCallback((...args: A) => (latest.current as (...a: A) => R)(...args), []);
  return fn ? stable : undefined;
}
