import type { CellValue } from "../model/snapshot";

const ENTITIES: Record<string, string> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};

/**
 * Removes HTML fragments left by converted documents (`<p>`, `<ol style=…>`, `<i>`), turning
 * paragraph and list boundaries into line breaks, and decodes the common entities.
 */
export function stripHtml(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return text
    .replace(/<\s*(br|\/p|\/li|\/ol|\/ul|\/div)\s*\/?>/gi, "\n")
    .replace(/<\s*(p|li|ol|ul|div)(\s[^>]*)?>/gi, "\n")
    .replace(/<\/?[a-z][^<>]*>/gi, "")
    .replace(/&[a-z#0-9]+;/gi, (e) => ENTITIES[e.toLowerCase()] ?? e)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** The text of a cell, trimmed, HTML stripped; null for empty cells and blank text. */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") {
    const t = stripHtml(value).trim();
    return t === "" ? null : t;
  }
  return String(value);
}

/**
 * A label reduced for matching: lower case, no accents, no punctuation at the ends, single
 * spaces, and words broken by a stray space in converted PDFs glued back where listed in
 * `knownTypos`. "Fasi e  tempi:" → "fasi e tempi"; "% partecipazion e" → "% partecipazione".
 */
export function normalizeLabel(text: string): string {
  let t = stripHtml(text);
  // Most labels are plain ASCII: NFD and the accent and quote passes change nothing there, and
  // they are most of the cost (the reader normalizes every distinct short text of a workbook).
  if (NON_ASCII.test(t)) {
    t = t
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[’`´]/g, "'");
  } else {
    t = t.toLowerCase();
    if (t.includes("`")) t = t.replace(/`/g, "'");
  }
  t = trimLabelEnds(t.replace(WHITESPACE_RUNS, " "));
  if (t.includes("obbiettiv") || t.includes("partecipazion")) for (const [typo, fixed] of KNOWN_TYPOS) t = t.replace(typo, fixed);
  return t;
}

/** True for the characters a label loses at its ends: space (the only one left) and : ; . , - – — _. */
function isLabelEdge(code: number): boolean {
  return code === 32 || code === 58 || code === 59 || code === 46 || code === 44 || code === 45 || code === 0x2013 || code === 0x2014 || code === 95;
}

/** Drops the trailing, then the leading run of edge characters (as the regexes /[…]+$/, /^[…]+/ would). */
function trimLabelEnds(t: string): string {
  let end = t.length;
  while (end > 0 && isLabelEdge(t.charCodeAt(end - 1))) end -= 1;
  let start = 0;
  while (start < end && isLabelEdge(t.charCodeAt(start))) start += 1;
  return start === 0 && end === t.length ? t : t.slice(start, end);
}

const KNOWN_TYPOS: ReadonlyArray<[RegExp, string]> = [
  [/\bobbiettiv/g, "obiettiv"],
  [/partecipazion e\b/g, "partecipazione"],
  [/partecipazioni\b/g, "partecipazione"],
];

const NON_ASCII = /[\u0080-\uffff]/;
// U+0338 (combining long solidus) is kept so that "≠" does not fold into "=".
const COMBINING_MARKS = /[\u0300-\u0337\u0339-\u036f]/g;
const ACCENTED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/;
const TYPOGRAPHIC_APOSTROPHES = /[’‘´ʼ]/g;
const WHITESPACE_RUNS = /\s+/g;

/**
 * Text reduced for matching values (not labels): lower case, accents removed, typographic
 * apostrophes made plain, whitespace (non-breaking spaces included) collapsed and trimmed.
 * Unlike `normalizeLabel` it keeps punctuation and HTML as they are. "Più di  3" → "piu di 3".
 */
export function foldText(text: string): string {
  let t = text;
  if (NON_ASCII.test(t)) {
    // NFD only when there is an accented Latin letter or a combining mark: "€", "≥" and "’"
    // are common in values and need no decomposition.
    if (ACCENTED_LATIN.test(t)) t = t.normalize("NFD").replace(COMBINING_MARKS, "");
    t = t.replace(TYPOGRAPHIC_APOSTROPHES, "'");
  }
  return t.replace(WHITESPACE_RUNS, " ").trim().toLowerCase();
}

/** A cell's text shortened for an error message: «Entro 60 giorni dal…». */
export function quoteForMessage(text: string, max = 60): string {
  const t = text.replace(WHITESPACE_RUNS, " ").trim();
  return `«${t.length > max ? `${t.slice(0, max - 1)}…` : t}»`;
}
