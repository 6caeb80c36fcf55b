import type { SheetSnapshot } from "./model/snapshot";
import type { WritePlan } from "./write/types";

/** Progress of a long host operation, for a progress bar. */
export interface Progress {
  /** 0…1 */
  fraction: number;
  /** Italian, short: "Lettura dei fogli (3 di 12)". */
  label: string;
}

/** The cell the user is on, in hosts that have a selection (Excel). */
export interface ActiveCell {
  sheet: string;
  /** A1 without the sheet: "C5". */
  address: string;
}

/**
 * The port every host implements (Excel via Office.js, an .xlsx file via ExcelJS). The UI and
 * the CLI talk to this interface only; the engine defines it so that hosts depend on the engine
 * and never the other way round.
 */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** Every used range of every visible or hidden sheet, as snapshots. */
  readSnapshots(onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]>;
  /** Applies a write plan (removing the add-in's previous flags first). */
  applyWritePlan(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<void>;
  /** Removes everything the add-in added. */
  clearAddinContent(): Promise<void>;
  /** Activates the sheet and selects the range ("C5:F9"). */
  selectRange(sheet: string, range: string): Promise<void>;
  /**
   * The active cell, so the task pane can show the card the user is on. Optional: a file has no
   * selection, and the UI then lets the user pick the card from a list.
   */
  getActiveCell?(): Promise<ActiveCell | null>;
  /** Calls `listener` when the selection moves; resolves to a function that stops listening. */
  onSelectionChanged?(listener: (cell: ActiveCell) => void): Promise<() => void>;
  /**
   * Inserts a new, empty card in the add-in's own layout (layout A + "Peso %" column, with data
   * validation) on a new sheet and activates it; resolves to the new sheet's name. Optional.
   */
  insertNewCard?(): Promise<string>;
}
