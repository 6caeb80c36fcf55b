import type { AnalyseHooks, AnalyseOptions, Analysis, Progress, SheetSnapshot, WorkbookHost, WritePlan } from "../engine";

/** The three users of the task pane. */
export const ROLES = ["responsabile", "segretario", "nucleo"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The engine's entry, injected so that components can be tested with a stub and so that the
 * page can load the engine lazily (hence it may return a promise).
 */
export type AnalyseFn = (
  snapshots: readonly SheetSnapshot[],
  options: AnalyseOptions,
  /** `onProgress`: the engine's steps (reading the cards, the checks, the scores), for the progress bar. */
  hooks?: AnalyseHooks,
) => Analysis | Promise<Analysis>;

/** A workbook opened from a file in the standalone page. */
export interface OpenedWorkbook {
  host: WorkbookHost;
  fileName: string;
  /** Applies the plan to the in-memory workbook and returns the annotated .xlsx. */
  annotatedCopy(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<Blob>;
}

/** Opens an .xlsx chosen by the user (standalone page only; loads ExcelJS lazily). */
export type OpenWorkbookFile = (file: File, onProgress?: (p: Progress) => void) => Promise<OpenedWorkbook>;

/** Where the task pane runs. */
export type PaneMode = "excel" | "standalone";
