import type { CellValue } from "../model/snapshot";
import { classifyFormat } from "./format";
import { MONTH_PATTERN, monthFromWord } from "./months";
import { fail, ok, type ReadResult } from "./result";
import { cellText, foldText, quoteForMessage } from "./text";

const MONTH_NAMES = [
  "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
  "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
];

const DAY_MS = 86_400_000;
/** Serial of 31/12/9999, the last date Excel shows. */
const MAX_SERIAL = 2_958_465;
/** Excel's 1900 system counts a 29 February 1900 that never existed (serial 60). */
const FAKE_LEAP_DAY = 60;
/** Days between Excel's day 0 (31/12/1899, for serials after the fake leap day: 30/12/1899) and 1970-01-01. */
const EPOCH_OFFSET = 25_569;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** "yyyy-mm-dd" for a valid calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The ISO date of an Excel serial in the 1900 date system (serial 45292 = 2024-01-01). The time
 * of day, if any, is dropped. Null for serials Excel cannot show and for the fake 29/02/1900.
 */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === FAKE_LEAP_DAY) return null;
  const days = whole < FAKE_LEAP_DAY ? whole - EPOCH_OFFSET + 1 : whole - EPOCH_OFFSET;
  const d = new Date(days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Excel serial (1900 system) of an ISO date; inverse of `serialToIso`. */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === null) return null;
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  const serial = days + EPOCH_OFFSET;
  return serial <= FAKE_LEAP_DAY ? serial - 1 : serial;
}

/** Without a format, only numbers in this range are taken as date serials (1954–2119). */
const SERIAL_GUESS_MIN = 20_000;
const SERIAL_GUESS_MAX = 80_000;

const HAS_DIGIT = /\d/;
const PLACEHOLDER = /^[\s./_\-–]*$|\.\.|__/;
const RELATIVE =
  /\b(?:entro|non oltre|dopo|decorsi|trascorsi|a)(?: i| il| le| gli)? (?:\d+|[a-z]+) (?:giorni|giorno|gg|mesi|mese|settimane|anni|ore)\b|\b\d+ ?(?:giorni|gg)\.? (?:dal|dalla|dall|dai|da|dopo|successiv|prima|lavorativ|naturali)/;
const PREFIX =
  /(?:(?:entro e non oltre|entro|a partire dal|a partire da|fino al|sino al|scadenza|termine|data|dal|dalla|al|il|del|giorno|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica)(?: ?: ?|,? )|(?:a partire dall'|fino all'|sino all'|dall'|all'|l') ?)/y;
const DMY = /(\d{1,2}) ?[./-] ?(\d{1,2}) ?[./-] ?(\d{4}|\d{2})(?!\d)/y;
const ISO = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?(?!\d)/y;
const NAMED = new RegExp(`(\\d{1,2})(?:°|º|o)? ?(${MONTH_PATTERN})\\.?,? (\\d{4})(?!\\d)`, "y");
const DATE_END = / ?(?:(?:ore )?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?[ .;,]*$/y;

export interface DateParts {
  year: number;
  month: number;
  day: number;
  end: number;
}

function matchDateAt(s: string, pos: number): DateParts | null {
  DMY.lastIndex = pos;
  let m = DMY.exec(s);
  if (m) {
    const y = m[3] as string;
    const year = y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y);
    return { year, month: Number(m[2]), day: Number(m[1]), end: DMY.lastIndex };
  }
  ISO.lastIndex = pos;
  m = ISO.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), end: ISO.lastIndex };
  NAMED.lastIndex = pos;
  m = NAMED.exec(s);
  if (m) return { year: Number(m[3]), month: monthFromWord(m[2] as string) ?? 0, day: Number(m[1]), end: NAMED.lastIndex };
  return null;
}

// Every date form needs two separators between digits or a month name after a day.
const DATE_HINT = new RegExp(`\\d ?[./-] ?\\d{1,2} ?[./-] ?\\d|\\d{4}[-/.]\\d|\\d(?:°|º|o)? ?(?:${MONTH_PATTERN})`);

/** Cheap pre-check on folded text: false means `parseFoldedDate` cannot find a date. */
export const mayHoldDate = (folded: string): boolean => DATE_HINT.test(folded);

/** A date read from folded text, or why there is none (the message is built only when needed). */
export type DateOutcome =
  | { iso: string }
  | { failure: "placeholder" | "no-date" | "relative" | "unreadable" | "extra" }
  | { failure: "invalid"; parts: DateParts };

/**
 * The date in already folded text (`foldText`). Internal fast path for readers that try
 * several interpretations of one cell.
 */
