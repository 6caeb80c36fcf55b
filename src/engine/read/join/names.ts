/**
 * Names compared the way people write them: objective titles, structures and persons. Each
 * function turns a name into a key (a set of word stems, with the words that carry no meaning
 * removed) and compares keys with one measure, the share of the smaller key found in the larger
 * one: a truncated title, a surname alone or a structure without its sub-service still match
 * the fuller form. These are the only notions of "same name" the reader has.
 */
import { normalizeLabel } from "../../values";

/** Length of the stem a word is cut to: "servizio"/"servizi", "pubblica"/"pubbliche" agree. */
const STEM = 6;

function stems(text: string, minLength: number, drop: ReadonlySet<string>): string[] {
  return normalizeLabel(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= minLength && !drop.has(w))
    .map((w) => (/^\d+$/.test(w) ? w : w.slice(0, STEM)));
}

/**
 * Share of the smaller set found in the other (0…1); 0 when either is empty. A word cut short
 * (a title truncated by a narrow column: "demog") counts when it starts a word of the other set.
 */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) {
    if (large.has(w)) shared += 1;
    else if (w.length >= MIN_TRUNCATED && w.length < STEM && !/^\d+$/.test(w)) {
      for (const x of large) {
        if (x.startsWith(w)) {
          shared += 1;
          break;
        }
      }
    }
  }
  return shared / small.size;
}

/**
 * True when two keys could be alike at all (a word in common, or a cut-off one): a cheap test
 * before a similarity, consistent with it (keySimilarity is 0 when this is false).
 */
export function sharesWord(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === 0 || b.size === 0 || overlap(a, b) > 0;
}

/** Shortest cut-off word that still counts as the start of a longer one. */
const MIN_TRUNCATED = 4;

/** Numbers in two keys must agree: "Settore 1" is not "Settore 2", "Obiettivo 2024" may drop the year. */
function numbersClash(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const na = [...a].filter((w) => /^\d+$/.test(w) && w.length < 4);
  const nb = [...b].filter((w) => /^\d+$/.test(w) && w.length < 4);
  if (na.length === 0 || nb.length === 0) return false;
  return !na.some((n) => nb.includes(n));
}

// ---------------------------------------------------------------------------------------------
// Titles

/**
 * What a card or table adds around an objective's title: "Obiettivo n. 3 –", "Ob. 3:", "3)" in
 * front; "(MAX 20 PUNTI)", "(20%)", "(peso 20)", "- 20 punti" behind.
 */
const TITLE_PREFIX = /^\s*(?:(?:obiettivo|ob\.?|obj\.?)\s*(?:n\.?|n°|nr\.?|numero)?\s*\d+(?:\.\d+)*|\d+(?:\.\d+)*\s*[.)])\s*[-–—:.)]?\s*/i;
const TITLE_SUFFIX = /\s*[-–—]?\s*[([]?\s*(?:max\.?\s*|massimo\s*|peso\s*:?\s*)?\d+(?:[.,]\d+)?\s*(?:punti|pt\.?|%|percento)\s*[)\]]?\s*\.?$|\s*\(\s*(?:peso\s*:?\s*)\d+(?:[.,]\d+)?\s*\)\s*$/i;

/** The title without the numbering and weight people type around it. */
export function cleanTitle(title: string): string {
  let t = title.replace(/\s+/g, " ").trim();
  for (let i = 0; i < 2; i++) {
    const before = t;
    t = t.replace(TITLE_PREFIX, "").replace(TITLE_SUFFIX, "").trim();
    if (t === before) break;
  }
  return t === "" ? title.trim() : t;
}

/** Words of four letters or more, cut to their stem, of the cleaned title. */
export function titleKey(title: string): Set<string> {
  return new Set(stems(cleanTitle(title), 4, NO_WORDS));
}

/** How alike two titles are (0…1), after cleaning (see cleanTitle). */
export function titleSimilarity(a: string, b: string): number {
  return keySimilarity(titleKey(a), titleKey(b));
}

/** Similarity of two keys made by titleKey / structureKey / personKey (0…1). */
export function keySimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (numbersClash(a, b)) return 0;
  return overlap(a, b);
}

const NO_WORDS: ReadonlySet<string> = new Set();

// ---------------------------------------------------------------------------------------------
// Structures

/**
 * Words that say what kind of unit a name is, not which one: "Servizio per la Gestione del
 * Territorio" and "Settore Gestione Territorio" are the same unit.
 */
