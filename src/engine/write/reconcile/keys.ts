/**
 * Keys for cells and ranges of the write state: sheet names compared ignoring case, as Excel
 * compares them.
 */

/** A rectangle of cells, zero-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const cellKey = (sheet: string, row: number, col: number): string => `${sheet.toLowerCase()}\u0000${row}:${col}`;

export const rangeKey = (sheet: string, b: CellRange): string => `${sheet.toLowerCase()}\u0000${b.top}:${b.left}:${b.bottom}:${b.right}`;

/** The lower-case sheet name and position of a cellKey. */
export function splitCellKey(k: string): { sheet: string; row: number; col: number } {
  const [sheet, pos] = k.split("\u0000") as [string, string];
  const [row, col] = pos.split(":").map(Number) as [number, number];
  return { sheet, row, col };
}

export const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export const boundsOf = (b: CellRange): CellRange => ({ top: b.top, left: b.left, bottom: b.bottom, right: b.right });

export const cellBounds = (row: number, col: number): CellRange => ({ top: row, left: col, bottom: row, right: col });

export const cellCount = (b: CellRange): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);

export const intersects = (a: CellRange, b: CellRange): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Each cell of a range, row-major, with its index. */
export function eachCell(b: CellRange, visit: (row: number, col: number, i: number) => void): void {
  let i = 0;
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) visit(r, c, i++);
}