export function parseFoldedDate(s: string): DateOutcome {
  if (!HAS_DIGIT.test(s)) return { failure: PLACEHOLDER.test(s) ? "placeholder" : "no-date" };
  if (RELATIVE.test(s)) return { failure: "relative" };
  let pos = 0;
  for (let guard = 0; guard < 4; guard++) {
    PREFIX.lastIndex = pos;
    if (!PREFIX.test(s)) break;
    pos = PREFIX.lastIndex;
  }
  const parts = matchDateAt(s, pos);
  if (!parts) {
    return { failure: s.startsWith("..") || s.includes("/..") || s.includes(". /") ? "placeholder" : "unreadable" };
  }
  DATE_END.lastIndex = parts.end;
  if (!DATE_END.test(s)) return { failure: "extra" };
  const iso = isoDate(parts.year, parts.month, parts.day);
  return iso === null ? { failure: "invalid", parts } : { iso };
}

/** The Italian reason for a failed `DateOutcome` on `text`. */
export function dateFailureReason(text: string, outcome: Exclude<DateOutcome, { iso: string }>): string {
  const q = quoteForMessage(text);
  switch (outcome.failure) {
    case "placeholder":
      return `La data non è compilata (${q}).`;
    case "no-date":
      return `${q} non contiene una data.`;
    case "relative":
      return `${q} è una scadenza relativa (un termine in giorni o mesi), non una data: resta come testo.`;
    case "unreadable":
      return `${q} non è una data leggibile: scrivere gg/mm/aaaa.`;
    case "extra":
      return `${q} contiene altro oltre alla data: scrivere solo gg/mm/aaaa.`;
    case "invalid": {
      const { year, month, day } = outcome.parts;
      if (month < 1 || month > 12) return `${q} non è una data valida: il mese ${month} non esiste.`;
      if (year < 1900 || year > 9999) return `${q} non è una data valida: l'anno ${year} è fuori intervallo.`;
      return `${q} non è una data valida: ${MONTH_NAMES[month - 1]} ${year} non ha il giorno ${day}.`;
    }
  }
}

function readDateText(text: string): ReadResult<string> {
  // Digits survive folding, so text without any is rejected before folding.
  const outcome = HAS_DIGIT.test(text) ? parseFoldedDate(foldText(text)) : parseFoldedDate(text.trim());
  return "iso" in outcome ? ok(outcome.iso) : fail(dateFailureReason(text, outcome));
}

/**
 * A date as ISO yyyy-mm-dd: "31.12.2022", "15/05/2024", "1/1/24", "31-12-2024", "2024-12-31",
 * "Entro il 31/12/2024", "31 dicembre 2024", "Dall'1/01/2024", or an Excel serial (1900 system)
 * when the cell has a date format, or has no format and the number lies in 20000–80000.
 * Relative deadlines ("Entro 60 giorni …"), placeholders (".. /.. /..") and impossible dates
 * (31/02/2024) fail with the reason.
 */
export function readDate(value: CellValue, format?: string | null): ReadResult<string> {
  if (value === null) return fail("La cella è vuota.");
  if (typeof value === "boolean") return fail("La cella contiene un valore logico, non una data.");
  if (typeof value === "number") {
    const kind = classifyFormat(format);
    const looksLikeSerial = kind === "general" && value >= SERIAL_GUESS_MIN && value <= SERIAL_GUESS_MAX;
    if (kind !== "date" && !looksLikeSerial) return fail(`Il numero ${value} non è una data.`);
    const iso = serialToIso(value);
    return iso === null ? fail(`Il numero ${value} non corrisponde a una data di Excel.`) : ok(iso);
  }
  const text = cellText(value);
  if (text === null) return fail("La cella è vuota.");
  return readDateText(text);
}

const TRAILING_DATE = new RegExp(
  `(^|[\\s(:;,])((?:(?:entro(?: il)?|il|scadenza:?|termine:?)\\s+)?(\\d{1,2}\\s?[./-]\\s?\\d{1,2}\\s?[./-]\\s?(?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}°?\\s+(?:${MONTH_PATTERN})\\.?\\s+\\d{4}))\\)?\\s*[.;]?\\s*$`,
  "i",
);
const TAIL_LENGTH = 100;

/**
 * A date closing a description ("… la relazione. 31/12/2024.") split from the text before it.
 * A leading "entro il" goes with the date. When there is no valid date, the text is returned
 * unchanged with date null.
 */
export function readTrailingDate(text: string): { text: string; date: string | null } {
  if (typeof text !== "string") return { text: "", date: null };
  const start = Math.max(0, text.length - TAIL_LENGTH);
  const tail = text.slice(start);
  const m = TRAILING_DATE.exec(tail);
  if (!m) return { text, date: null };
  const lead = m[1] as string;
  const at = start + m.index + lead.length;
  // A match at the start of a cut tail must still begin at a word boundary of the whole text.
  if (m.index === 0 && lead === "" && start > 0 && !/[\s(:;,]/.test(text[start - 1] as string)) return { text, date: null };
  const read = readDateText(m[3] as string);
  if (!read.ok) return { text, date: null };
  const before = text.slice(0, at).replace(/[\s(]+$/, "");
  return { text: before, date: read.value };
}
