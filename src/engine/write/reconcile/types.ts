/**
 * The data of the write path: what a host reads before writing (WriteState, asked for by
 * StateNeeds), and what it executes (WriteOp). The reconcile step in this folder turns a
 * WritePlan plus the state into operations; a host decides nothing about what to write.
 */
import type { CellRange, SheetRange } from "../../cells/range";
import type { CellFlag, CellWrite, OwnedSheet, OwnershipRecord, WriteMessage, WritePlan, ApplyReport } from "../types";

/** How a flag's message is attached to its cell: a note, a threaded comment, or the fill alone. */
export type AnnotationMode = "note" | "comment" | "fill";

/** A fill colour, "#RRGGBB" upper case, or null for none. */
export type Fill = string | null;

/** A sheet as the host found it. */
export interface SheetInfo {
  name: string;
  /** "Visible", "Hidden" or "VeryHidden" (Office.js words; the ExcelJS host maps its own). */
  visibility: string;
  protected: boolean;
  /** Excel tables on the sheet (the add-in's identity on its sheets). Absent: not known. */
  tables?: string[];
  /** The sheet holds no value (a recorded sheet a stopped write added but did not fill). Absent: not known. */
  empty?: boolean;
}

/** A cell's fill now: its colour to compare, and the host's own token to record and restore. */
export interface FillNow {
  /** Solid colour "#RRGGBB", null for none or a fill that is not a solid colour. */
  color: Fill;
  /** What the record stores as this cell's original (Office.js "#RRGGBB"; ExcelJS the fill model as JSON); null: no fill. */
  token: string | null;
  /** Whether the cell holds no value (hosts that know; undefined: not known). */
  empty?: boolean;
  /** The host's whole style of an empty cell (ExcelJS JSON), to give it back exactly; undefined: not known. */
  style?: string | null;
}

/** A note now: its text, and the host's exact model (ExcelJS JSON) when it has one. */
export interface NoteNow {
  text: string;
  model?: string;
}

/** A threaded comment found in the workbook (comments mode). */
export interface ExistingComment {
  id: string;
  content: string;
  /** Location; null when it could not be read. */
  sheet: string | null;
  row: number;
  col: number;
}

/** What a cell holds now. */
export interface CellNow {
  value: unknown;
  formula: unknown;
  /** Inside a merged area (hosts that know). */
  merged?: boolean;
}

/** Where the notes of a sheet are: note text → cells (zero-based). Hosts that can search notes. */
export type NoteIndex = ReadonlyMap<string, ReadonlyArray<{ row: number; col: number }>>;

/** What the reconcile step knows about the workbook, read by the host just before writing. */
export interface WriteState {
  /** Sheets by lower-case name (Excel compares sheet names ignoring case), in tab order. */
  sheets: ReadonlyMap<string, SheetInfo>;
  /** Table names in the workbook, lower case. */
  tables: ReadonlySet<string>;
  /** The record on the state sheet as decoded (a visible state sheet without a record is a user's: see reconcile). */
  recordStatus: "ok" | "absent" | "unreadable";
  /** The previous run's record (status ok). */
  record: OwnershipRecord | null;
  /** Rows column A of SO_Stato uses now (so that one write replaces them all). */
  recordRows: number;
  /** Workbook structure protected: sheets cannot be added, deleted, moved or hidden. */
  structureProtected: boolean;
  /** Current fills of cells, by cellKey (cells not read are absent). */
  fills: ReadonlyMap<string, FillNow>;
  /** Current note at a cell, by cellKey; null: none; cells not read are absent. */
  notes: ReadonlyMap<string, NoteNow | null>;
  comments: readonly ExistingComment[];
  /** Current value and formula of cells, by cellKey. */
  cells: ReadonlyMap<string, CellNow>;
  /** Notes of whole sheets, by lower-case sheet name (hosts that can search; asked for by StateNeeds.noteSheets). */
  noteIndex?: ReadonlyMap<string, NoteIndex>;
  /** Nucleo's overrides found on the scores sheet (clear warns that they go with it); undefined: not read. */
  scoreOverrides?: number;
}

/** What to write: a whole plan, nothing (remove everything), or one card's flags. */
export type WriteMode =
  | { kind: "apply"; plan: WritePlan }
  | { kind: "clear" }
  | { kind: "flags"; scope: SheetRange; flags: CellFlag[] };

/** What the host must read before reconciling. */
export interface StateNeeds {
  /** Ranges whose per-cell fills are needed (new flags, previous flags to undo). */
  fillRanges: SheetRange[];
  /** Cells whose note is needed (notes mode). */
  noteCells: Array<{ sheet: string; row: number; col: number }>;
  /** Cells whose value and formula are needed (added cells, A1 of sheets in the way). */
  cells: Array<{ sheet: string; row: number; col: number }>;
  /** Sheets whose notes to index, to find flags moved by inserted rows (hosts that can). */
  noteSheets: string[];
  /** The scores sheet, to count the Nucleo's overrides before `clear` removes it. */
  overridesSheet?: string;
}

/**
 * One operation, as data. Hosts execute them in order; the order is chosen so that a failure
 * at any operation leaves a workbook `clear` can still restore (see ./index.ts).
 */
export type WriteOp =
  /** `veryHidden`: Excel refuses to delete a very hidden sheet until it is made hidden (OfficeDev/office-js#365). */
  | { kind: "deleteSheet"; sheet: string; veryHidden?: boolean }
  | { kind: "addSheet"; sheet: string; veryHidden?: boolean; tabColor?: string }
  | { kind: "hideSheet"; sheet: string }
  /** Moves a sheet to the last tab, `position` (zero-based; the number of sheets then, less one). */
  | { kind: "moveSheetToEnd"; sheet: string; position: number }
  /** The whole content of a new owned sheet: its tables (under the names given), cells, widths, print setup. */
  | { kind: "sheetContent"; sheet: string; content: OwnedSheet; tableNames: string[] }
  /** Writes the record on SO_Stato, column A rows 0…rows-1 (chunks, then empty cells), in one write. */
  | { kind: "writeRecord"; sheet: string; chunks: string[]; rows: number }
  /** Empties a cell the add-in added (contents and formats). */
  | { kind: "clearCell"; sheet: string; row: number; col: number }
  /** A cell the add-in adds next to the user's (a review header). */
  | { kind: "writeCell"; sheet: string; cell: CellWrite }
  | { kind: "fill"; sheet: string; bounds: CellRange; color: string }
  /**
   * Gives cells back their recorded originals, row-major: `fills` a host token (see FillNow;
   * null: no fill; undefined: leave the cell), `styles` the host's whole style of a cell that
   * is empty (undefined: none).
   */
  | { kind: "restoreFills"; sheet: string; bounds: CellRange; fills: (string | null | undefined)[][]; styles?: (string | undefined)[][] }
  /** Sets a cell's note: `text` null removes it; `now` is what the cell has before (for hosts that add or change); `model` the host's exact model. */
  | { kind: "note"; sheet: string; row: number; col: number; text: string | null; now: string | null; model?: string }
  | { kind: "addComment"; sheet: string; row: number; col: number; text: string }
  | { kind: "deleteComment"; id: string };

export interface WriteProgram {
  ops: WriteOp[];
  /** The record the program leaves; null: the state sheet goes (nothing is owned any more). */
  record: OwnershipRecord | null;
  report: ApplyReport;
  /** Ranges whose cells the program changes (hosts with change events ignore them). */
  touched: SheetRange[];
}

export type RecordFlag = OwnershipRecord["flags"][number];
export type RecordCell = OwnershipRecord["addedCells"][number];
export type { WriteMessage };
