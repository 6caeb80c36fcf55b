/**
 * The few range helpers the reconcile step needs beyond the engine's own (cells/range.ts: one
 * CellRange, one cellKey and rangeKey for the whole code base).
 */
import { type CellRange, rangesIntersect } from "../../cells/range";

export { type CellRange, cellKey, rangeKey } from "../../cells/range";

export const intersects = rangesIntersect;

export const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A copy of just the rectangle (a flag or a record entry carries more). */
export const boundsOf = (b: CellRange): CellRange => ({ top: b.top, left: b.left, bottom: b.bottom, right: b.right });

export const cellBounds = (row: number, col: number): CellRange => ({ top: row, left: col, bottom: row, right: col });

/** Each cell of a range, row-major, with its index. */
export function eachCell(b: CellRange, visit: (row: number, col: number, i: number) => void): void {
  let i = 0;
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) visit(r, c, i++);
}
