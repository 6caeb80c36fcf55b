import type { CellValue } from "../model/snapshot";
import type { Weight } from "../model/plan";
import { classifyFormat } from "./format";
import { fail, ok, type ReadResult } from "./result";
import { cellText, foldText, quoteForMessage } from "./text";

/** A number read from what the user typed, with its unit and any comparator or direction. */
export interface NumberReading {
  value: number;
  unit: "number" | "percent" | "currency" | "points";
  comparator: "<" | "<=" | ">" | ">=" | "=" | null;
  direction: "increase" | "decrease" | null;
}

type Comparator = NumberReading["comparator"];
type Unit = NumberReading["unit"];
type Direction = NumberReading["direction"];

/** What a word or symbol around the number contributes. */
interface Token {
  comparator?: Exclude<Comparator, null>;
  direction?: Exclude<Direction, null>;
  unit?: Exclude<Unit, "number">;
  /** "max" / "massimo": a ceiling; with points it names the score available, not a comparator. */
  ceiling?: true;
  /** Articles and prepositions ("di", "del", "il"): allowed only after another prefix. */
  filler?: true;
  /** "n." / "nr.": a count marker before the number. */
  count?: true;
}

// Prepositions that may follow a comparator word: "non più di", "superiore al", "inferiore alla".
const PREP = "(?: (?:di|del|dello|della|dei|degli|delle|a|al|allo|alla|ai|agli|alle|il|lo|la))?";
const END = "(?![a-z0-9])";

// Sticky regexes compiled once, each tried at the current position of the text. `first` lists
// the characters a match can start with, so most regexes are skipped without running.
interface Prefix {
  re: RegExp;
  first: string;
  token: Token;
}
const PREFIXES: readonly Prefix[] = [
  { re: /(?:<=|=<|≤|⩽|≦) ?/y, first: "<=≤⩽≦", token: { comparator: "<=" } },
  { re: /(?:>=|=>|≥|⩾|≧) ?/y, first: ">=≥⩾≧", token: { comparator: ">=" } },
  { re: /< ?/y, first: "<", token: { comparator: "<" } },
  { re: /> ?/y, first: ">", token: { comparator: ">" } },
  { re: /=(?!\u0338) ?/y, first: "=", token: { comparator: "=" } },
  { re: new RegExp(`non (?:piu|superiore|maggiore|oltre)${PREP}${END} ?`, "y"), first: "n", token: { comparator: "<=" } },
  { re: new RegExp(`non (?:meno|inferiore|minore)${PREP}${END} ?`, "y"), first: "n", token: { comparator: ">=" } },
  { re: new RegExp(`(?:almeno|minimo|min\\.?)${PREP}${END} ?`, "y"), first: "am", token: { comparator: ">=" } },
  {
    re: new RegExp(`(?:al massimo|massimo|max\\.?)${PREP}${END} ?`, "y"),
    first: "am",
    token: { comparator: "<=", ceiling: true },
  },
  { re: new RegExp(`(?:fino|sino) (?:a|al|alla)${END} ?`, "y"), first: "fs", token: { comparator: "<=" } },
  { re: new RegExp(`(?:piu|oltre|superiore|maggiore)${PREP}${END} ?`, "y"), first: "posm", token: { comparator: ">" } },
  { re: new RegExp(`(?:meno|inferiore|minore)${PREP}${END} ?`, "y"), first: "mi", token: { comparator: "<" } },
  { re: new RegExp(`(?:uguale|pari)${PREP}${END} ?`, "y"), first: "up", token: { comparator: "=" } },
  {
    re: new RegExp(`(?:miglioramento|incremento|aumento|crescita)${PREP}${END} ?`, "y"),
    first: "miac",
    token: { direction: "increase" },
  },
  {
    re: new RegExp(`(?:riduzione|diminuzione|decremento|calo|contenimento|abbattimento)${PREP}${END} ?`, "y"),
    first: "rdca",
    token: { direction: "decrease" },
  },
  { re: /\+ ?/y, first: "+", token: { direction: "increase" } },
  { re: new RegExp(`(?:€|(?:euro|eur)${END}) ?`, "y"), first: "€e", token: { unit: "currency" } },
  { re: new RegExp(`(?:punti|punto|pti|pt\\.?|p\\.ti)${END} ?:? ?`, "y"), first: "p", token: { unit: "points" } },
  { re: /(?:n\.|n°|nr\.?|num\.) ?(?=[\d.,+-])/y, first: "n", token: { count: true } },
  {
    re: new RegExp(`(?:di|del|dello|della|dei|degli|delle|a|al|allo|alla|il|lo|la|l')${END} ?`, "y"),
    first: "dail",
    token: { filler: true },
  },
];

