import type { Finding } from "../model/finding";
import type { Plan } from "../model/plan";
import { runRuleList, type Rule, type RunRulesOptions } from "./define";
import { cardUnmatched } from "./card-unmatched";
import { cellsOutsideRead } from "./cells-outside-read";
import { indicatorActualMissing } from "./indicator-actual-missing";
import { indicatorDescriptionMissing } from "./indicator-description-missing";
import { indicatorMissing } from "./indicator-missing";
import { indicatorTargetMissing } from "./indicator-target-missing";
import { joinAmbiguous } from "./join-ambiguous";
import { methodologyInvalid } from "./methodology-invalid";
import { objectiveWeightsSum } from "./objective-weights-sum";
import { participationSum } from "./participation-sum";
import { phaseCompletionMissing } from "./phase-completion-missing";
import { phaseDescriptionMissing } from "./phase-description-missing";
import { phaseDeadlineOutsideYear } from "./phase-deadline-outside-year";
import { phaseWeightsPartial } from "./phase-weights-partial";
import { phaseWeightsSum } from "./phase-weights-sum";
import { reviewMeanMismatch } from "./review-mean-mismatch";
import { scheduleAfterDeadline } from "./schedule-after-deadline";
import { schedulePhaseEmpty } from "./schedule-phase-empty";
import { scheduleRowUnmatched } from "./schedule-row-unmatched";
import { summaryRowUnmatched } from "./summary-row-unmatched";
import { valueUnreadable } from "./value-unreadable";
import { weightMissing } from "./weight-missing";

export type { Rule, RunRulesOptions } from "./define";

/**
 * Every rule, in the order findings are listed: unreadable cells and how cards were joined to
 * their summary rows first (they explain the findings after them), then weights, indicators,
 * schedule, staff, reviews.
 */
export const allRules = [
  valueUnreadable,
  cellsOutsideRead,
  joinAmbiguous,
  summaryRowUnmatched,
  cardUnmatched,
  phaseWeightsSum,
  phaseWeightsPartial,
  objectiveWeightsSum,
  weightMissing,
  indicatorMissing,
  indicatorDescriptionMissing,
  indicatorTargetMissing,
  indicatorActualMissing,
  schedulePhaseEmpty,
  scheduleRowUnmatched,
  phaseDescriptionMissing,
  scheduleAfterDeadline,
  phaseDeadlineOutsideYear,
  phaseCompletionMissing,
  participationSum,
  reviewMeanMismatch,
  methodologyInvalid,
] satisfies readonly Rule[];

/**
 * Runs every rule over a plan. `options.review` turns on the review checks (achieved values,
 * completion dates of the phases due);
 * `options.asOf` is the review or check date.
 */
export function runRules(plan: Plan, options: RunRulesOptions): Finding[] {
  return runRuleList(allRules, plan, options);
}
