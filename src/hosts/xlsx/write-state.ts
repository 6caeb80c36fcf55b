/**
 * The ExcelJS host's side of reconcile: reads the WriteState the engine asks for
 * (src/engine/write/reconcile/needs.ts) from a loaded workbook. It reads; it decides nothing.
 */
import type * as ExcelJS from "exceljs";
import { decodeOwnershipRecord, readOverrides, type OwnershipRecord, type CellNow, type FillNow, type NoteNow, type SheetInfo, type StateNeeds, type WriteState, cellKey, tokenColor } from "../../engine";
import { eachStoredCell, fillToRecord, findStateSheet, stateChunks, isProtected, noteModelToRecord, noteText, sheetCell, tableNames } from "./ownership";
import { worksheetToSnapshot } from "./read";

/** ExcelJS's ValueType.Null (the enum is not reachable through a type-only import). */
const NULL_TYPE = 0;
const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

const VISIBILITY: Record<string, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(name) ?? wb.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/** Every sheet, in tab order, with its visibility, protection and tables. */
export function sheetInfos(wb: ExcelJS.Workbook): Map<string, SheetInfo> {
  const out = new Map<string, SheetInfo>();
  for (const ws of wb.worksheets) {
    out.set(ws.name.toLowerCase(), { name: ws.name, visibility: VISIBILITY[ws.state] ?? "Visible", protected: isProtected(ws), tables: tableNames(ws), empty: ws.actualRowCount === 0 });
  }
  return out;
}

/** The record on SO_Stato as it is (verified by the engine), and the rows it takes. */
export function readRecord(wb: ExcelJS.Workbook): Pick<WriteState, "recordStatus" | "record" | "recordRows"> {
  const ws = findStateSheet(wb);
  if (!ws) return { recordStatus: "absent", record: null, recordRows: 0 };
  const decoded = decodeOwnershipRecord(stateChunks(ws));
  return { recordStatus: decoded.status, record: decoded.record as OwnershipRecord | null, recordRows: ws.rowCount };
}

/** A cell's value as Office.js would give it (dates as serial numbers), and its formula with "=". */
export function cellNow(cell: ExcelJS.Cell): CellNow {
  const v = cell.value;
  const merged = cell.isMerged;
  if (v === null || v === undefined) return { value: null, formula: null, merged };
  if (v instanceof Date) return { value: v.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL, formula: null, merged };
  if (typeof v === "object" && "error" in v) return { value: String(v.error), formula: null, merged };
  if (typeof v === "object") {
    const formula = "formula" in v && typeof v.formula === "string" ? `=${v.formula}` : "sharedFormula" in v ? "=" : null;
    const result = "result" in v ? v.result : "text" in v ? v.text : "richText" in v ? v.richText.map((r) => r.text).join("") : null;
    return { value: typeof result === "object" ? null : (result ?? null), formula, merged };
  }
  return { value: v, formula: null, merged };
}

/** The state as this host builds it: maps it can add later reads to. */
export type FileWriteState = WriteState & Reads;

/** Reads what `needs` asks for. */
export function readWriteState(
  wb: ExcelJS.Workbook,
  needs: StateNeeds,
  sheets: Map<string, SheetInfo>,
  record: Pick<WriteState, "recordStatus" | "record" | "recordRows">,
): FileWriteState {
  const fills = new Map<string, FillNow>();
  const notes = new Map<string, NoteNow | null>();
  const cells = new Map<string, CellNow>();
  const noteIndex = new Map<string, Map<string, Array<{ row: number; col: number }>>>();
  addReads(wb, needs, { fills, notes, cells, noteIndex });
  const state: FileWriteState = {
    sheets,
    tables: new Set([...sheets.values()].flatMap((s) => s.tables ?? []).map((t) => t.toLowerCase())),
    ...record,
    structureProtected: false,
    fills,
    notes,
    comments: [],
    cells,
    noteIndex,
  };
  if (needs.overridesSheet !== undefined) {
    const ws = findSheet(wb, needs.overridesSheet);
    if (ws) state.scoreOverrides = readOverrides([worksheetToSnapshot(ws)]).length;
  }
  return state;
}

export interface Reads {
  fills: Map<string, FillNow>;
  notes: Map<string, NoteNow | null>;
  cells: Map<string, CellNow>;
  noteIndex: Map<string, Map<string, Array<{ row: number; col: number }>>>;
}

/** Adds the reads of `needs` to a state read before (the flags found elsewhere, say). */
export function addReads(wb: ExcelJS.Workbook, needs: StateNeeds, into: Reads): void {
  for (const r of needs.fillRanges) {
    const ws = findSheet(wb, r.sheet);
    if (!ws) continue;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = sheetCell(ws, row + 1, col + 1);
        const token = fillToRecord(cell.fill);
        const empty = cell.type === NULL_TYPE;
        into.fills.set(cellKey(r.sheet, row, col), { color: tokenColor(token), token, empty, ...(empty ? { style: JSON.stringify(cell.style ?? {}) } : {}) });
      }
    }
  }
  for (const c of needs.noteCells) {
    const ws = findSheet(wb, c.sheet);
    if (!ws) continue;
    const note = sheetCell(ws, c.row + 1, c.col + 1).note;
    const text = noteText(note);
    const model = noteModelToRecord(note);
    into.notes.set(cellKey(c.sheet, c.row, c.col), text === null ? null : { text, ...(model !== null ? { model } : {}) });
  }
  for (const c of needs.cells) {
    const ws = findSheet(wb, c.sheet);
    if (ws) into.cells.set(cellKey(c.sheet, c.row, c.col), cellNow(sheetCell(ws, c.row + 1, c.col + 1)));
  }
  for (const name of needs.noteSheets) {
    const ws = findSheet(wb, name);
    if (ws && !into.noteIndex.has(name.toLowerCase())) into.noteIndex.set(name.toLowerCase(), notesIndex(ws));
  }
}

/** Every note of a sheet by its text, with the (zero-based) cells that hold it. */
function notesIndex(ws: ExcelJS.Worksheet): Map<string, Array<{ row: number; col: number }>> {
  const index = new Map<string, Array<{ row: number; col: number }>>();
  eachStoredCell(ws, (cell, rowNumber, colNumber) => {
    const text = noteText(cell.note);
    if (text === null) return;
    const list = index.get(text) ?? [];
    list.push({ row: rowNumber - 1, col: colNumber - 1 });
    index.set(text, list);
  });
  return index;
}
