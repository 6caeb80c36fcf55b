/**
 * Where a sheet's data is, when its used range is far larger than the data (one stray value in
 * XFD1048576 stretches it to 17 billion cells). Pure, shared by both hosts: the .xlsx host passes
 * the islands of its cells (`dataIslands`), the Office.js host the areas Excel gives for the
 * cells holding constants and formulas (`getSpecialCellsOrNullObject`); `strayAreas` then picks
 * the few areas to leave out for the rest to fit in one snapshot.
 */
import type { Merge } from "./snapshot";

/** A rectangle, zero-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const boxCells = (b: Box): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);

/**
 * The areas to drop, farthest first, for the bounding box of the others to fit in `maxCells`:
 * repeatedly the area on the bottom or right edge of the box whose removal frees the most empty cells per value
 * cell left out (an island's `cells`, else the area's size: an area of constants is full). Empty when
 * the box already fits, and also when no handful (`maxStray`) of areas explains the size (the
 * data itself is that large). Each step looks only at the areas on those edges, kept in sorted
 * orders, so thousands of areas cost little.
 */
export function strayAreas<T extends Box>(areas: readonly T[], maxCells: number, maxStray = 20): T[] {
  const n = areas.length;
  if (n === 0) return [];
  const removed = new Uint8Array(n);
  const idx = (): number[] => Array.from({ length: n }, (_, i) => i);
  const at = (i: number): T => areas[i] as T;
  // Per edge: the areas from the most extreme inwards (top and left ascending, bottom and right descending).
  const orders = [
    idx().sort((a, b) => at(a).top - at(b).top),
    idx().sort((a, b) => at(a).left - at(b).left),
    idx().sort((a, b) => at(b).bottom - at(a).bottom),
    idx().sort((a, b) => at(b).right - at(a).right),
  ];
  const heads = [0, 0, 0, 0];
  const first = (k: number, skip: number): number => {
    const order = orders[k] as number[];
    let p = heads[k] as number;
    while (p < n && removed[order[p] as number]) p++;
    heads[k] = p;
    while (p < n && (removed[order[p] as number] || order[p] === skip)) p++;
    return p < n ? (order[p] as number) : -1;
  };
  const boxWithout = (skip: number): Box | null => {
    const t = first(0, skip);
    if (t < 0) return null;
    return { top: at(t).top, left: at(first(1, skip)).left, bottom: at(first(2, skip)).bottom, right: at(first(3, skip)).right };
  };
  // Value cells of an area: an island says how many; an area of constants is full.
  const weight = (a: T): number => Math.max(1, typeof (a as Partial<Island>).cells === "number" ? ((a as Partial<Island>).cells as number) : boxCells(a));
  const edgeValue = (k: number, a: T): number => (k === 0 ? a.top : k === 1 ? a.left : k === 2 ? a.bottom : a.right);
  const stray: T[] = [];
  let left = n;
  for (let b = boxWithout(-1); b && boxCells(b) > maxCells; b = boxWithout(-1)) {
    if (stray.length >= maxStray || left <= 1) return [];
    let best = -1;
    let bestGain = -1;
    // Stray cells stretch the data's box down and right (cards start near A1): only the areas on
    // the bottom and right edges are candidates, usually a handful.
    for (let k = 2; k < 4; k++) {
      const order = orders[k] as number[];
      const head = first(k, -1);
      const extreme = edgeValue(k, at(head));
      // The areas on this edge (ties included, a few dozen at most are looked at).
      for (let p = heads[k] as number, seen = 0; p < n && seen < 64; p++) {
        const i = order[p] as number;
        if (removed[i]) continue;
        if (edgeValue(k, at(i)) !== extreme) break;
        seen++;
        const without = boxWithout(i);
        // Empty cells saved per value cell left out: a stray value frees billions for one cell;
        // the data frees as many for hundreds of cells, so it stays.
        const gain = (boxCells(b) - (without ? boxCells(without) : 0)) / weight(at(i));
        if (gain > bestGain) {
          bestGain = gain;
          best = i;
        }
      }
    }
    removed[best] = 1;
    left--;
    stray.push(at(best));
  }
  return stray;
}

