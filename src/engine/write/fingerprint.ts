/**
 * Fingerprints of the add-in's generated sheets: what the add-in wrote on each one, hashed cell
 * by cell in the normalisation a host's reader gives back (text as string, numbers as numbers to
 * 15 significant digits, booleans, dates as Excel serial numbers), so that the next analysis can
 * tell which cells a user typed into — and say so before the sheet is regenerated — without the
 * record storing the values.
 *
 * Encoding (`SheetFingerprint.rows`): one string per row from row 1 down, one token per column
 * from column A right, trailing "nothing written" tokens (and trailing empty rows) left out:
 * - "."   the add-in wrote nothing there: any value or formula found is the user's;
 * - "="   a formula: not compared (Excel may spell it differently), except that a typed value
 *         where the formula was (no formula found, a value) is the user's;
 * - "~"   a cell the add-in itself reads back and carries over (Verifica «Note dell'utente»,
 *         the Nucleo's «Valutazione Nucleo» / «Nota Nucleo» on Punteggi): never compared;
 * - three base64url characters: 18 bits of FNV-1a over the value (a changed value goes
 *   unnoticed once in 262,144).
 * A value cell read back with a formula in it is compared by its value (a host may write a link
 * as a formula). An emptied cell counts as changed too: the user deleted what the add-in wrote.
 */
import { columnToLetters } from "../cells/a1";
import { cellAt, formulaAt, snapshotBounds, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { isoToSerial as validIsoSerial } from "../values/date";
import { isoToSerial } from "./context";
import { USER_NOTE_HEADER } from "./findings";
import { SCORE_HEADERS } from "./scores";
import type { CellContent, OwnedSheet, OwnedSheetKey, OwnershipRecord, SheetFingerprint, WriteMessage } from "./types";
import { hostMessage } from "./reconcile/messages";

/** Version of the encoding and normalisation; fingerprints of another version are not compared. */
export const FINGERPRINT_VERSION = 1;

const NOTHING = ".";
const FORMULA = "=";
const READ_BACK = "~";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Table columns (by header) whose data cells the next run reads back and writes again. */
const READ_BACK_HEADERS: Partial<Record<OwnedSheetKey, readonly string[]>> = {
  findings: [USER_NOTE_HEADER],
  scores: [SCORE_HEADERS.override, SCORE_HEADERS.overrideNote],
};

/** How many addresses a message names before "…". */
export const NAMED_CELLS = 5;

/** The value as a host reads it back, normalised for hashing: null when there is nothing. */
function normalised(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value === "" ? null : `s${value.replace(/\r\n?/g, "\n")}`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `s${String(value)}`;
    const n = Number(value.toPrecision(15));
    return `n${String(n === 0 ? 0 : n)}`;
  }
  return `b${value ? 1 : 0}`;
}

/** 18 bits of FNV-1a over the text, as three base64url characters. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h = (h ^ (h >>> 18)) >>> 0;
  return (ALPHABET[h & 63] as string) + (ALPHABET[(h >>> 6) & 63] as string) + (ALPHABET[(h >>> 12) & 63] as string);
}

/** The token of what the add-in writes in a cell. */
function tokenOf(content: CellContent): string {
  switch (content.kind) {
    case "empty":
      return NOTHING;
    case "formula":
      return FORMULA;
    case "text":
      return content.text === "" ? NOTHING : digest(`s${content.text.replace(/\r\n?/g, "\n")}`);
    case "number":
    case "boolean":
      return tokenOfValue(content.value);
    case "date": {
      // A date a host could not write as a serial (an impossible day) is not compared.
      return validIsoSerial(content.iso) === null ? READ_BACK : tokenOfValue(isoToSerial(content.iso));
    }
  }
}

function tokenOfValue(value: CellValue): string {
  const n = normalised(value);
  return n === null ? NOTHING : digest(n);
}

/**
 * The fingerprint of an owned sheet as the plan writes it: tables (header row, data rows), then
 * the sheet's cells over them (hosts write them in that order).
 */
