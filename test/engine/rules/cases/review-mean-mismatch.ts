import { reviewMeanMismatch } from "../../../../src/engine/rules/review-mean-mismatch";
import { indicator, num, objective, phase, plan, review } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";

/**
 * Target 100, achieved 80 → media valore raggiunto 80. Phase 1 (January–June) completed on
 * 20 June → 100; phase 2 (July–December) not due at 30 September → media rispetto dei tempi 100.
 */
const card = (reviews: ReturnType<typeof review>[], top = 0) =>
  objective({
    top,
    indicators: [indicator({ actual: num(80) })],
    phases: [
      phase({ number: "1", label: "Analisi", weight: 50, deadline: "2024-06-30", completedOn: "2024-06-20" }),
      phase({ number: "2", label: "Attuazione", weight: 50, deadline: "2024-12-31" }),
    ],
    reviews,
  });
const sept = { kind: "interim", date: "2024-09-30" } as const;
const data = { objective: O1, review: "interim", date: "2024-09-30", dateText: "30/09/2024" };

export const cases: RuleCases = {
  rule: reviewMeanMismatch,
  valid: [
    { name: "typed 80 and 100, as computed", plan: plan({ objectives: [card([review({ ...sept, meanAchievement: 80, meanTimeliness: 100 })])] }) },
    { name: "typed 80,4: within 0,5", plan: plan({ objectives: [card([review({ ...sept, meanAchievement: 80.4 })])] }) },
    { name: "an empty review block (.. /.. /..)", plan: plan({ objectives: [card([review({ kind: "interim" })])] }) },
  ],
  invalid: [
    {
      name: "typed 70 instead of 80",
      plan: plan({ objectives: [card([review({ ...sept, meanAchievement: 70, meanTimeliness: 100 })])] }),
      findings: [{ messageId: "achievement", range: "B45", severity: "info", data: { ...data, typed: 70, computed: 80 } }],
    },
    {
      name: "both means wrong, card at row 61",
      plan: plan({ objectives: [card([review({ ...sept, meanAchievement: 60, meanTimeliness: 50 })], 60)] }),
      findings: [
        { messageId: "achievement", range: "B105", data: { ...data, typed: 60, computed: 80 } },
        { messageId: "timeliness", range: "C105", data: { ...data, typed: 50, computed: 100 } },
      ],
    },
    {
      name: "review without a date: the check date is used",
      plan: plan({ objectives: [card([review({ kind: "interim", meanTimeliness: 75 })])] }),
      options: { asOf: "2024-09-30" },
      findings: [{ messageId: "timeliness", range: "C45", data: { ...data, typed: 75, computed: 100 } }],
    },
  ],
};
