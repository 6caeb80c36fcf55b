import type { SheetSnapshot } from "./model/snapshot";
import type { Plan } from "./model/plan";
import type { Finding } from "./model/finding";
import type { Methodology } from "./compute/methodology";
import type { ObjectiveSchedule, Override, ReviewKind, Scores } from "./compute/types";
import type { WritePlan } from "./write/types";
import { readPlan } from "./read";
import { readMethodology } from "./compute/methodology-sheet";
import { runRules } from "./rules";
import { computeSchedule } from "./compute/schedule";
import { computeScores } from "./compute/scores";
import { buildWritePlan } from "./write";
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
  writePlan: WritePlan;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The engine's one entry: snapshots of a workbook's sheets → the plan, its findings, the
 * schedule grids, scores and the write plan. Pure and synchronous; never throws on bad input
 * (bad cells become `value-unreadable` findings).
 */
export function analyse(snapshots: readonly SheetSnapshot[], options: AnalyseOptions = {}): Analysis {
  const fromSheet = readMethodology(snapshots);
  const methodology = options.methodology ?? fromSheet.methodology;
  const plan = readPlan(snapshots, { planYear: methodology.planYear });
  plan.unreadable.push(...fromSheet.unreadable);
  const review = options.review ?? null;
  const asOf = options.asOf ?? today();
  const findings = runRules(plan, { methodology, review, asOf });
  const schedules = plan.structures.flatMap((s) => s.objectives.map((o) => computeSchedule(o, plan.year)));
  const overrides = options.overrides ?? readOverrides(snapshots);
  const scores = computeScores(plan, { methodology, review: review ?? "final", asOf, overrides, schedules });
  const writePlan = buildWritePlan({ plan, findings, schedules, scores, methodology, snapshots });
  return { plan, methodology, findings, schedules, scores, writePlan };
}
