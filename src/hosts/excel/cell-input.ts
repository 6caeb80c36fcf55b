/**
 * WritePlan cell content → what Office.js takes in `Range.formulas`. Pure.
 *
 * Office.js parses a string like typed input, so every text is written with Excel's leading
 * apostrophe (`officeLiteralText`): "=SOMMA(A1)", "-5 giorni", "@mario", "30%" and "15/05/2024"
 * all stay the text they were on the card. The apostrophe is Excel's "this is text" prefix and is
 * not part of the stored value.
 */
import { officeLiteralText, type CellContent } from "../../engine";

/** A value Office.js accepts in `Range.formulas`. */
export type CellInput = string | number | boolean;

/** Number format given to dates that come without one. */
export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

/** Text as a literal for `Range.formulas` / `Range.values`. */
export function literalText(text: string): CellInput {
  return text === "" ? "" : officeLiteralText(text);
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, Excel's day 0 in the 1900 date system, as a UTC timestamp. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** "2024-05-15" → 45427 (Excel serial); null when the ISO date is not a real date. */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return Math.round((ms - EXCEL_EPOCH_MS) / MS_PER_DAY);
}

/** The input for one cell and the number format it needs when the plan gives none (dates). */
export function toCellInput(content: CellContent): { input: CellInput; impliedFormat: string | null } {
  switch (content.kind) {
    case "text":
      return { input: literalText(content.text), impliedFormat: null };
    case "number":
      return { input: Number.isFinite(content.value) ? content.value : "", impliedFormat: null };
    case "boolean":
      return { input: content.value, impliedFormat: null };
    case "date": {
      const serial = isoToSerial(content.iso);
      // An unreadable date is kept as the text the engine gave, never invented.
      return serial === null ? { input: literalText(content.iso), impliedFormat: null } : { input: serial, impliedFormat: DEFAULT_DATE_FORMAT };
    }
    case "formula":
      return { input: content.formula.startsWith("=") ? content.formula : `=${content.formula}`, impliedFormat: null };
    case "empty":
      return { input: "", impliedFormat: null };
  }
}

/** Column width in characters (as in the plan and ExcelJS) → points (Office.js). */
export function charsToPoints(chars: number): number {
  // Excel's default column, 8.43 characters of Calibri 11, is 48 points wide.
  return Math.round(chars * (48 / 8.43) * 100) / 100;
}
