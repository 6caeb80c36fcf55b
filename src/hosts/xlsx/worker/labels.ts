/**
 * The Italian names of the steps the standalone page's worker reports on the progress bar (the
 * engine names its own: ANALYSE_STEPS), and where the analysis steps sit on it.
 */
import type { Progress } from "../../../engine";

export const STEP_LABELS = {
  file: "Lettura del file",
  sheets: (done: number, total: number) => `Lettura dei fogli (${done} di ${total})`,
  writePlan: "Preparazione dei fogli da scrivere",
  results: "Invio dei risultati",
  copy: (done: number, total: number) => `Scrittura della copia: fogli e segnalazioni (${done} di ${total})`,
  save: "Scrittura della copia: compressione del file .xlsx",
  written: (done: number, total: number) => `Scrittura nella cartella: fogli e segnalazioni (${done} di ${total})`,
} as const;

/**
 * An analysis in the worker, on the bar: the engine's steps, then the write plan (built with the
 * analysis so that the page gets its outline; it takes about two thirds of the engine's time on
 * the 1,000-card book), then the sending of the results.
 */
export const ANALYSIS_AT = { engine: 0.6, writePlan: 0.6, results: 0.92 } as const;

/** An engine step's progress, placed on the worker's bar. */
export function engineStep(p: Progress): Progress {
  return { fraction: p.fraction * ANALYSIS_AT.engine, label: p.label };
}
