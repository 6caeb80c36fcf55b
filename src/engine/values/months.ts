import type { CellValue } from "../model/snapshot";
import { fail, ok, type ReadResult } from "./result";
import { cellText, foldText, quoteForMessage } from "./text";

const MONTH_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["gennaio", "gen", "genn"]],
  [2, ["febbraio", "feb", "febb", "febraio"]],
  [3, ["marzo", "mar"]],
  [4, ["aprile", "apr"]],
  [5, ["maggio", "mag"]],
  [6, ["giugno", "giu"]],
  [7, ["luglio", "lug"]],
  [8, ["agosto", "ago"]],
  [9, ["settembre", "set", "sett"]],
  [10, ["ottobre", "ott"]],
  [11, ["novembre", "nov"]],
  [12, ["dicembre", "dic"]],
];

const MONTH_BY_WORD: ReadonlyMap<string, number> = new Map(
  MONTH_WORDS.flatMap(([month, words]) => words.map((w) => [w, month] as const)),
);

/** Alternation of every month word, longest first, for regexes that embed month names. */
export const MONTH_PATTERN = [...MONTH_BY_WORD.keys()].sort((a, b) => b.length - a.length).join("|");

/** The month (1–12) of a folded word ("gennaio", "gen", "sett"), or null. */
export function monthFromWord(word: string): number | null {
  return MONTH_BY_WORD.get(word) ?? null;
}

// Month names start with one of these letters (an HTML tag may come first).
const MONTH_QUICK = /^\s*[gfmalsond<]/i;
const MONTH_CELL = /^([a-z]+)\.?(?:[ '/-]{0,3}(?:\d{2}|\d{4}))?$/;

/**
 * The month named in a cell: "Gennaio" → 1, "gen" → 1, "GEN." → 1, "Settembre", "sett", "set".
 * A year after the name, as in a cronoprogramma header "Gennaio 2024" or "gen-24", is allowed.
 * Anything else (numbers included) → null.
 */
export function readMonthName(value: CellValue): number | null {
  if (typeof value !== "string" || value.length > 40 || !MONTH_QUICK.test(value)) return null;
  const text = cellText(value);
  if (text === null) return null;
  const m = MONTH_CELL.exec(foldText(text));
  return m ? monthFromWord(m[1] as string) : null;
}

// ---------------------------------------------------------------------------------------------
// Months from schedule text (layout C "CRONOPROGRAMMA" cells).

type Tok =
  | { k: "month"; m: number }
  | { k: "word"; w: string }
  | { k: "num"; raw: string; n: number }
  | { k: "dash" }
  | { k: "slash" }
  | { k: "punct"; p: string };

// Dates first (their separators must not become range dashes), then words, numbers, connectors.
const TOKEN =
  /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<!\d)(\d{1,2}) ?[./-] ?(\d{1,2}) ?[./-] ?(\d{4}|\d{2})(?!\d)|(?<![\d/.-])(\d{1,2})[/.-](\d{4})(?!\d)|([a-z]+)|(\d+)(?:°|º|ª)?|([-–—])|(\/)|([,;()[\]:.+&])/g;

const WHOLE_YEAR =
  /tutto l'? ?anno|tutto l'arco dell'? ?anno|intero anno|anno intero|intera annualita|intero esercizio|tutti i mesi|ogni mese|\bannual[ei]\b|\bmensil(?:e|i|mente)\b|\bcontinuativ[oa]\b/;

const TO_WORDS = new Set(["entro", "sino", "fino"]);
const FROM_WORDS = new Set(["da", "dal", "dall", "dalla", "dai", "partire"]);
const RANGE_WORDS = new Set(["a", "al", "all", "alla", "fino", "sino"]);
const FILLERS = new Set([
  "a", "al", "all", "alla", "il", "l", "lo", "la", "i", "mese", "mesi", "di", "del", "dei", "fine", "inizio",
  "meta", "tutto", "tutta", "termine",
]);
const ORDINALS: ReadonlyMap<string, number> = new Map([
  ["primo", 1], ["prima", 1], ["i", 1], ["1", 1],
  ["secondo", 2], ["seconda", 2], ["ii", 2], ["2", 2],
  ["terzo", 3], ["terza", 3], ["iii", 3], ["3", 3],
  ["quarto", 4], ["quarta", 4], ["iv", 4], ["4", 4],
  ["quinto", 5], ["v", 5], ["5", 5],
  ["sesto", 6], ["vi", 6], ["6", 6],
]);
/** Months per period and how many periods a year has. */
const PERIODS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["semestre", [6, 2]], ["semestri", [6, 2]],
  ["quadrimestre", [4, 3]], ["quadrimestri", [4, 3]],
  ["trimestre", [3, 4]], ["trimestri", [3, 4]],
  ["bimestre", [2, 6]], ["bimestri", [2, 6]],
]);

