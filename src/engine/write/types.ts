import type { Severity } from "../model/finding";

/**
 * A WritePlan describes, as data, every change the add-in makes to a workbook. Hosts apply it
 * (Office.js in one batch; ExcelJS to a file). The add-in owns only what it creates: its sheets,
 * the cells it adds beside user blocks, and the flags on user cells. It never writes a user value.
 *
 * Positions are zero-based `{ row, col }` on the named sheet.
 */

/** Content of a cell the add-in writes. Text is always literal (never turned into a formula). */
export type CellContent =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; iso: string }
  | { kind: "formula"; formula: string; /** engine's value, for hosts that cannot compute */ result?: number | string | null }
  | { kind: "empty" };

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  /** Fill colour as "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
}

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  content: CellContent;
  style?: CellStyle;
  /** Hyperlink to a place in the workbook: "'Polizia Locale'!C5". */
  link?: string;
}

export interface TableColumn {
  header: string;
  numberFormat?: string;
  /** Width in characters. */
  width?: number;
}

/** A real Excel table (ListObject) on an add-in sheet. */
export interface TableSpec {
  /** Excel table name, unique in the workbook: "SO_Obiettivi". */
  name: string;
  sheet: string;
  row: number;
  col: number;
  columns: TableColumn[];
  rows: CellContent[][];
  style: string;
}

/** A sheet the add-in owns; replaced whole on every run. */
export interface OwnedSheet {
  name: string;
  /** Position hint: owned sheets go after the user's sheets. */
  tables: TableSpec[];
  cells: CellWrite[];
  /** Column widths in characters, by column index. */
  columnWidths?: Record<number, number>;
  /** The Metodologia sheet is kept when it exists (the user may have edited it). */
  keepIfExists?: boolean;
}

/** A flag on a user range: a fill and a note with the finding's message. */
export interface CellFlag {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  severity: Severity;
  fill: string;
  note: string;
  ruleIds: string[];
}

export interface WritePlan {
  version: 1;
  sheets: OwnedSheet[];
  flags: CellFlag[];
  /** Cells the add-in adds beside user blocks (review columns); only where empty. */
  addedCells: CellWrite[];
  /** Summary counts, for progress and the benchmark. */
  stats: { cells: number; formulas: number; flags: number; tables: number };
}

/** Name of the very hidden sheet where the add-in records what it owns (both hosts use it). */
export const STATE_SHEET = "SO_Stato";

/** What the add-in records in the workbook so the next run can undo it exactly. */
export interface OwnershipRecord {
  version: 1;
  sheets: string[];
  tables: string[];
  flags: Array<{
    sheet: string;
    top: number;
    left: number;
    bottom: number;
    right: number;
    /** Original fill per cell, row-major, null = no fill. */
    originalFills: (string | null)[];
    /** Original note text per cell (null = none), so a user note is restored. */
    originalNotes: (string | null)[];
  }>;
  addedCells: Array<{ sheet: string; row: number; col: number }>;
}
