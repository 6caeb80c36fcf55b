import type { CellValue } from "../model/snapshot";
import { fail, ok, type ReadResult } from "./result";
import { cellText, foldText, quoteForMessage } from "./text";

// Folded forms (accents removed, lower case, trailing dot dropped): "SÌ" → "si", "si'" → "si'".
const YES = new Set(["si", "si'", "vero", "true", "yes"]);
const NO = new Set(["no", "falso", "false"]);
/** Longest cell text that can still be SI / NO ("Falso.", "si '"); longer text is never read as one. */
export const MAX_BOOLEAN_TEXT = 16;

/** SI / NO from already folded text (`foldText`), or null. */
export function booleanFromFolded(folded: string): boolean | null {
  let t = folded;
  if (t.endsWith(".") || t.endsWith("!")) t = t.slice(0, -1).trimEnd();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/** SI / NO as typed ("SI", "Si", "sì", "SÌ", "si'", "NO", "No"), and Excel booleans. */
export function readBoolean(value: CellValue): ReadResult<boolean> {
  if (typeof value === "boolean") return ok(value);
  if (value === null) return fail("La cella è vuota.");
  if (typeof value === "number") return fail(`${value} non è SI o NO.`);
  const text = cellText(value);
  if (text === null) return fail("La cella è vuota.");
  if (text.length > MAX_BOOLEAN_TEXT) return fail(`${quoteForMessage(text)} non è SI o NO.`);
  const b = booleanFromFolded(foldText(text));
  if (b !== null) return ok(b);
  return fail(`${quoteForMessage(text)} non è SI o NO.`);
}

// Marks typed in cronoprogramma cells. "✗" / "✘" are crosses meaning "no", so they are not marks.
// "1" is the mark of grids typed as 0/1 (a blank or 0 for the other months).
const MARKS = new Set(["x", "✓", "✔", "☑", "✅", "√", "•", "●", "■", "▪", "◼", "█", "*", "×", "+", "1"]);

/** True for a cronoprogramma mark: X, x, ✓, ✔, •, * (spaces around ignored), or the boolean true. */
export function isMark(value: CellValue): boolean {
  if (value === true || value === 1) return true;
  if (typeof value !== "string") return false;
  let t = value.trim();
  if (t.length > 2 && t.startsWith("<")) t = (cellText(t) ?? "").trim();
  if (t.length === 0 || t.length > 2) return false;
  return MARKS.has(t.toLowerCase());
}
