import type { CellContent } from "./types";

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

// Control characters other than tab and line breaks cannot be stored in the file's XML.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** The text without the control characters a file cannot hold (tab and line breaks stay). */
export function withoutControlChars(text: string): string {
  return CONTROL_TEST.test(text) ? text.replace(CONTROL, "") : text;
}

/**
 * Text copied from a card into a table: always literal (`kind: "text"`), cleaned of characters
 * a file cannot hold and cut to Excel's cell limit. A text such as "=SOMMA(A1)" or "-5 giorni"
 * stays text: hosts never write "text" content as a formula (see CellContent).
 */
export function textCell(text: string | null | undefined): CellContent {
  if (text === null || text === undefined || text === "") return { kind: "empty" };
  let t = CONTROL_TEST.test(text) ? text.replace(CONTROL, "") : text;
  if (t.length > MAX_CELL_TEXT) t = `${t.slice(0, MAX_CELL_TEXT - 1)}…`;
  return { kind: "text", text: t };
}

/** A number, or empty for null / non-finite values. */
export function numberCell(value: number | null | undefined): CellContent {
  return value === null || value === undefined || !Number.isFinite(value) ? { kind: "empty" } : { kind: "number", value };
}

/** An ISO date (yyyy-mm-dd), or empty. */
export function dateCell(iso: string | null | undefined): CellContent {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { kind: "date", iso } : { kind: "empty" };
}

/** A formula (without "=") with the engine's value cached for hosts and file viewers. */
export function formulaCell(formula: string, result: number | string | null): CellContent {
  return { kind: "formula", formula, result };
}

/**
 * True when Excel would read the text as something other than literal text if it were typed:
 * a formula (`=`, `+`, `-`, `@` at the start). The Office.js host writes every "text" content
 * with a leading apostrophe anyway (Excel also turns "30%" or "15/05/2024" into numbers), so
 * this is for tests and for hosts that want to prefix only where it matters.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trimStart());
}

/** The text as the Office.js host passes it in `range.values`: an apostrophe keeps it literal. */
export function officeLiteralText(text: string): string {
  return `'${text}`;
}
