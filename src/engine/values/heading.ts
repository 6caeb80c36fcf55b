import { cellText, foldText } from "./text";

/** What a card heading such as "1. OBIETTIVO DI MIGLIORAMENTO 2024" says. */
export interface ObjectiveHeading {
  number: string | null;
  kind: string | null;
  year: number | null;
  intersectoral: boolean;
}

const KINDS = "miglioramento|innovativo|innovazione|gestione|gestionale|mantenimento|sviluppo|strategico|operativo|intersettoriale|trasversale";
const KIND_CANONICAL: Readonly<Record<string, string>> = { innovazione: "innovativo", gestionale: "gestione", trasversale: "intersettoriale" };

// On folded text: lower case, no accents, single spaces. "OBBIETTIVO" is a common typo.
const HEADING = new RegExp(
  "^(?:(\\d{1,3})\\s*[.)\\-–]?\\s*)?ob+iettivo" +
    `(?:\\s+(?:di|del|della)?\\s*(${KINDS}))?` +
    `(?:\\s*(?:e|ed|/|-)\\s*(?:di\\s+)?(?:${KINDS}))?` +
    `(?:\\s*[-–]?\\s*(intersettoriale|trasversale))?` +
    "(?:\\s*[-–,]?\\s*(?:anno\\s+)?((?:19|20|21)\\d{2})(?:\\s*[-/]\\s*\\d{2,4})?)?" +
    "(?:\\s*[-–]?\\s*(intersettoriale|trasversale))?[\\s:;.,]*$",
);
// A heading starts with its number or with the word itself: most cells fail here at once.
const QUICK_CHECK = /^\s*(?:<[^>]*>\s*)*(?:\d{1,3}\s*[.)\-–]?\s*)?ob+iettiv/i;

/**
 * Reads a card heading: "1. OBIETTIVO DI MIGLIORAMENTO 2024" → number "1", kind
 * "miglioramento", year 2024; "6. OBIETTIVO DI GESTIONE 2024 INTERSETTORIALE" → intersectoral;
 * the typo "OBBIETTIVO" is accepted. A heading needs a number or a year, so labels such as
 * "Obiettivo Strategico" or "Obiettivo: Descrizione Sintetica" give null.
 */
export function readObjectiveHeading(text: string): ObjectiveHeading | null {
  if (typeof text !== "string" || text.length > 200 || !QUICK_CHECK.test(text)) return null;
  const m = HEADING.exec(foldText(cellText(text) ?? ""));
  if (!m) return null;
  const number = m[1] ?? null;
  const year = m[4] ? Number(m[4]) : null;
  if (number === null && year === null) return null;
  const rawKind = m[2] ?? null;
  const kind = rawKind === null ? null : (KIND_CANONICAL[rawKind] ?? rawKind);
  const intersectoral = kind === "intersettoriale" || m[3] !== undefined || m[5] !== undefined;
  return { number: number === null ? null : String(Number(number)), kind, year, intersectoral };
}
