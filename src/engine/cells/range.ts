/**
 * The one rectangle of the code base and the one string key for cells and rectangles.
 *
 * A `CellRange` is zero-based and inclusive (row 0 is Excel's row 1, column 0 is column A;
 * `bottom`/`right` are the last row and column inside). A `SheetRange` is the same rectangle on a
 * named sheet. Merged areas, card blocks, flags, findings' places and Office.js bounds all have
 * this shape; other names for it (`Merge`, `Region`) are aliases.
 *
 * Keys are for Maps and Sets. Sheet names are compared case-insensitively, as Excel does
 * ("Verifica" and "VERIFICA" are the same sheet).
 */

/** A rectangle of cells, zero-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A rectangle of cells on a named sheet, zero-based and inclusive. */
export interface SheetRange extends CellRange {
  sheet: string;
}

/** Separates the sheet from the position in a key: a character no sheet name can hold. */
const SEP = "\u0000";

/** A sheet name as keys compare it: Excel ignores case. */
export function sheetKey(sheet: string): string {
  return sheet.toLowerCase();
}

/** The key of one cell: equal for the same cell whatever the case of the sheet name. */
export function cellKey(sheet: string, row: number, col: number): string {
  return `${sheetKey(sheet)}${SEP}${row}:${col}`;
}

/** The key of a rectangle on a sheet (a one-cell rectangle's key is not its cell's key). */
export function rangeKey(sheet: string, range: CellRange): string {
  return `${sheetKey(sheet)}${SEP}${range.top}:${range.left}:${range.bottom}:${range.right}`;
}

/** Whether two rectangles share at least one cell. */
export function rangesIntersect(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Whether `inner` lies entirely inside `outer`. */
export function rangeContains(outer: CellRange, inner: CellRange): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** Number of cells of a rectangle. */
export function rangeCellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}
