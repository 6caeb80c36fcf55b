/**
 * The reconcile step's working state, shared by its concerns (undo, sheets, flags, added
 * cells, record): what the workbook holds as the operations so far would leave it, and what
 * the new record will say.
 */
import type { ApplyReport, OwnershipRecord, WriteMessage } from "../types";
import type { SheetRange } from "../../cells/range";
import { type CellRange, boundsOf } from "./keys";
import type { AnnotationMode, FillNow, NoteNow, RecordCell, RecordFlag, SheetInfo, WriteMode, WriteOp, WriteState } from "./types";

export interface Draft {
  readonly mode: WriteMode;
  readonly state: WriteState;
  readonly annotation: AnnotationMode;
  /** The previous record, verified against the workbook (empty when there was none). */
  readonly prev: OwnershipRecord;
  readonly messages: WriteMessage[];
  readonly report: ApplyReport;
  readonly touched: SheetRange[];
  /** Operations by phase, in the order they are executed (see ./index.ts). */
  readonly ops: {
    undo: WriteOp[];
    deleteSheets: WriteOp[];
    record: WriteOp[];
    sheets: WriteOp[];
    flags: WriteOp[];
    cells: WriteOp[];
    order: WriteOp[];
    tail: WriteOp[];
  };
  /** Fills as the operations so far leave them, by cellKey. */
  readonly fills: Map<string, FillNow>;
  /** Notes as the operations so far leave them, by cellKey. */
  readonly notes: Map<string, NoteNow | null>;
  /** Cells the undo phase empties, by cellKey. */
  readonly cleared: Set<string>;
  /** What the new record will hold. */
  readonly next: {
    carriedFlags: RecordFlag[];
    flags: RecordFlag[];
    carriedCells: RecordCell[];
    cells: RecordCell[];
    sheets: string[];
    tables: string[];
    keptSheets: string[];
    sheetKeys: NonNullable<OwnershipRecord["sheetKeys"]>;
  };
}

export function newDraft(mode: WriteMode, state: WriteState, annotation: AnnotationMode, prev: OwnershipRecord, messages: WriteMessage[]): Draft {
  return {
    mode,
    state,
    annotation,
    prev,
    messages,
    report: { sheetsRemoved: [], sheetsWritten: [], flagsRemoved: 0, flagsWritten: 0, cellsRemoved: 0, cellsWritten: 0, messages },
    touched: [],
    ops: { undo: [], deleteSheets: [], record: [], sheets: [], flags: [], cells: [], order: [], tail: [] },
    fills: new Map(state.fills),
    notes: new Map(state.notes),
    cleared: new Set(),
    next: { carriedFlags: [], flags: [], carriedCells: [], cells: [], sheets: [], tables: [], keptSheets: [], sheetKeys: {} },
  };
}

/** The sheet as the workbook has it (any case), or undefined. */
export const infoOf = (d: Draft, sheet: string): SheetInfo | undefined => d.state.sheets.get(sheet.toLowerCase());

export const exists = (d: Draft, sheet: string): boolean => infoOf(d, sheet) !== undefined;

export const writable = (d: Draft, sheet: string): boolean => infoOf(d, sheet)?.protected === false;

export function touch(d: Draft, sheet: string, b: CellRange): void {
  d.touched.push({ sheet, ...boundsOf(b) });
}

/** A whole sheet (or its column A), for `touched`. */
export const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };
export const COLUMN_A: CellRange = { top: 0, left: 0, bottom: 1_048_575, right: 0 };
