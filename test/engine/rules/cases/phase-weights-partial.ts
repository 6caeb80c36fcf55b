import { phaseWeightsPartial } from "../../../../src/engine/rules/phase-weights-partial";
import { objective, phase, plan, src } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";
const weighted = (...weights: (number | null)[]) =>
  weights.map((w, i) => phase({ number: String(i + 1), label: `Fase ${i + 1}`, weight: w, deadline: "2024-12-31" }));

export const cases: RuleCases = {
  rule: phaseWeightsPartial,
  valid: [
    { name: "every phase weighted", plan: plan({ objectives: [objective()] }) },
    { name: "no phase weighted", plan: plan({ objectives: [objective({ phases: weighted(null, null, null) })] }) },
    { name: "every phase weighted, wrong sum (phase-weights-sum's finding)", plan: plan({ objectives: [objective({ phases: weighted(70, 70) })] }) },
    { name: "no phases", plan: plan({ objectives: [objective({ phases: [], schedule: [] })] }) },
  ],
  invalid: [
    {
      name: "50 and none",
      plan: plan({ objectives: [objective({ phases: weighted(50, null) })] }),
      findings: [{ messageId: "partial", range: "C6", data: { objective: O1, withWeight: 1, withoutWeight: 1, phases: ["2"] } }],
    },
    {
      name: "one of three weighted, card at row 21",
      plan: plan({ objectives: [objective({ top: 20, phases: weighted(50, null, null) })] }),
      findings: [{ messageId: "partial", range: "C26:C27", data: { objective: O1, withWeight: 1, withoutWeight: 2, phases: ["2", "3"] } }],
    },
    {
      name: "unnumbered phase without a weight cell: its label is pointed at",
      plan: plan({
        objectives: [
          objective({
            phases: [
              phase({ label: "Analisi", weight: 100, deadline: "2024-06-30" }),
              phase({ label: "Attuazione", deadline: "2024-12-31", source: src({ label: "B6" }) }),
            ],
          }),
        ],
      }),
      findings: [{ messageId: "partial", range: "B6", data: { objective: O1, withWeight: 1, withoutWeight: 1, phases: ["2"] } }],
    },
    {
      name: "two objectives at once",
      plan: plan({
        objectives: [objective({ phases: weighted(50, null) }), objective({ top: 60, number: "2", phases: weighted(null, 100) })],
      }),
      findings: [
        { messageId: "partial", range: "C6", data: { objective: O1, withWeight: 1, withoutWeight: 1, phases: ["2"] } },
        { messageId: "partial", range: "C65", data: { objective: "2 «Trasparenza»", withWeight: 1, withoutWeight: 1, phases: ["1"] } },
      ],
    },
  ],
};