function tokenize(s: string): Tok[] {
  const tokens: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    if (m[2] !== undefined) pushMonth(tokens, Number(m[2]));
    else if (m[5] !== undefined) pushMonth(tokens, Number(m[5]));
    else if (m[7] !== undefined) pushMonth(tokens, Number(m[7]));
    else if (m[9] !== undefined) {
      const month = monthFromWord(m[9]);
      tokens.push(month === null ? { k: "word", w: m[9] } : { k: "month", m: month });
    } else if (m[10] !== undefined) tokens.push({ k: "num", raw: m[10], n: Number(m[10]) });
    else if (m[11] !== undefined) tokens.push({ k: "dash" });
    else if (m[12] !== undefined) tokens.push({ k: "slash" });
    else if (m[13] !== undefined) tokens.push({ k: "punct", p: m[13] });
  }
  return tokens;
}

function pushMonth(tokens: Tok[], month: number): void {
  // A malformed date ("45/13/2024") names no month; keep a neutral token so adjacency still breaks.
  tokens.push(month >= 1 && month <= 12 ? { k: "month", m: month } : { k: "punct", p: "?" });
}

const isYear = (t: Tok | undefined): boolean => t !== undefined && t.k === "num" && t.raw.length === 4;
const isDot = (t: Tok | undefined): boolean => t !== undefined && t.k === "punct" && t.p === ".";

/** Index after a month's own trailers: "gen." / "gennaio 2024". */
function skipTrailers(tokens: Tok[], i: number): number {
  let k = i;
  while (isDot(tokens[k]) || isYear(tokens[k])) k++;
  return k;
}

/** Index of the month that closes a range started at `i` ("gennaio - marzo", "marzo a giugno"). */
function findRangeEnd(tokens: Tok[], i: number): { index: number; via: "symbol" | "word" } | null {
  let k = skipTrailers(tokens, i + 1);
  const connector = tokens[k];
  if (connector === undefined) return null;
  let via: "symbol" | "word";
  if (connector.k === "dash" || connector.k === "slash") via = "symbol";
  else if (connector.k === "word" && RANGE_WORDS.has(connector.w)) via = "word";
  else return null;
  k++;
  for (let guard = 0; guard < 6; guard++) {
    const t = tokens[k];
    if (t === undefined) return null;
    if (t.k === "month") return { index: k, via };
    if ((t.k === "word" && FILLERS.has(t.w)) || (t.k === "num" && t.raw.length <= 2)) k++;
    else return null;
  }
  return null;
}

/** True when a month sits in a chain of three or more joined by "-" or "/": a list, not a period. */
function inSymbolChain(tokens: Tok[], start: number, end: number): boolean {
  let b = start - 1;
  while (b >= 0 && (isDot(tokens[b]) || isYear(tokens[b]))) b--;
  const before = tokens[b];
  if (before && (before.k === "dash" || before.k === "slash")) {
    let bb = b - 1;
    while (bb >= 0 && (isDot(tokens[bb]) || isYear(tokens[bb]))) bb--;
    if (tokens[bb]?.k === "month") return true;
  }
  const a = skipTrailers(tokens, end + 1);
  const after = tokens[a];
  if (after && (after.k === "dash" || after.k === "slash") && tokens[a + 1]?.k === "month") return true;
  return false;
}

