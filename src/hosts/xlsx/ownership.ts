/**
 * The ExcelJS side of ownership: the very hidden SO_Stato sheet that holds the record, and how
 * a cell's fill and note are saved and put back. ExcelJS shares one style object between the
 * cells that had the same style in the file, so a fill is never assigned in place: every change
 * gives the cell a fresh style object, or the neighbours would change colour too.
 */
import type * as ExcelJS from "exceljs";
import { decodeOwnershipRecord, verifyOwnershipRecord, verifiedStateSnapshot, type OwnershipState, type SheetIdentity, STATE_SHEET, type SheetSnapshot } from "../../engine";
import { worksheetToSnapshot } from "./read";

/**
 * The cell at a 1-based row and column. (Through getRow: the Office lint rules take any
 * `getCell` result for an Office.js proxy that needs load/sync.)
 */
export function sheetCell(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getRow(row).getCell(col);
}

/**
 * Every cell ExcelJS holds on a sheet, row by row, skipping the gaps: `eachRow({ includeEmpty })`
 * would create a row object for every row up to the last one (two million for a stray cell far
 * down), and without `includeEmpty` it skips rows and cells that hold only a note or a style.
 */
export function eachStoredCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell, row: number, col: number) => void): void {
  const rows = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows ?? [];
  for (const row of rows) {
    if (!row) continue;
    const cells = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells ?? [];
    cells.forEach((cell, i) => {
      if (cell) visit(cell, row.number, i + 1);
    });
  }
}

/** What ExcelJS keeps on a worksheet beyond its typings. */
interface WorksheetInternals {
  tables?: Record<string, unknown>;
  sheetProtection?: { sheet?: boolean } | null;
}

/** Names of the tables on a sheet. */
export function tableNames(ws: ExcelJS.Worksheet): string[] {
  return Object.keys((ws as unknown as WorksheetInternals).tables ?? {});
}

/** True for a protected sheet (the user asked that its cells not change). */
export function isProtected(ws: ExcelJS.Worksheet): boolean {
  return Boolean((ws as unknown as WorksheetInternals).sheetProtection?.sheet);
}

/** The state sheet, matched ignoring case like Excel does. */
export function findStateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === STATE_SHEET.toLowerCase());
}

/** Column A of the state sheet, top down, to the first empty cell. */
export function stateChunks(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = sheetCell(ws, r, 1).value;
    if (typeof v !== "string" || v === "") break;
    out.push(v);
  }
  return out;
}

/** Each sheet's identity for verifyOwnershipRecord: its name, its tables, its A1. */
function sheetIdentities(wb: ExcelJS.Workbook): SheetIdentity[] {
  return wb.worksheets.map((s) => ({ name: s.name, tables: tableNames(s), a1: s.findCell(1, 1)?.value ?? null }));
}

/**
 * The record on SO_Stato, verified against the workbook (verifyOwnershipRecord: a recorded
 * sheet is the add-in's only while it holds one of the recorded tables), with the recorded
 * sheets no longer owned. (Whether a visible SO_Stato is the user's is the write path's
 * decision: src/engine/write/reconcile stateSheetTaken.)
 */
export function readState(wb: ExcelJS.Workbook): OwnershipState & { lost?: string[] } {
  const ws = findStateSheet(wb);
  if (!ws) return { status: "absent", record: null };
  const state = decodeOwnershipRecord(stateChunks(ws));
  if (state.status !== "ok") return state;
  const verified = verifyOwnershipRecord(state.record, sheetIdentities(wb));
  return { status: "ok", record: verified.record, lost: verified.lost };
}

/**
 * The snapshot of SO_Stato, for the engine: `readWorkbookSnapshots` leaves the state sheet out
 * (it is not user data), but buildWritePlan needs the record to tell the add-in's earlier sheets
 * and cells from the user's.
 */
export function stateSnapshot(wb: ExcelJS.Workbook): SheetSnapshot | null {
  const ws = findStateSheet(wb);
  if (!ws || ws.state !== "veryHidden") return null;
  return verifiedStateSnapshot(worksheetToSnapshot(ws), sheetIdentities(wb));
}

// ---------------------------------------------------------------------------------------------
// Fills and notes.

/** A fill as the record stores it: the ExcelJS model as JSON ("{…}"), or null for none. */
export function fillToRecord(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill) return null;
  if (fill.type === "pattern" && fill.pattern === "none" && !fill.fgColor && !fill.bgColor) return null;
  return JSON.stringify(fill);
}

/** A recorded fill back to ExcelJS: JSON from this host, "#RRGGBB" from the Office.js host. */
export function fillFromRecord(text: string | null): ExcelJS.Fill | undefined {
  if (text === null) return undefined;
  if (text.startsWith("#")) return solidFill(text);
  try {
    return JSON.parse(text) as ExcelJS.Fill;
  } catch {
    return undefined;
  }
}

/** "#FFC7CE" → a solid pattern fill. */
export function solidFill(hex: string): ExcelJS.Fill {
  const argb = `FF${hex.replace(/^#/, "").toUpperCase()}`;
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** Same fill (both absent, or the same model). */
export function sameFill(a: ExcelJS.Fill | undefined, b: ExcelJS.Fill | undefined): boolean {
  return fillToRecord(a) === fillToRecord(b);
}

/** Gives the cell `fill` (undefined: none) through a fresh style object. */
export function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

type NoteModel = string | ExcelJS.Comment;

/** The plain text of a note (the runs joined), or null for none. */
export function noteText(note: NoteModel | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: Array<{ text?: string }> }).texts ?? [];
  return texts.map((t) => t.text ?? "").join("");
}

/** The note as JSON for an exact restore by this host, or null for none. */
export function noteModelToRecord(note: NoteModel | undefined): string | null {
  if (note === undefined || note === null) return null;
  return JSON.stringify(note);
}

interface CellInternals {
  _comment?: unknown;
  _value?: { model?: { comment?: unknown } };
}

/** Puts a recorded note back (JSON model; plain text from the other host); null removes the note. */
export function restoreNote(cell: ExcelJS.Cell, model: string | null, text: string | null): void {
  if (model !== null) {
    try {
      cell.note = JSON.parse(model) as NoteModel;
      return;
    } catch {
      // Fall back to the text below.
    }
  }
  if (text !== null) cell.note = text;
  else removeNote(cell);
}

/**
 * ExcelJS has no API to delete a note. A cell without `_comment` has none in memory, but a cell
 * read from a file also keeps the note in its value's model, and that copy is written back on
 * save: both go.
 */
export function removeNote(cell: ExcelJS.Cell): void {
  const internals = cell as unknown as CellInternals;
  internals._comment = undefined;
  if (internals._value?.model && "comment" in internals._value.model) delete internals._value.model.comment;
}
