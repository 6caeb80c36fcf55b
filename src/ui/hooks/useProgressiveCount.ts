import { startTransition, useEffect, useMemo, useState } from "react";

/**
 * How many of `total` items to draw now: `step` at first, then `step` more after each commit
 * until all are there. A list of hundreds of Fluent accordion items committed at once was a
 * long task on the page's thread (a 1,000-card plan has 200 structures); in steps, each commit
 * is short and the page stays responsive while the rest appears. `key` is the list: a new one
 * starts again from `step`.
 */
export function useProgressiveCount(total: number, key: unknown, step = 40): number {
  const [shown, setShown] = useState({ key, count: step });
  const count = Math.min(total, shown.key === key ? shown.count : step);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => startTransition(() => setShown({ key, count: count + step })), 0);
    return () => clearTimeout(timer);
  }, [key, count, total, step]);
  return count;
}

/**
 * `items` in chunks of `step`, one more chunk after each commit (see useProgressiveCount). The
 * chunks are stable slices: drawn by a memoised component each, a chunk already on the page is
 * not drawn again when the next one arrives.
 */
export function useProgressiveChunks<T>(items: readonly T[], step = 40): (readonly T[])[] {
  const chunks = useMemo(() => {
    const out: (readonly T[])[] = [];
    for (let i = 0; i < items.length; i += step) out.push(items.slice(i, i + step));
    return out;
  }, [items, step]);
  return chunks.slice(0, useProgressiveCount(chunks.length, chunks, 1));
}
