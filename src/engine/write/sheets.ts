import type { OwnedSheetKey, OwnershipRecord, SheetNaming, WriteMessage } from "./types";
import { isStateSheetName, METHODOLOGY_SHEET } from "./ownership";

/** The add-in's sheets in tab order (after the user's sheets), with their default names. */
export const OWNED_SHEETS: ReadonlyArray<{ key: OwnedSheetKey; name: string; table: string }> = [
  { key: "findings", name: "Verifica", table: "SO_Verifica" },
  { key: "scores", name: "Punteggi", table: "SO_Punteggi" },
  { key: "summary", name: "Riepilogo", table: "SO_Riepilogo" },
  { key: "report", name: "Relazione", table: "SO_Relazione" },
  { key: "objectives", name: "Obiettivi", table: "SO_Obiettivi" },
  { key: "phases", name: "Fasi", table: "SO_Fasi" },
  { key: "indicators", name: "Indicatori", table: "SO_Indicatori" },
  { key: "schedule", name: "Cronoprogramma", table: "SO_Cronoprogramma" },
  { key: "staff", name: "Personale", table: "SO_Personale" },
  { key: "methodology", name: METHODOLOGY_SHEET, table: "SO_Metodologia" },
];

/** Second table of the Punteggi sheet (scores per owner). */
export const OWNERS_TABLE = "SO_Responsabili";

/** Suffix given to an add-in sheet whose name a user sheet already has. */
export const RENAME_SUFFIX = "SO";

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/**
 * Names for the add-in's sheets. A name is free when no sheet has it (Excel compares names
 * ignoring case) or when the sheet holding it is the add-in's own (in the ownership record).
 * A name held by a user sheet becomes "Obiettivi (SO)", then "Obiettivi (SO 2)", … — the first
 * free one, so the same workbook always gives the same names. The Metodologia sheet is never
 * renamed: a user sheet with that name *is* the methodology (the reader takes its settings).
 */
export function resolveSheetNames(
  existing: readonly string[],
  record: OwnershipRecord | null,
): { names: SheetNaming[]; messages: WriteMessage[] } {
  const owned = new Set((record?.sheets ?? []).map((s) => s.toLowerCase()));
  const taken = new Set(existing.filter((n) => !owned.has(n.toLowerCase())).map((n) => n.toLowerCase()));
  const used = new Set<string>();
  const names: SheetNaming[] = [];
  const messages: WriteMessage[] = [];
  for (const { key, name } of OWNED_SHEETS) {
    if (key === "methodology") {
      const actual = existing.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name;
      names.push({ key, wanted: name, used: actual });
      used.add(actual.toLowerCase());
      continue;
    }
    let candidate = name;
    for (let i = 1; taken.has(candidate.toLowerCase()) || used.has(candidate.toLowerCase()) || isStateSheetName(candidate); i++) {
      const suffix = i === 1 ? ` (${RENAME_SUFFIX})` : ` (${RENAME_SUFFIX} ${i})`;
      candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    names.push({ key, wanted: name, used: candidate });
    if (candidate !== name) {
      messages.push({
        code: "sheet-renamed",
        severity: "info",
        sheet: candidate,
        message: `La cartella contiene già un foglio «${name}» dell'utente, che non viene toccato: il componente scrive le sue tabelle nel foglio «${candidate}».`,
      });
    }
  }
  return { names, messages };
}

/** The name used for a key. */
export function sheetNameOf(names: readonly SheetNaming[], key: OwnedSheetKey): string {
  const n = names.find((x) => x.key === key);
  if (!n) throw new Error(`No sheet name for ${key}`);
  return n.used;
}
