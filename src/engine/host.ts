import type { SheetSnapshot } from "./model/snapshot";
import type { WritePlan } from "./write/types";

/** Progress of a long host operation, for a progress bar. */
export interface Progress {
  /** 0…1 */
  fraction: number;
  /** Italian, short: "Lettura dei fogli (3 di 12)". */
  label: string;
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
}