const STRUCTURE_GENERIC = new Set([
  "servizio", "servizi", "settore", "settori", "area", "aree", "ufficio", "uffici", "struttura", "strutture",
  "centro", "responsabilita", "unita", "organizzativa", "operativa", "u", "o", "uo", "sezione", "reparto",
  "per", "di", "del", "della", "dello", "dei", "degli", "delle", "e", "ed", "la", "il", "lo", "le", "gli", "i",
  "al", "alla", "ai", "alle", "a", "in",
]);

/** The key of a structure name: its distinctive word stems and numbers (see STRUCTURE_GENERIC). */
export function structureKey(name: string): Set<string> {
  return memo(structureKeys, name, () => new Set(stems(name, 1, STRUCTURE_GENERIC)));
}

/**
 * Keys of the names seen lately: merging structures compares every pair of a plan's names, so
 * each is cut into words once. Bounded, since names come from user workbooks.
 */
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

const MEMO_LIMIT = 20_000;
const structureKeys = new Map<string, Set<string>>();
const personKeys = new Map<string, string[]>();

/**
 * How alike two structure names are (0…1). "Servizi per il Territorio – Opere Pubbliche" is
 * the "Servizio per il Territorio" of a summary table (the sub-service after the dash adds words,
 * it does not change the unit), "Amministrativo" is "Servizio Amministrativo"; "Settore 1" is not
 * "Settore 2".
 */
export function structureSimilarity(a: string, b: string): number {
  const ka = structureKey(a);
  const kb = structureKey(b);
  if (ka.size === 0 || kb.size === 0) return normalizeLabel(a) === normalizeLabel(b) ? 1 : 0;
  // The numbers that identify a unit are those of its main name: "Servizi Tributi 11 – Sede 1"
  // is unit 11, not unit 1.
  if (numbersClash(structureKey(mainName(a)), structureKey(mainName(b)))) return 0;
  return overlap(ka, kb);
}

/** The name before a sub-service (" – Opere Pubbliche"; a hyphen inside a word does not cut). */
function mainName(name: string): string {
  const cut = /\s[-–—]\s/.exec(name);
  return cut ? name.slice(0, cut.index) : name;
}

// ---------------------------------------------------------------------------------------------
// Persons

/** Titles and honorifics written before a name. */
const PERSON_TITLES = new Set([
  "arch", "architetto", "dott", "dottssa", "dottoressa", "dottore", "dr", "dssa", "ing", "ingegnere", "avv", "avvocato",
  "geom", "geometra", "rag", "ragioniere", "sig", "sigra", "signor", "signora", "prof", "profssa", "per", "ind",
]);

/** The words of a person's name, titles removed ("Arch. Rossi Mario" → rossi, mario). */
export function personWords(name: string): string[] {
  return memo(personKeys, name, () => splitPerson(name));
}

function splitPerson(name: string): string[] {
  return normalizeLabel(name)
    .replace(/\b(dott|prof)\.?\s*ssa\b/g, "$1ssa")
    .replace(/\bsig\.?\s*ra\b/g, "sigra")
    .replace(/\bd\.\s*ssa\b/g, "dssa")
    .split(/[^a-z']+/)
    .map((w) => w.replace(/'/g, ""))
    .filter((w) => w.length > 0 && !PERSON_TITLES.has(w));
}

/**
 * How alike two persons' names are (0…1), in any order: 1 for the same words, SHORT_NAME for a
 * name that is part of the other (the surname alone, "M. Rallo" for "Michele Rallo"), 0 otherwise.
 */
export function personSimilarity(a: string, b: string): number {
  const wa = personWords(a);
  const wb = personWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const full = (w: string): boolean => w.length > 1;
  const sa = new Set(wa.filter(full));
  const sb = new Set(wb.filter(full));
  if (sa.size === sb.size && [...sa].every((w) => sb.has(w))) return 1;
  const [small, large, smallAll] = sa.size <= sb.size ? [sa, sb, wa] : [sb, sa, wb];
  if (small.size === 0 || ![...small].every((w) => large.has(w))) return 0;
  // Initials of the shorter name must be the initials of words of the longer one.
  const initials = smallAll.filter((w) => w.length === 1);
  const rest = [...large].filter((w) => !small.has(w));
  if (!initials.every((i) => rest.some((w) => w.startsWith(i)))) return 0;
  return SHORT_NAME;
}

/** The similarity of a name written in short (a surname, initials) to the full one. */
export const SHORT_NAME = 0.85;

/** Of two spellings of one person, the one to keep: more words, then more letters, then the first. */
export function fullerName(a: string, b: string): string {
  const wa = personWords(a);
  const wb = personWords(b);
  if (wb.length !== wa.length) return wb.length > wa.length ? b : a;
  const la = wa.join("").length;
  const lb = wb.join("").length;
  return lb > la ? b : a;
}