function qualifierBefore(tokens: Tok[], i: number): "to" | "from" | null {
  let j = i - 1;
  for (let guard = 0; guard < 6 && j >= 0; guard++, j--) {
    const t = tokens[j] as Tok;
    if (t.k === "word") {
      if (TO_WORDS.has(t.w)) return "to";
      if (FROM_WORDS.has(t.w)) return "from";
      if (!FILLERS.has(t.w)) return null;
    } else if (!(t.k === "num" && t.raw.length <= 2)) return null;
  }
  return null;
}

function addRange(marks: boolean[], from: number, to: number): void {
  if (from <= to) for (let m = from; m <= to; m++) marks[m] = true;
  else {
    // "novembre - febbraio" runs over the turn of the year.
    for (let m = from; m <= 12; m++) marks[m] = true;
    for (let m = 1; m <= to; m++) marks[m] = true;
  }
}

function addPeriods(tokens: Tok[], i: number, size: number, count: number, marks: boolean[]): boolean {
  let found = false;
  let j = i - 1;
  for (let guard = 0; guard < 12 && j >= 0; guard++, j--) {
    const t = tokens[j] as Tok;
    const key = t.k === "word" ? t.w : t.k === "num" ? t.raw : null;
    const ordinal = key === null ? undefined : ORDINALS.get(key);
    if (ordinal !== undefined) {
      if (ordinal <= count) {
        addRange(marks, (ordinal - 1) * size + 1, ordinal * size);
        found = true;
      }
      continue;
    }
    // "I e II trimestre", "primo, secondo trimestre", "1°-2° semestre".
    if ((t.k === "word" && (t.w === "e" || t.w === "ed")) || t.k === "dash" || t.k === "slash" || (t.k === "punct" && t.p === ",")) {
      continue;
    }
    break;
  }
  return found;
}

/**
 * The months (ascending, unique, 1–12) named by schedule text: "Gennaio - marzo" → [1,2,3],
 * "Giugno/settembre" → [6..9] (two months joined by "-" or "/" are a period; three or more are
 * a list), "Sino a novembre 2024" / "entro giugno" → from January, "Da marzo" → to December,
 * "ottobre, novembre", "primo semestre", "II trimestre", a date "31/12/2024" → [12], and
 * "tutto l'anno" / "annuale" / "mensile" → [1..12] when no month is named. Fails when no month
 * is found.
 */
export function readMonths(text: string): ReadResult<number[]> {
  if (typeof text !== "string") return fail("Il cronoprogramma non è un testo.");
  const plain = cellText(text);
  if (plain === null) return fail("Il cronoprogramma è vuoto.");
  const s = foldText(plain);
  const tokens = tokenize(s);
  const marks: boolean[] = new Array<boolean>(13).fill(false);
  let found = false;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Tok;
    if (t.k === "word") {
      const period = PERIODS.get(t.w);
      if (period && addPeriods(tokens, i, period[0], period[1], marks)) found = true;
      continue;
    }
    if (t.k !== "month") continue;
    found = true;
    const qualifier = qualifierBefore(tokens, i);
    if (qualifier === "to") {
      addRange(marks, 1, t.m);
      continue;
    }
    const end = findRangeEnd(tokens, i);
    const endMonth = end ? (tokens[end.index] as { k: "month"; m: number }).m : null;
    if (qualifier === "from") {
      addRange(marks, t.m, endMonth ?? 12);
      if (end) i = end.index;
      continue;
    }
    if (end && endMonth !== null && (end.via === "word" || !inSymbolChain(tokens, i, end.index))) {
      addRange(marks, t.m, endMonth);
      i = end.index;
      continue;
    }
    marks[t.m] = true;
  }

  if (!found && WHOLE_YEAR.test(s)) {
    addRange(marks, 1, 12);
    found = true;
  }
  if (!found) return fail(`Nessun mese riconosciuto in ${quoteForMessage(plain)}.`);
  const months: number[] = [];
  for (let m = 1; m <= 12; m++) if (marks[m]) months.push(m);
  return months.length > 0 ? ok(months) : fail(`Nessun mese riconosciuto in ${quoteForMessage(plain)}.`);
}
