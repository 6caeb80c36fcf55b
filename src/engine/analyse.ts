import type { Progress } from "./host";
import type { SheetSnapshot } from "./model/snapshot";
import type { Plan } from "./model/plan";
import type { Finding } from "./model/finding";
import type { Methodology } from "./compute/methodology";
import type { ObjectiveSchedule, Override, ReviewKind, Scores } from "./compute/types";
import type { WritePlan } from "./write/types";
import { readPlan } from "./read";
import { LabelCache } from "./read/sheet";
import { readMethodology } from "./compute/methodology-sheet";
import { runRules } from "./rules";
import { withComputeMemo } from "./compute/memo";
import { computeSchedule } from "./compute/schedule";
import { computeScores } from "./compute/scores";
import { buildWritePlan, planReviewColumns, readOwnershipRecord, userSnapshots, withAddedCells } from "./write";
import { readOverrides } from "./write/overrides";

export interface AnalyseOptions {
  /** ISO date of the review or check; defaults to today. */
  asOf?: string;
  /** Review being prepared or scored; null = plan check before approval. */
  review?: ReviewKind | null;
  /** Overrides the workbook's Metodologia sheet. */
  methodology?: Methodology;
  /** Nucleo overrides; defaults to those found on the workbook's Punteggi sheet. */
  overrides?: Override[];
}

export interface Analysis {
  plan: Plan;
  methodology: Methodology;
  findings: Finding[];
  schedules: ObjectiveSchedule[];
  scores: Scores;
  /** Built lazily on first access (and then kept). */
  readonly writePlan: WritePlan;
}

/**
 * The engine's steps for a progress bar: where each starts (0…1 of the analysis, measured on the
 * 1,000-card book: reading the cards is most of it) and its Italian name.
 */
export const ANALYSE_STEPS = {
  plan: { fraction: 0, label: "Lettura delle schede" },
  rules: { fraction: 0.85, label: "Controlli" },
  scores: { fraction: 0.9, label: "Punteggi" },
} as const satisfies Record<string, Progress>;

/** Optional observers of an analysis; they never change its result. */
export interface AnalyseHooks {
  /** Called as each step of ANALYSE_STEPS starts. */
  onProgress?(p: Progress): void;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The engine's one entry: snapshots of a workbook's sheets (the add-in's state sheet included,
 * when the host has it) → the plan, its findings, the schedule grids, scores and the write plan.
 * Pure and synchronous; never throws on bad input (bad cells become `value-unreadable` findings).
 *
 * The add-in's own sheets are recognised by its ownership record and sheet marker and are not
 * read as cards; a user's sheet that merely shares a name with them is read.
 */
export function analyse(snapshots: readonly SheetSnapshot[], options: AnalyseOptions = {}, hooks: AnalyseHooks = {}): Analysis {
  // Rules, scores and the write plan ask for the same schedule grids and weights: each is
  // computed once per objective while the memo is active.
  return withComputeMemo(() => analyseOnce(snapshots, options, hooks));
}

function analyseOnce(snapshots: readonly SheetSnapshot[], options: AnalyseOptions, hooks: AnalyseHooks): Analysis {
  hooks.onProgress?.(ANALYSE_STEPS.plan);
  const fromSheet = readMethodology(snapshots);
  const methodology = options.methodology ?? fromSheet.methodology;
  const review = options.review ?? null;
  const asOf = options.asOf ?? today();
  const ownership = readOwnershipRecord(snapshots);
  const cards = userSnapshots(snapshots, ownership);
  const labels = new LabelCache();
  let plan = readPlan(cards, { planYear: methodology.planYear, labels });
  if (review) {
    // Preparing a review adds "Completata il" / "Valore raggiunto" headers beside the blocks; read
    // the plan as it will be once they are there, so that running twice equals running once.
    const columns = planReviewColumns(plan, snapshots);
    if (columns.cells.length > 0) plan = readPlan(userSnapshots(withAddedCells(snapshots, columns.cells), ownership), { planYear: methodology.planYear, labels });
  }
  plan.unreadable.push(...fromSheet.unreadable);
  hooks.onProgress?.(ANALYSE_STEPS.rules);
  const findings = runRules(plan, { methodology, review, asOf, methodologyProblems: fromSheet.problems });
  hooks.onProgress?.(ANALYSE_STEPS.scores);
  const schedules = plan.structures.flatMap((s) => s.objectives.map((o) => computeSchedule(o, plan.year)));
  const overrides = options.overrides ?? readOverrides(snapshots);
  const scores = computeScores(plan, { methodology, review: review ?? "final", asOf, overrides, schedules });
  // The write plan is built on first use: `schede check` and the task pane's first view never
  // need it, and it costs as much as everything before it.
  let writePlan: WritePlan | null = null;
  return {
    plan,
    methodology,
    findings,
    schedules,
    scores,
    get writePlan(): WritePlan {
      writePlan ??= withComputeMemo(() => buildWritePlan({ plan, findings, schedules, scores, methodology, snapshots, review, methodologyChosen: options.methodology !== undefined }));
      return writePlan;
    },
  };
}