const SUFFIXES: ReadonlyArray<readonly [RegExp, Token]> = [
  [new RegExp(` ?(?:%|per ?cento${END})`, "y"), { unit: "percent" }],
  [new RegExp(` ?(?:punti|punto|pti|pt\\.?|p\\.ti)${END}`, "y"), { unit: "points" }],
  [new RegExp(` ?(?:€|(?:euro|eur)${END})`, "y"), { unit: "currency" }],
];

// Sign, then digits with Italian (or English) grouping; spaces only between digit groups.
const NUMBER_BODY = /([-−])? ?(\d[\d.,' ]*\d|\d|[.,]\d+)/y;
const TRAILING = /[ .;,:!]*$/y;
const PLAIN_INTEGER = /^-?\d{1,15}$/;
const HAS_DIGIT = /\d/;

const GROUPED_SPACE = /^\d{1,3}(?:[ ']\d{3})+(?:[.,]\d+)?$/;
const GROUPED_DOTS = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPED_COMMAS = /^\d{1,3}(?:,\d{3})+$/;
const DECIMAL_DOT = /^(\d*)\.(\d+)$/;
const DECIMAL_COMMA = /^\d*,\d+$/;
const ITALIAN_FULL = /^\d{1,3}(?:\.\d{3})*,\d+$/;
const ENGLISH_FULL = /^\d{1,3}(?:,\d{3})*\.\d+$/;

/**
 * Digits as typed in Italy: "1.100" → 1100, "1.000,00" → 1000, "0,5" → 0.5. A lone dot followed
 * by exactly three digits groups thousands (as Italians type it); otherwise it is a decimal
 * point ("0.5", "2.75"). Returns null when the grouping is inconsistent ("1.00.0").
 */
export function parseDigits(raw: string): number | null {
  let s = raw;
  if (s.includes(" ") || s.includes("'")) {
    if (!GROUPED_SPACE.test(s)) return null;
    s = s.replace(/[ ']/g, "");
  }
  const dot = s.indexOf(".");
  const comma = s.indexOf(",");
  let normalized: string;
  if (dot >= 0 && comma >= 0) {
    if (ITALIAN_FULL.test(s)) normalized = s.replace(/\./g, "").replace(",", ".");
    else if (ENGLISH_FULL.test(s)) normalized = s.replace(/,/g, "");
    else return null;
  } else if (comma >= 0) {
    if (DECIMAL_COMMA.test(s)) normalized = s.replace(",", ".");
    else if (GROUPED_COMMAS.test(s)) normalized = s.replace(/,/g, "");
    else return null;
  } else if (dot >= 0) {
    const m = DECIMAL_DOT.exec(s);
    if (m) {
      const int = m[1] as string;
      const frac = m[2] as string;
      const grouping = frac.length === 3 && int.length >= 1 && int.length <= 3 && int !== "0";
      normalized = grouping ? int + frac : s;
    } else if (GROUPED_DOTS.test(s)) normalized = s.replace(/\./g, "");
    else return null;
  } else normalized = s;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

/** Rounds away float noise from scaling: 0.07 × 100 → 7, not 7.000000000000001. */
function scaleToPercent(value: number): number {
  return Number.parseFloat((value * 100).toPrecision(15));
}

const noZero = (n: number): number => (n === 0 ? 0 : n);

/**
 * Reads a number as people type it in a plan: Italian grouping and decimals, percent, euro,
 * points, comparators ("< di 5", "≥ 80%", "non più di 3") and directions ("+ 19",
 * "riduzione 20%"). A number cell with a percent format is scaled to 0–100 (0.5 → 50 %);
 * a number cell with a currency format is currency. Never throws; fails with an Italian reason.
 */
export function readNumber(value: CellValue, format?: string | null): ReadResult<NumberReading> {
  if (value === null) return fail("La cella è vuota.");
  if (typeof value === "boolean") return fail("La cella contiene un valore logico (VERO/FALSO), non un numero.");
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail("La cella contiene un numero non valido.");
    const kind = classifyFormat(format);
    if (kind === "percent") {
      const scaled = scaleToPercent(value);
      if (!Number.isFinite(scaled)) return fail("La percentuale è troppo grande.");
      return ok({ value: noZero(scaled), unit: "percent", comparator: null, direction: null });
    }
    return ok({ value: noZero(value), unit: kind === "currency" ? "currency" : "number", comparator: null, direction: null });
  }
  const text = cellText(value);
  if (text === null) return fail("La cella è vuota.");
  if (PLAIN_INTEGER.test(text)) {
    return ok({ value: noZero(Number(text)), unit: "number", comparator: null, direction: null });
  }
  if (!HAS_DIGIT.test(text)) return fail(numberFailureReason(text, "no-digit"));
  const r = parseFoldedNumber(foldText(text));
  return typeof r === "string" ? fail(numberFailureReason(text, r)) : ok(r);
}

/** Why a text is not a number; the message is built only when a caller needs it. */
export type NumberFailure = "no-digit" | "unreadable" | "separators" | "several" | "extra" | "comparators" | "directions" | "units";

const NUMBER_REASONS: Record<NumberFailure, string> = {
  "no-digit": "non contiene un numero.",
  unreadable: "non è un numero leggibile.",
  separators: "non è un numero leggibile: controllare i separatori di migliaia e decimali.",
  several: "contiene più di un numero: indicare un solo valore.",
  extra: "contiene testo oltre al numero: indicare solo il valore.",
  comparators: "contiene due confronti diversi.",
  directions: "indica sia un aumento sia una riduzione.",
  units: "contiene due unità di misura diverse.",
};

/** The Italian reason for a `NumberFailure` on `text`. */
export const numberFailureReason = (text: string, failure: NumberFailure): string =>
  `${quoteForMessage(text)} ${NUMBER_REASONS[failure]}`;

/**
 * The number in already folded text (`foldText`), or why there is none. Internal fast path
 * for readers that try several interpretations of one cell.
 */
export function parseFoldedNumber(folded: string): NumberReading | NumberFailure {
  if (!HAS_DIGIT.test(folded)) return "no-digit";
  if (PLAIN_INTEGER.test(folded)) return { value: noZero(Number(folded)), unit: "number", comparator: null, direction: null };
  let s = folded;
  if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();

  let comparator: Comparator = null;
  let direction: Direction = null;
  let unit = "number" as Unit;
  let ceiling = false;
  let conflict: NumberFailure | null = null;
  const apply = (token: Token): void => {
    if (token.comparator) {
      if (comparator !== null && comparator !== token.comparator) conflict = "comparators";
      comparator = token.comparator;
      if (token.ceiling) ceiling = true;
    }
    if (token.direction) {
      if (direction !== null && direction !== token.direction) conflict = "directions";
      direction = token.direction;
    }
    if (token.unit) {
      if (unit !== "number" && unit !== token.unit) conflict = "units";
      unit = token.unit;
    }
  };

  let pos = 0;
  let consumedPrefix = false;
  // At most a handful of prefixes, so a bounded loop keeps pathological text linear.
  for (let guard = 0; guard < 8 && pos < s.length; guard++) {
    const ch = s[pos] as string;
    if (ch >= "0" && ch <= "9") break;
    let matched = false;
    for (const prefix of PREFIXES) {
      if (!prefix.first.includes(ch) || (prefix.token.filler && !consumedPrefix)) continue;
      prefix.re.lastIndex = pos;
      const m = prefix.re.exec(s);
      if (m && m[0].length > 0) {
        apply(prefix.token);
        pos += m[0].length;
        consumedPrefix = true;
        matched = true;
        break;
      }
    }
    if (!matched) break;
  }

  NUMBER_BODY.lastIndex = pos;
  const body = NUMBER_BODY.exec(s);
  if (!body) return "unreadable";
  const digits = body[2] as string;
  const parsed = parseDigits(digits);
  if (parsed === null) return digits.includes(" ") ? "several" : "separators";
  pos += body[0].length;

  for (const [re, token] of SUFFIXES) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (m) {
      apply(token);
      pos += m[0].length;
      break;
    }
  }
  TRAILING.lastIndex = pos;
  if (!TRAILING.test(s)) return HAS_DIGIT.test(s.slice(pos)) ? "several" : "extra";
  if (conflict !== null) return conflict;

  const value = body[1] ? -parsed : parsed;
  // "MAX 20 PUNTI" names the points available, not a target ceiling.
  if (ceiling && unit === "points" && comparator === "<=") comparator = null;
  return { value: noZero(value), unit, comparator, direction };
}

/**
 * A percent on the 0–100 scale: "30%", "(50%)", "50,00", "33" and 33 (taken as typed), 0.5 in a
 * cell formatted as percent (→ 50). Points, currency, comparators and directions fail: they
 * are not a plain percent.
 */
export function readPercent(value: CellValue, format?: string | null): ReadResult<number> {
  const r = readNumber(value, format);
  if (!r.ok) return r;
  const n = r.value;
  const shown = typeof value === "string" ? quoteForMessage(value) : "Il valore";
  if (n.unit === "points") return fail(`${shown} è espresso in punti, non in percentuale.`);
  if (n.unit === "currency") return fail(`${shown} è un importo in euro, non una percentuale.`);
  if ((n.comparator !== null && n.comparator !== "=") || n.direction !== null) {
    return fail(`${shown} contiene un confronto o una variazione: indicare solo la percentuale.`);
  }
  // Percent cells are weights, shares and review means: a negative or absurd figure is a typo,
  // not a value to add up (and sums of such figures overflow).
  if (n.value < 0) return fail(`${shown} è negativo: qui serve una percentuale da 0 a 100.`);
  if (n.value > MAX_PERCENT) return fail(`${shown} è fuori misura: qui serve una percentuale da 0 a 100.`);
  return ok(n.value);
}

/** Largest percent accepted (over-achievement and typos such as 150 % stay readable for the rules). */
const MAX_PERCENT = 1000;

/**
 * The weight of an objective or phase: a percent ("30%", "(50%)", 30, 0.3 with a percent
 * format) or points ("MAX 20 PUNTI", "20 punti", "punti 20"). Text such as "Intersettoriale"
 * fails, and the caller keeps it as typed.
 */
export function readWeight(value: CellValue, format?: string | null): ReadResult<Weight> {
  const r = readNumber(value, format);
  if (!r.ok) {
    if (typeof value === "string" && !HAS_DIGIT.test(value)) {
      return fail(`Il peso ${quoteForMessage(value)} non è un numero: indicare una percentuale o dei punti.`);
    }
    return r;
  }
  const n = r.value;
  const shown = typeof value === "string" ? quoteForMessage(value) : String(n.value);
  if (n.unit === "currency") return fail(`Il peso ${shown} è un importo in euro: indicare una percentuale o dei punti.`);
  if ((n.comparator !== null && n.comparator !== "=") || n.direction !== null) {
    return fail(`Il peso ${shown} contiene un confronto o una variazione: indicare solo il valore.`);
  }
  if (n.value < 0) return fail(`Il peso ${shown} è negativo.`);
  if (n.value > MAX_PERCENT) return fail(`Il peso ${shown} è fuori misura: indicare una percentuale da 0 a 100 o dei punti.`);
  return ok({ value: n.value, unit: n.unit === "points" ? "points" : "percent" });
}
