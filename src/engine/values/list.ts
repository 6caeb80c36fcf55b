import type { CellValue } from "../model/snapshot";
import { cellText, foldText, normalizeLabel, stripHtml } from "./text";

/** One entry of a list typed inside a cell: its number ("1", "1.1", "a") when it has one. */
export interface ListItem {
  number: string | null;
  text: string;
}

const PHASE_NUMBER = /^(?:(?:fase|step|punto|n\.|n°|nr\.?)\s*(?:n\.|n°)?\s*)?(\d{1,3}(?:[.,]\d{1,3}){0,3})\s*[.):]?$/;
const PHASE_QUICK = /^\s*(?:\d|[fspn<])/i;
const PHASE_NUMBER_FROM_NUMBER = /^\d{1,3}(?:\.\d{1,3})?$/;

/** Drops leading zeros of each part: "01.02" → "1.2"; "1.10" stays "1.10". */
const canonicalPhase = (digits: string): string =>
  digits
    .split(/[.,]/)
    .map((part) => String(Number(part)))
    .join(".");

/**
 * The phase number in a cell: "1" → "1", "1.1." → "1.1", " 2.3" → "2.3", 2.1 (number) → "2.1",
 * "Fase 3" → "3". Anything else, Roman numerals included, → null.
 */
export function readPhaseNumber(value: CellValue): string | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    const s = String(value);
    return PHASE_NUMBER_FROM_NUMBER.test(s) ? s : null;
  }
  if (typeof value !== "string" || value.length > 40 || !PHASE_QUICK.test(value)) return null;
  const text = cellText(value);
  if (text === null) return null;
  const m = PHASE_NUMBER.exec(foldText(text));
  return m ? canonicalPhase(m[1] as string) : null;
}

// ---------------------------------------------------------------------------------------------

