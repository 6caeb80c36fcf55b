/**
 * Which snapshots the worker can analyse itself. The task pane hands the engine's `analyse` the
 * snapshots a host returned; for the standalone page's worker host those snapshots are a copy of
 * what the worker already holds, so the page entry (src/taskpane/index.tsx) asks here first and
 * lets the worker run the analysis, off the page's thread, on its own copy. Tiny and free of
 * ExcelJS: the page's first bundle imports it.
 */
import type { Analysis, AnalyseOptions, Progress, SheetSnapshot } from "../../../engine";

export type RemoteAnalyser = (options: AnalyseOptions, onProgress?: (p: Progress) => void) => Promise<Analysis>;

const analysers = new WeakMap<readonly SheetSnapshot[], RemoteAnalyser>();

/** Records that `snapshots` (the very array) are analysed by `analyser`. */
export function registerAnalyser(snapshots: readonly SheetSnapshot[], analyser: RemoteAnalyser): void {
  analysers.set(snapshots, analyser);
}

/** The analyser of these snapshots, when a worker holds them; undefined otherwise. */
export function analyserFor(snapshots: readonly SheetSnapshot[]): RemoteAnalyser | undefined {
  return analysers.get(snapshots);
}
