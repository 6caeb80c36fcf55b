/**
 * Cell coordinates. Inside the engine a cell is a zero-based `{ row, col }` on its sheet;
 * A1 strings exist only at the edges (findings, write plans, tests) and are made here.
 */
import type { CellRange, SheetRange } from "./range";

export type { CellRange, SheetRange } from "./range";

/** A zero-based cell position on a sheet. */
export interface CellRef {
  row: number;
  col: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnToLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "AA" → 26; null when the text is not column letters. */
export function lettersToColumn(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `{ row: 4, col: 2 }` → "C5". */
export function toA1(cell: CellRef): string {
  return `${columnToLetters(cell.col)}${cell.row + 1}`;
}

/** "C5" or "$C$5" → `{ row: 4, col: 2 }`; null when it is not a cell address. */
export function parseA1(address: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const col = lettersToColumn(m[1] as string);
  const row = Number(m[2]) - 1;
  if (col === null || row < 0) return null;
  return { row, col };
}

/** A range as "B3" (one cell) or "B3:D7", without the sheet. */
export function rangeToA1(range: CellRange): string {
  const start = toA1({ row: range.top, col: range.left });
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${toA1({ row: range.bottom, col: range.right })}`;
}

/** "B3:D7", "B3" or "Sheet!B3:D7" (sheet ignored) → bounds; null when unreadable. */
export function parseRangeA1(address: string): CellRange | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const start = parseA1(a ?? "");
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Quotes a sheet name for a reference when Excel needs it: `'Polizia Locale'!A1`. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet!B3:D7" with the sheet quoted when needed. */
export function qualifiedA1(range: SheetRange): string {
  return `${quoteSheetName(range.sheet)}!${rangeToA1(range)}`;
}

/** A one-cell range. */
export function cellRange(sheet: string, row: number, col: number): SheetRange {
  return { sheet, top: row, left: col, bottom: row, right: col };
}

/** The smallest range covering all given ranges of one sheet; null for none. */
export function unionRanges(ranges: readonly (SheetRange | null | undefined)[]): SheetRange | null {
  let out: SheetRange | null = null;
  for (const r of ranges) {
    if (!r) continue;
    if (!out) {
      out = { ...r };
      continue;
    }
    if (r.sheet !== out.sheet) continue;
    out.top = Math.min(out.top, r.top);
    out.left = Math.min(out.left, r.left);
    out.bottom = Math.max(out.bottom, r.bottom);
    out.right = Math.max(out.right, r.right);
  }
  return out;
}