/** A data island: the bounding box of a cluster of cells, and how many cells it holds. */
export interface Island extends Box {
  cells: number;
}

/**
 * Clusters of cells separated by at least `rowGap` empty rows (bands of rows) and, inside a band,
 * by at least `colGap` empty columns. `rows[i]`, `cols[i]` is cell i (zero-based). Returns the
 * islands and, per cell, the index of its island.
 */
export function dataIslands(rows: ArrayLike<number>, cols: ArrayLike<number>, rowGap = 100, colGap = 26): { islands: Island[]; islandOf: Int32Array } {
  const n = rows.length;
  const islandOf = new Int32Array(n);
  if (n === 0) return { islands: [], islandOf };
  // Bands of rows: distinct rows in order, cut where the gap is wide.
  const distinct = [...new Set(Array.from(rows))].sort((a, b) => a - b);
  const bandStarts: number[] = [distinct[0] as number];
  for (let i = 1; i < distinct.length; i++) if ((distinct[i] as number) - (distinct[i - 1] as number) > rowGap) bandStarts.push(distinct[i] as number);
  const bandOf = (row: number): number => {
    let lo = 0;
    let hi = bandStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bandStarts[mid] as number) <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const cellBand = new Int32Array(n);
  const bandCols: Set<number>[] = bandStarts.map(() => new Set());
  for (let i = 0; i < n; i++) {
    const b = bandOf(rows[i] as number);
    cellBand[i] = b;
    (bandCols[b] as Set<number>).add(cols[i] as number);
  }
  // Inside each band, runs of columns cut where the gap is wide: one island per run.
  const islands: Island[] = [];
  const runStarts: number[][] = [];
  const runBase: number[] = [];
  for (const set of bandCols) {
    const sorted = [...set].sort((a, b) => a - b);
    const starts: number[] = [sorted[0] as number];
    for (let i = 1; i < sorted.length; i++) if ((sorted[i] as number) - (sorted[i - 1] as number) > colGap) starts.push(sorted[i] as number);
    runBase.push(islands.length);
    runStarts.push(starts);
    for (let k = 0; k < starts.length; k++) islands.push({ top: Infinity, left: Infinity, bottom: -1, right: -1, cells: 0 });
  }
  for (let i = 0; i < n; i++) {
    const b = cellBand[i] as number;
    const starts = runStarts[b] as number[];
    const c = cols[i] as number;
    let k = starts.length - 1;
    while (k > 0 && (starts[k] as number) > c) k--;
    const id = (runBase[b] as number) + k;
    islandOf[i] = id;
    const island = islands[id] as Island;
    const r = rows[i] as number;
    if (r < island.top) island.top = r;
    if (r > island.bottom) island.bottom = r;
    if (c < island.left) island.left = c;
    if (c > island.right) island.right = c;
    island.cells++;
  }
  return { islands, islandOf };
}

/**
 * The merges as a snapshot over `box` keeps them: every merge that fits in MAX_MERGE_CELLS as
 * it is (a merge reaching past the values over empty cells is the user's, and the write plan
 * must know it), a larger one clipped to the box (or dropped when outside it) — P300:XFD1048576
 * holds one value in its top-left cell and nothing else.
 */
export function clipMerges(merges: readonly Merge[], box: Box | null, maxCells = MAX_MERGE_CELLS): Merge[] {
  const out: Merge[] = [];
  for (const m of merges) {
    if (boxCells(m) <= maxCells) {
      out.push(m);
      continue;
    }
    if (!box) continue;
    const clipped = { top: Math.max(m.top, box.top), left: Math.max(m.left, box.left), bottom: Math.min(m.bottom, box.bottom), right: Math.min(m.right, box.right) };
    if (clipped.top <= clipped.bottom && clipped.left <= clipped.right && boxCells(clipped) > 1) out.push(clipped);
  }
  return out;
}

/** A merge larger than this is clipped to what a snapshot reads (see clipMerges). */
export const MAX_MERGE_CELLS = 100_000;
