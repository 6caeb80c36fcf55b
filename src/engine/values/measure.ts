import type { CellValue } from "../model/snapshot";
import type { Measure } from "../model/plan";
import { MAX_BOOLEAN_TEXT, booleanFromFolded } from "./boolean";
import { mayHoldDate, parseFoldedDate, serialToIso } from "./date";
import { classifyFormat } from "./format";
import { parseFoldedNumber, readNumber } from "./number";
import { cellText, foldText } from "./text";

/** A number as Italian Excel shows it: decimal comma, no grouping ("0,5", "1100"). */
function italianNumber(n: number): string {
  if (Number.isInteger(n)) return String(n === 0 ? 0 : n);
  const s = String(Number.parseFloat(n.toPrecision(15)));
  return s.replace(".", ",");
}

const HAS_DIGIT = /\d/;
const PLAIN_INTEGER = /^-?\d{1,15}$/;
/** Longest text read as a date or number: "entro e non oltre il 31 dicembre 2024" fits easily. */
const MAX_VALUE_LENGTH = 80;

/**
 * An expected or achieved value as the engine measures it. Null only for an empty cell; never
 * fails: SI/NO first, then a date ("Entro il 31/12/2024", or a serial in a date-formatted
 * cell), then a number (`readNumber`), else text. `text` holds the cell as displayed: text
 * without HTML, VERO/FALSO, numbers with an Italian decimal comma and their percent or date
 * format applied ("80%", "01/01/2024").
 */
export function readMeasure(value: CellValue, format?: string | null): Measure | null {
  if (value === null) return null;
  if (typeof value === "boolean") return { type: "boolean", value, text: value ? "VERO" : "FALSO" };
  if (typeof value === "number") return readNumberCell(value, format);

  const text = cellText(value);
  if (text === null) return null;
  // SI / NO hold no digit, and dates and numbers hold at least one.
  if (!HAS_DIGIT.test(text)) {
    if (text.length <= MAX_BOOLEAN_TEXT) {
      const b = booleanFromFolded(foldText(text));
      if (b !== null) return { type: "boolean", value: b, text };
    }
    return { type: "text", text };
  }
  if (PLAIN_INTEGER.test(text)) return { type: "number", value: Number(text) || 0, unit: "number", comparator: null, direction: null, text };
  // Both grammars must consume the whole text, so long free text is text.
  if (text.length > MAX_VALUE_LENGTH) return { type: "text", text };
  // One folded copy for both interpretations; failures are codes, not messages.
  const folded = foldText(text);
  if (mayHoldDate(folded)) {
    const date = parseFoldedDate(folded);
    if ("iso" in date) return { type: "date", value: date.iso, text };
  }
  const num = parseFoldedNumber(folded);
  if (typeof num !== "string") return { type: "number", ...num, text };
  return { type: "text", text };
}

function readNumberCell(value: number, format: string | null | undefined): Measure {
  const kind = classifyFormat(format);
  if (!Number.isFinite(value)) return { type: "text", text: String(value) };
  // A bare number is a date only when its format says so: 45000 in a target cell is a count.
  if (kind === "date") {
    const iso = serialToIso(value);
    if (iso !== null) return { type: "date", value: iso, text: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` };
  }
  const num = readNumber(value, format);
  if (!num.ok) return { type: "text", text: italianNumber(value) };
  const text = kind === "percent" ? `${italianNumber(num.value.value)}%` : italianNumber(value);
  return { type: "number", ...num.value, text };
}
