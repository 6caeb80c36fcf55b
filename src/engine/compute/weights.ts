import type { SheetRange } from "../cells/a1";
import type { Objective, ScheduleRow } from "../model/plan";
import { memoised } from "./memo";
import { matchScheduleRows, type RowMatch } from "./schedule";

/** A phase's weight and the cell it was typed in. */
export interface PhaseWeight {
  index: number;
  /** Weight in % of the objective, or null when none is typed. */
  weight: number | null;
  /** The weight cell (or, when there is none, null). */
  at: SheetRange | null;
}

/**
 * Phase weights as the card gives them: the phase's own weight (layout B "(50%)"), or else the
 * "Peso %" typed on its cronoprogramma row (the add-in's card keeps phase weights there).
 */
export function phaseWeights(objective: Objective, matches?: readonly RowMatch[]): PhaseWeight[] {
  if (matches === undefined) return memoised("phaseWeights", objective, () => weightsOf(objective, matchScheduleRows(objective.phases, objective.schedule)));
  return weightsOf(objective, matches);
}

function weightsOf(objective: Objective, rowMatches: readonly RowMatch[]): PhaseWeight[] {
  return objective.phases.map((phase, index) => {
    if (phase.weight !== null) return { index, weight: phase.weight, at: phase.source.weight ?? null };
    for (const m of rowMatches) {
      if (m.phaseIndex !== index) continue;
      const row = objective.schedule[m.rowIndex] as ScheduleRow;
      if (row.weight !== null) return { index, weight: row.weight, at: row.source.weight ?? null };
    }
    return { index, weight: null, at: phase.source.weight ?? null };
  });
}

/** Sum of weights, or null when no weight is present. */
export function sumWeights(weights: readonly { weight: number | null }[]): number | null {
  let total: number | null = null;
  for (const w of weights) if (w.weight !== null) total = (total ?? 0) + w.weight;
  return total;
}

/** True when `total` is 100 within `tolerance` points. */
export function isHundred(total: number, tolerance: number): boolean {
  return Math.abs(total - 100) <= tolerance + 1e-9;
}

/**
 * Phase weights are usable for weighting timeliness only when every phase has one and they sum
 * to 100 (within the methodology's weightTolerance).
 */
export function phaseWeightsValid(weights: readonly PhaseWeight[], tolerance: number): boolean {
  if (weights.length === 0 || weights.some((w) => w.weight === null)) return false;
  return isHundred(sumWeights(weights) ?? 0, tolerance);
}