const LIST_TAG = /<(\/?)(ol|ul|li)\b[^>]*>/gi;
const STARTS_NUMBERED = /^\s*(?:<[^>]*>\s*)*\d{1,2}[.)]\s/;
const LINE_BREAK = /\r\n|\r|\n/;
const BULLET = /^[-–—•·▪◦●■*]\s*/;
const LINE_START_DOTTED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)/;
const LINE_START_NUMBER = /^(\d{1,2})[.)](?:\s+|(?=[^\d\s.,)]))(?=\S)/;
const LINE_START_LETTER = /^([a-zA-Z])\)\s*(?=\S)/;
const INLINE_MARKER = /(?<=\s)(?:(\d{1,2})[.)]|([a-z])\))(?=\s+\S)/g;
const PHASE_LABEL =
  /^(?:fasi(?: di attuazione| di realizzazione| operative| e tempi| dell'obiettivo| del progetto| previste)?|attivita(?: previste)?|azioni(?: previste)?|modalita di attuazione|step|articolazione(?: delle fasi)?)$/;
const INLINE_LABEL = /^fasi(?: di attuazione| di realizzazione| operative| previste)?\s*:\s*/i;
const TRAILING_PUNCT = /[\s;.,]+$/;
const ABBREVIATION_END = /(?:^|[\s(])(?:\p{L}{1,3}\.){2,}$/u;

const PLAIN_ASCII = /^[\x20-\x25\x27-\x3b\x3d-\x7e\t]*$/;
const PHASE_LABEL_START = /^[\s:;.,\-_]*(?:fasi|attivit|azioni|modalit|step|articolazione)/i;

/**
 * False only when `line` surely does not normalize to a PHASE_LABEL: plain ASCII text (no HTML,
 * no entity) whose first word is none of the label words. Saves normalizing every list line.
 */
function mayBePhaseLabel(line: string): boolean {
  return !PLAIN_ASCII.test(line) || PHASE_LABEL_START.test(line);
}

/** `<ol><li>` items numbered 1, 2, … and `<ul><li>` items bulleted, before the HTML goes. */
function numberHtmlLists(html: string): string {
  const stack: Array<{ ordered: boolean; count: number }> = [];
  return html.replace(LIST_TAG, (tag: string, close: string, name: string, offset: number, whole: string) => {
    const lower = name.toLowerCase();
    if (lower === "ol" || lower === "ul") {
      if (close) stack.pop();
      else stack.push({ ordered: lower === "ol", count: 0 });
      return "\n";
    }
    if (close) return "\n";
    const list = stack[stack.length - 1];
    if (!list) return "\n";
    list.count++;
    if (!list.ordered) return "\n- ";
    // Some converters keep the typed number inside the <li>: do not number it twice.
    return STARTS_NUMBERED.test(whole.slice(offset + tag.length, offset + tag.length + 40)) ? "\n" : `\n${list.count}. `;
  });
}

function cleanItem(text: string): string {
  let t = (SPACE_TO_FOLD.test(text) ? text.replace(/\s+/g, " ") : text).trim();
  // Only an item ending in ";", ".", "," or a space has anything to drop (an abbreviation ends with ".").
  if (!ENDS_PUNCT.test(t)) return t;
  if (!ABBREVIATION_END.test(t)) t = t.replace(TRAILING_PUNCT, "");
  else t = t.replace(/[\s;,]+$/, "");
  return t;
}

/** Whitespace that `\s+` → " " would change: a run, or any space other than " ". */
const SPACE_TO_FOLD = /\s\s|[^\S ]/;
const ENDS_PUNCT = /[\s;.,]$/;

interface Piece {
  number: string | null;
  text: string;
  marked: boolean;
}

interface Sequence {
  nextNumber: number;
  nextLetter: number;
}

/** Splits one line at its list markers, keeping only markers that continue the sequence. */
function splitLine(line: string, seq: Sequence): Piece[] {
  const pieces: Piece[] = [];
  let rest = line;
  let number: string | null = null;
  let marked = false;

  const bullet = BULLET.exec(rest);
  const dotted = bullet ? null : LINE_START_DOTTED.exec(rest);
  const numbered = bullet || dotted ? null : LINE_START_NUMBER.exec(rest);
  const lettered = bullet || dotted || numbered ? null : LINE_START_LETTER.exec(rest);
  if (bullet) {
    rest = rest.slice(bullet[0].length);
    marked = true;
  } else if (dotted) {
    number = (dotted[1] as string).split(".").map((p) => String(Number(p))).join(".");
    rest = rest.slice(dotted[0].length);
    marked = true;
  } else if (numbered) {
    const n = Number(numbered[1]);
    number = String(n);
    seq.nextNumber = n + 1;
    rest = rest.slice(numbered[0].length);
    marked = true;
  } else if (lettered) {
    const letter = (lettered[1] as string).toLowerCase();
    number = letter;
    seq.nextLetter = letter.charCodeAt(0) - 96 + 1;
    rest = rest.slice(lettered[0].length);
    marked = true;
  }

  // Inline markers "1. Foo 2. Bar": accepted only when they continue the sequence.
  const accepted: Array<{ at: number; end: number; number: string }> = [];
  let nextNumber = seq.nextNumber;
  let nextLetter = seq.nextLetter;
  INLINE_MARKER.lastIndex = 0;
  const padded = ` ${rest}`;
  for (let m = INLINE_MARKER.exec(padded); m !== null; m = INLINE_MARKER.exec(padded)) {
    if (m[1] !== undefined && Number(m[1]) === nextNumber) {
      accepted.push({ at: m.index - 1, end: m.index - 1 + m[0].length, number: String(nextNumber) });
      nextNumber++;
    } else if (m[2] !== undefined && m[2].charCodeAt(0) - 96 === nextLetter) {
      accepted.push({ at: m.index - 1, end: m.index - 1 + m[0].length, number: m[2] });
      nextLetter++;
    }
  }
  // A lone "1." inside prose ("vedi punto 1. sopra") is not a list.
  const continuing = accepted.length > 0 && (accepted[0]?.number !== "1" && accepted[0]?.number !== "a");
  const useInline = accepted.length >= 2 || continuing || (accepted.length === 1 && (marked || (accepted[0]?.at ?? 1) <= 0));
  if (!useInline) {
    pieces.push({ number, text: rest, marked });
    return pieces;
  }
  seq.nextNumber = nextNumber;
  seq.nextLetter = nextLetter;
  const head = rest.slice(0, Math.max(0, accepted[0]?.at ?? 0));
  // An unmarked lead-in ending with ":" ("Le fasi sono:") introduces the list.
  const headIsLabel = !marked && head.trim().endsWith(":");
  if ((head.trim() !== "" || marked) && !headIsLabel) pieces.push({ number, text: head, marked });
  accepted.forEach((a, i) => {
    const stop = accepted[i + 1]?.at ?? rest.length;
    pieces.push({ number: a.number, text: rest.slice(Math.max(0, a.end), stop), marked: true });
  });
  return pieces;
}

/**
 * The entries of a list typed inside one cell (phases under "Fasi di attuazione"): HTML
 * (`<p>`, `<ol><li>`), "1. Foo 2. Bar 3. Baz" on one line (only when the numbers ascend 1, 2, 3…,
 * so "art. 46 dpr 445/2000", "L. 190/2012", "€ 121.992,00" and "Investimento 1.4.1" stay whole),
 * "1) foo 2) bar", lines starting "-", "•", "·", "a)". A leading label line ("Fasi di
 * attuazione:") and everything before it is dropped. Items are trimmed and lose a trailing ";"
 * or "." (not the dot of an abbreviation such as "P.T.P.C."); bulleted items have number null.
 * A line starting in lower case after a numbered item continues it (a wrapped line).
 */
export function splitList(text: string): ListItem[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  const plain = text.includes("<") ? stripHtml(numberHtmlLists(text)) : text;
  let lines = plain
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== "");

  // Everything up to the last "Fasi di attuazione:" label line is description, not phases.
  let lastLabel = -1;
  lines.forEach((line, i) => {
    if (line.length <= 60 && mayBePhaseLabel(line) && PHASE_LABEL.test(normalizeLabel(line))) lastLabel = i;
  });
  if (lastLabel >= 0) lines = lines.slice(lastLabel + 1);
  lines = lines.map((line) => line.replace(INLINE_LABEL, ""));
  // A first short line ending with ":" introduces the list.
  if (lines.length > 1 && (lines[0] as string).endsWith(":") && (lines[0] as string).length <= 80) lines = lines.slice(1);

  const seq: Sequence = { nextNumber: 1, nextLetter: 1 };
  const items: Piece[] = [];
  for (const line of lines) {
    for (const piece of splitLine(line, seq)) {
      const prev = items[items.length - 1];
      const wrapped = !piece.marked && prev !== undefined && prev.number !== null && /^\p{Ll}/u.test(piece.text.trim());
      if (wrapped && prev) prev.text = `${prev.text} ${piece.text}`;
      else items.push(piece);
    }
  }
  const result: ListItem[] = [];
  for (const item of items) {
    const t = cleanItem(item.text);
    if (t !== "") result.push({ number: item.number, text: t });
  }
  return result;
}
