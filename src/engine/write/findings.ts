import { parseRangeA1, quoteSheetName } from "../cells/a1";
import type { Finding, Severity } from "../model/finding";
import { OWNED_SHEET_MARKER } from "./ownership";
import { formulaCell, numberCell, textCell } from "./escape";
import { FORMATS, TableLayout, ownedSheet, sheetHeading, widthsOf, type ColumnDef } from "./layout";
import { OWNED_SHEETS } from "./sheets";
import type { CellContent, CellWrite, OwnedSheet, TableSpec, WriteMessage } from "./types";
import type { SheetSnapshot } from "../model/snapshot";

/** Header of the column where people write their own notes on a finding (carried over each run). */
export const USER_NOTE_HEADER = "Note dell'utente";

export const FINDING_COLUMNS = [
  { key: "n", header: "N.", numberFormat: FORMATS.integer, width: 6 },
  { key: "severity", header: "Gravità", width: 12 },
  { key: "message", header: "Messaggio", width: 90 },
  { key: "sheet", header: "Foglio", width: 24 },
  { key: "cell", header: "Cella", width: 12 },
  { key: "objective", header: "Obiettivo", width: 28 },
  { key: "structure", header: "Struttura", width: 26 },
  { key: "rule", header: "Regola", width: 26 },
  { key: "userNote", header: USER_NOTE_HEADER, width: 40 },
] as const satisfies readonly ColumnDef<string>[];
type FindingKey = (typeof FINDING_COLUMNS)[number]["key"];

export const SEVERITY_NAMES: Record<Severity, string> = { error: "Errore", warning: "Avviso", info: "Informazione" };

const COUNT_COLUMNS = [
  { key: "severity", header: "Gravità", width: 14 },
  { key: "count", header: "Quanti", numberFormat: FORMATS.integer, width: 8 },
] as const satisfies readonly ColumnDef<string>[];

/**
 * Verifica: every finding (errors first, in the rules' order), its message, and a link to its
 * cells; beside it the count per severity (COUNTIF over the table, so it follows a filter-free
 * edit of the Gravità column).
 */
export function findingsSheet(
  sheet: string,
  findings: readonly Finding[],
  existingSheets: ReadonlySet<string>,
  notes: ReadonlyMap<string, string> = new Map(),
): OwnedSheet {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => order[a.f.severity] - order[b.f.severity] || a.i - b.i);
  const layout = new TableLayout(sheet, OWNED_SHEETS.find((s) => s.key === "findings")?.table ?? "SO_Verifica", FINDING_COLUMNS, sorted.length);
  const links: NonNullable<TableSpec["links"]> = [];
  const rows = sorted.map(({ f }, i): Partial<Record<FindingKey, CellContent>> => {
    if (existingSheets.has(f.at.sheet) && parseRangeA1(f.at.range)) {
      links.push({ row: i, col: layout.col("cell") - layout.left, target: `${quoteSheetName(f.at.sheet)}!${f.at.range}` });
    }
    return {
      n: numberCell(i + 1),
      severity: textCell(SEVERITY_NAMES[f.severity]),
      message: textCell(f.message),
      sheet: textCell(f.at.sheet),
      cell: textCell(f.at.range),
      objective: textCell(f.objectiveId ?? null),
      structure: textCell(f.structure ?? null),
      rule: textCell(f.ruleId),
      userNote: textCell(notes.get(findingKey(f.at.sheet, f.at.range, f.objectiveId ?? null, f.ruleId)) ?? null),
    };
  });
  const counts = new TableLayout(sheet, "SO_Verifica_Conteggi", COUNT_COLUMNS, 3, FINDING_COLUMNS.length + 1);
  const countRows = (["error", "warning", "info"] as const).map((sev, i) => ({
    severity: textCell(SEVERITY_NAMES[sev]),
    count: formulaCell(`COUNTIF(${layout.range("severity")},${counts.cell("severity", i)})`, findings.filter((f) => f.severity === sev).length),
  }));
  const cells: CellWrite[] = sheetHeading(
    sheet,
    `${OWNED_SHEET_MARKER} Verifica`,
    findings.length === 0
      ? "Nessun problema trovato nelle schede."
      : "Problemi trovati nelle schede: la cella «Cella» porta al punto da correggere. Le celle segnalate sono colorate sulle schede, con una nota.",
  );
  return ownedSheet("findings", sheet, [layout.spec(rows, links), counts.spec(countRows)], cells, widthsOf(layout, counts));
}

/** A finding's identity across runs: where it is, which objective, which rule (the message may change). */
function findingKey(sheet: string | null, cell: string | null, objective: string | null, rule: string | null): string {
  return JSON.stringify([sheet ?? "", cell ?? "", objective ?? "", rule ?? ""]);
}

/**
 * The notes people wrote in the «Note dell'utente» column of the previous Verifica sheet, by
 * finding identity, so the new sheet carries them over; a note whose finding is gone is returned
 * in `orphans` (with where it was), for a message: nothing typed there vanishes without a word.
 */
export function previousFindingNotes(previous: SheetSnapshot | null): { notes: Map<string, string>; orphans: Array<{ key: string; text: string; where: string }> } {
  const notes = new Map<string, string>();
  const orphans: Array<{ key: string; text: string; where: string }> = [];
  if (!previous) return { notes, orphans };
  const headerIndex = previous.cells.findIndex((row) => row.includes(USER_NOTE_HEADER) && row.includes("Regola"));
  if (headerIndex < 0) return { notes, orphans };
  const header = previous.cells[headerIndex] ?? [];
  const at = (name: string): number => header.indexOf(name);
  const [sheetCol, cellCol, objectiveCol, ruleCol, noteCol, messageCol] = ["Foglio", "Cella", "Obiettivo", "Regola", USER_NOTE_HEADER, "Messaggio"].map(at) as [number, number, number, number, number, number];
  const text = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
  for (const row of previous.cells.slice(headerIndex + 1)) {
    const note = text(row[noteCol]);
    if (note === null) continue;
    const key = findingKey(text(row[sheetCol]), text(row[cellCol]), text(row[objectiveCol]), text(row[ruleCol]));
    notes.set(key, notes.has(key) ? `${notes.get(key)}\n${note}` : note);
    const where = [text(row[sheetCol]), text(row[cellCol])].filter((x) => x !== null).join(" ");
    orphans.push({ key, text: note, where: where || (text(row[messageCol]) ?? "").slice(0, 60) });
  }
  return { notes, orphans };
}

/** Messages for the notes whose finding is no longer there (the problem was solved). */
export function orphanNoteMessages(sheet: string, findings: readonly Finding[], orphans: ReadonlyArray<{ key: string; text: string; where: string }>): WriteMessage[] {
  const present = new Set(findings.map((f) => findingKey(f.at.sheet, f.at.range, f.objectiveId ?? null, f.ruleId)));
  return orphans
    .filter((o) => !present.has(o.key))
    .map((o) => ({
      code: "user-note-dropped" as const,
      severity: "warning" as const,
      sheet,
      message: `La nota «${o.text}» scritta nel foglio «${sheet}» accanto al problema di ${o.where || "una scheda"} non è più riportata: il problema non c'è più. Una copia di sicurezza la conserva.`,
    }));
}
