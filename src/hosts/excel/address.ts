/**
 * Office.js addresses ↔ engine coordinates. Office returns sheet-qualified A1 strings
 * ("'Polizia Locale'!C5:F9", and comma-separated lists for RangeAreas); the engine works with
 * zero-based bounds. Pure: no Office here, so it is tested in plain Node.
 */
import { parseRangeA1, quoteSheetName, rangeToA1, type CellRange, type SheetRange } from "../../engine";

/**
 * Splits a list of addresses on commas that are outside quoted sheet names: a sheet may be
 * called "Rossi, Bianchi". Semicolons are accepted too (some locales list areas with them).
 */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i] as string;
    if (ch === "'") {
      // Inside quotes, '' is an escaped apostrophe and does not close the name.
      if (quoted && list[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      current += ch;
      continue;
    }
    if (!quoted && (ch === "," || ch === ";")) {
      if (current.trim() !== "") out.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

/** "'Rossi, Bianchi'!B3:D7" → { sheet: "Rossi, Bianchi", bounds }; null when unreadable. */
export function parseSheetAddress(address: string): SheetRange | null {
  const bang = address.lastIndexOf("!");
  const sheetPart = bang >= 0 ? address.slice(0, bang) : "";
  const rangePart = bang >= 0 ? address.slice(bang + 1) : address;
  const bounds = parseRangeA1(rangePart) ?? wholeRowsOrColumns(rangePart);
  if (!bounds) return null;
  return { sheet: unquoteSheetName(sheetPart), ...bounds };
}

/** Excel's last row and column (zero-based). */
const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/**
 * Whole rows ("5:7", "$5:$5") or whole columns ("C:C", "$C:$E"), as the change events of rows
 * or columns inserted or deleted give them (Excel.WorksheetChangedEventArgs.address).
 */
function wholeRowsOrColumns(part: string): CellRange | null {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(part);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    if (a < 0 || b < 0 || a > LAST_ROW || b > LAST_ROW) return null;
    return { top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: LAST_COL };
  }
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(part);
  if (cols) {
    const a = parseRangeA1(`${cols[1] ?? ""}1`);
    const b = parseRangeA1(`${cols[2] ?? ""}1`);
    if (!a || !b) return null;
    return { top: 0, left: Math.min(a.left, b.left), bottom: LAST_ROW, right: Math.max(a.left, b.left) };
  }
  return null;
}

/** Every area of a RangeAreas address ("Foglio1!A1:B2, Foglio1!D4"), unreadable parts dropped. */
export function parseAddressList(list: string): SheetRange[] {
  const out: SheetRange[] = [];
  for (const part of splitAddressList(list)) {
    const parsed = parseSheetAddress(part);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** "'L''Aquila'" → "L'Aquila"; an unquoted name is returned as it is. */
export function unquoteSheetName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1).replace(/''/g, "'");
  return trimmed;
}

/** A rectangle → "C5" or "C5:F9" (no sheet), for Worksheet.getRange. */
export function boundsToA1(b: CellRange): string {
  return rangeToA1(b);
}

/** A sheet-qualified address for workbook-level calls (comments.add): "'Polizia Locale'!C5". */
export function qualified(sheet: string, b: CellRange): string {
  return `${quoteSheetName(sheet)}!${rangeToA1(b)}`;
}

