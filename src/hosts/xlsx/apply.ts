/**
 * Applies a WritePlan to an ExcelJS workbook, and takes it away again, by the engine's one
 * write path: the engine says what to read (stateNeeds), this host reads it (./write-state),
 * the engine reconciles the plan with it into operations (src/engine/write/reconcile), and
 * this host executes them (./execute). Every rule of "never lose what the user typed" lives in
 * the engine, shared with the Office.js host.
 */
import type * as ExcelJS from "exceljs";
import { type SheetSnapshot, STATE_SHEET, type ApplyReport, type WritePlan, type WriteMode, type WriteProgram, noNeeds, reconcile, relocationNeeds, stateNeeds } from "../../engine";
import { WorkbookEmptyError } from "./errors";
import { type ExecuteOptions, executeOps } from "./execute";
import { eachStoredCell, stateSnapshot } from "./ownership";
import { loadWorkbook, worksheetToSnapshot } from "./read";
import { addReads, readRecord, readWriteState, sheetInfos } from "./write-state";

export type { ApplyReport } from "../../engine";

/** A file always carries notes. */
const ANNOTATION = "note" as const;

/** Reads the state `mode` needs, reconciles, and returns the program (nothing is written). */
export function planWorkbookWrite(wb: ExcelJS.Workbook, mode: WriteMode): WriteProgram {
  const sheets = sheetInfos(wb);
  const record = readRecord(wb);
  const needs = stateNeeds(mode, record.record, sheets, ANNOTATION, { indexNotes: true });
  const state = readWriteState(wb, needs, sheets, record);
  const more = relocationNeeds(mode, state, ANNOTATION);
  if (!noNeeds(more)) addReads(wb, more, state);
  return reconcile(mode, state, ANNOTATION);
}

/** Plans and executes `mode`; the program's report says what was done. */
export function writeWorkbookMode(wb: ExcelJS.Workbook, mode: WriteMode, options: ExecuteOptions = {}): WriteProgram {
  const program = planWorkbookWrite(wb, mode);
  executeOps(wb, program.ops, options);
  return program;
}

/**
 * Applies `plan`: undoes the add-in's previous content (by the record on SO_Stato), writes the
 * plan's sheets, tables, flags and added cells, and records what it now owns. Never throws on
 * workbook content: what cannot be done (protected sheet, name taken, cell no longer empty) is
 * reported in the returned messages and left untouched.
 */
export function applyWritePlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan, options: ExecuteOptions = {}): ApplyReport {
  return writeWorkbookMode(wb, { kind: "apply", plan }, options).report;
}

/**
 * Removes everything the add-in added (by its record): flags (original fills and notes back),
 * added cells still holding what it wrote, its sheets (Metodologia too when the add-in created
 * it) and the state sheet itself.
 */
export function clearAddinContent(wb: ExcelJS.Workbook, options: ExecuteOptions = {}): ApplyReport {
  return writeWorkbookMode(wb, { kind: "clear" }, options).report;
}

/** Reads an .xlsx, applies the plan, returns the new file. */
export async function annotateXlsx(input: ArrayBuffer | Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  return (await annotateXlsxWithReport(input, plan)).bytes;
}

/** Reads an .xlsx, removes the add-in's content, returns the new file. */
export async function clearXlsx(input: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  return (await clearXlsxWithReport(input)).bytes;
}

/** annotateXlsx with the report (messages for the user). */
export async function annotateXlsxWithReport(input: ArrayBuffer | Uint8Array, plan: WritePlan): Promise<{ bytes: Uint8Array; report: ApplyReport }> {
  const wb = await loadWorkbook(input);
  const report = applyWritePlanToWorkbook(wb, plan);
  return { bytes: await saveWorkbook(wb), report };
}

/** clearXlsx with the report. */
export async function clearXlsxWithReport(input: ArrayBuffer | Uint8Array): Promise<{ bytes: Uint8Array; report: ApplyReport }> {
  const wb = await loadWorkbook(input);
  const report = clearAddinContent(wb);
  return { bytes: await saveWorkbook(wb), report };
}

/** The workbook as .xlsx bytes (notes on empty cells kept, see keepNotesOnEmptyCells). */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const escaped = keepNotesOnEmptyCells(wb);
  try {
    const buffer = await wb.xlsx.writeBuffer();
    return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  } finally {
    // The workbook in memory keeps the user's text as it was read (the page saves it again).
    for (const [cell, value] of escaped) cell.value = value;
  }
}

/**
 * ExcelJS writes no cell element for an empty cell with the default style, but does write its
 * note; reading the file back, it attaches notes only to cells it found, so the note is lost.
 * Such a cell gets Excel's default vertical alignment (bottom) written out explicitly: it looks
 * the same, the style survives a read (protection, say, would not), and so does the note.
 */
export function keepNotesOnEmptyCells(wb: ExcelJS.Workbook): Map<ExcelJS.Cell, string> {
  const escaped = new Map<ExcelJS.Cell, string>();
  for (const ws of wb.worksheets) {
    eachStoredCell(ws, (cell) => {
      const value = cell.value;
      if (typeof value === "string" && XML_CONTROL_TEST.test(value)) {
        escaped.set(cell, value);
        cell.value = escapeControlChars(value);
      }
      if (cell.note === undefined || cell.type !== ExcelJSValueType.Null || cell.style?.alignment) return;
      cell.style = { ...cell.style, alignment: { vertical: "bottom" } };
    });
  }
  return escaped;
}

// eslint-disable-next-line no-control-regex
const XML_CONTROL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const XML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * A user's text with the control characters XML cannot hold written as Excel writes them,
 * `_x0001_` (ExcelJS would drop them on save and the user's value would change): Excel reads
 * the character back. (An "_x" already in the text is Excel's own escape, kept as it is.)
 */
export function escapeControlChars(text: string): string {
  return text.replace(XML_CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** ExcelJS's ValueType.Null (the enum is not reachable through a type-only import). */
const ExcelJSValueType = { Null: 0 } as const;

/**
 * Snapshots for the engine from a loaded workbook: every sheet, plus SO_Stato (which
 * readWorkbookSnapshots leaves out) so that buildWritePlan knows what the add-in owns.
 *
 * @throws WorkbookEmptyError when no sheet holds a value.
 */
export function workbookSnapshots(wb: ExcelJS.Workbook, onProgress?: (done: number, total: number) => void): SheetSnapshot[] {
  const state = stateSnapshot(wb);
  const sheets = wb.worksheets.filter((ws) => ws.name.toLowerCase() !== STATE_SHEET.toLowerCase());
  const snapshots = sheets.map((ws, i) => {
    const snapshot = worksheetToSnapshot(ws);
    onProgress?.(i + 1, sheets.length);
    return snapshot;
  });
  if (!snapshots.some((s) => s.cells.length > 0)) throw new WorkbookEmptyError();
  return state ? [...snapshots, state] : snapshots;
}

/** Reads an .xlsx into snapshots for `analyse`, SO_Stato included (see workbookSnapshots). */
export async function readAnalysisSnapshots(data: ArrayBuffer | Uint8Array): Promise<SheetSnapshot[]> {
  return workbookSnapshots(await loadWorkbook(data));
}