export function sheetFingerprint(sheet: OwnedSheet): SheetFingerprint {
  const grid = new Map<number, string[]>();
  const put = (row: number, col: number, token: string): void => {
    let line = grid.get(row);
    if (!line) grid.set(row, (line = []));
    line[col] = token;
  };
  const readBack = new Set(sheet.key ? (READ_BACK_HEADERS[sheet.key] ?? []) : []);
  for (const table of sheet.tables) {
    table.columns.forEach((c, i) => put(table.row, table.col + i, tokenOf({ kind: "text", text: c.header })));
    table.rows.forEach((row, r) =>
      row.forEach((content, i) => put(table.row + 1 + r, table.col + i, readBack.has(table.columns[i]?.header ?? "") ? READ_BACK : tokenOf(content))),
    );
  }
  for (const cell of sheet.cells) put(cell.row, cell.col, tokenOf(cell.content));
  const last = grid.size === 0 ? -1 : Math.max(...grid.keys());
  const rows: string[] = [];
  for (let r = 0; r <= last; r++) {
    const line = grid.get(r) ?? [];
    let end = line.length;
    while (end > 0 && (line[end - 1] ?? NOTHING) === NOTHING) end--;
    let text = "";
    for (let c = 0; c < end; c++) text += line[c] ?? NOTHING;
    rows.push(text);
  }
  while (rows.length > 0 && rows[rows.length - 1] === "") rows.pop();
  return { version: FINGERPRINT_VERSION, rows };
}

/** One row's tokens, by column. */
function tokens(row: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < row.length; ) {
    const ch = row[i] as string;
    if (ch === NOTHING || ch === FORMULA || ch === READ_BACK) {
      out.push(ch);
      i += 1;
    } else {
      out.push(row.slice(i, i + 3));
      i += 3;
    }
  }
  return out;
}

/** The cells of the sheet as read that differ from what the add-in wrote: the first addresses and how many. */
export function changedCells(snapshot: SheetSnapshot, fingerprint: SheetFingerprint, limit = NAMED_CELLS): { cells: string[]; count: number } {
  const cells: string[] = [];
  let count = 0;
  const found = (row: number, col: number, n = 1): void => {
    count += n;
    if (cells.length < limit) cells.push(`${columnToLetters(col)}${row + 1}`);
  };
  const b = snapshotBounds(snapshot);
  // A sheet read without its formulas (a host that has none to give) cannot tell a typed value from a formula's.
  const formulasKnown = snapshot.formulas !== undefined;
  const lastRow = Math.max(fingerprint.rows.length - 1, b.bottom);
  for (let row = 0; row <= lastRow; row++) {
    const line = tokens(fingerprint.rows[row] ?? "");
    const inSnapshot = row >= b.top && row <= b.bottom;
    const lastCol = Math.max(line.length - 1, inSnapshot ? b.right : -1);
    for (let col = 0; col <= lastCol; col++) {
      const token = line[col] ?? NOTHING;
      if (token === READ_BACK) continue;
      const value = inSnapshot ? cellAt(snapshot, row, col) : null;
      const formula = inSnapshot ? formulaAt(snapshot, row, col) : null;
      const now = normalised(value);
      if (token === NOTHING) {
        if (now !== null || formula !== null) found(row, col);
      } else if (token === FORMULA) {
        if (formulasKnown && formula === null && now !== null) found(row, col);
      } else if (now === null || digest(now) !== token) found(row, col);
    }
  }
  // Values far from the rest that the host left out of the grid are the user's too.
  for (const area of snapshot.outside ?? []) found(area.top, area.left, area.cells);
  return { cells, count };
}

/**
 * Warnings for the add-in's sheets the user edited since the add-in wrote them, which this write
 * replaces (or removes): one per sheet, naming the first cells changed and how many. A sheet the
 * plan keeps (Metodologia) is not replaced, and is not named.
 */
export function editedSheetMessages(record: OwnershipRecord | null, snapshots: readonly SheetSnapshot[], planned: readonly OwnedSheet[]): WriteMessage[] {
  const fingerprints = record?.fingerprints;
  if (!record || !fingerprints) return [];
  const byName = new Map(Object.entries(fingerprints).map(([name, fp]) => [name.toLowerCase(), fp]));
  const plannedByName = new Map(planned.map((s) => [s.name.toLowerCase(), s]));
  const out: WriteMessage[] = [];
  for (const name of record.sheets) {
    const key = name.toLowerCase();
    const fingerprint = byName.get(key);
    if (!fingerprint || fingerprint.version !== FINGERPRINT_VERSION) continue;
    const next = plannedByName.get(key);
    if (next?.keepIfExists) continue;
    const snapshot = snapshots.find((s) => s.name.toLowerCase() === key);
    if (!snapshot) continue;
    const changed = changedCells(snapshot, fingerprint);
    if (changed.count === 0) continue;
    out.push(
      hostMessage("generated-sheet-edited", {
        sheet: snapshot.name,
        cells: changed.cells.join(", ") + (changed.count > changed.cells.length ? ", …" : ""),
        count: changed.count,
        regenerated: next !== undefined,
      }),
    );
  }
  return out;
}
