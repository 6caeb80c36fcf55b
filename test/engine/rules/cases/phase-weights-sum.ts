import { phaseWeightsSum } from "../../../../src/engine/rules/phase-weights-sum";
import { objective, phase, plan, scheduleRow, months } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";
const weighted = (...weights: (number | null)[]) =>
  weights.map((w, i) => phase({ number: String(i + 1), label: `Fase ${i + 1}`, weight: w, deadline: "2024-12-31" }));

export const cases: RuleCases = {
  rule: phaseWeightsSum,
  valid: [
    { name: "50 + 50", plan: plan({ objectives: [objective()] }) },
    { name: "no phase weighted", plan: plan({ objectives: [objective({ phases: weighted(null, null) })] }) },
    { name: "33,33 + 33,33 + 33,34", plan: plan({ objectives: [objective({ phases: weighted(33.33, 33.33, 33.34) })] }) },
    { name: "a single phase at 100", plan: plan({ objectives: [objective({ phases: weighted(100), schedule: [] })] }) },
    { name: "some phases unweighted (phase-weights-partial's finding)", plan: plan({ objectives: [objective({ phases: weighted(50, null) })] }) },
    {
      name: "weights on the add-in card's cronoprogramma rows, 60 + 40",
      plan: plan({
        objectives: [
          objective({
            phases: weighted(null, null),
            schedule: [scheduleRow("1", months(1, 6), { weight: 60 }), scheduleRow("2", months(7, 12), { weight: 40 })],
          }),
        ],
      }),
    },
    {
      name: "99,9 within a tolerance of 0,5",
      plan: plan({ objectives: [objective({ phases: weighted(99.5, 0.4) })] }),
      options: { methodology: { weightTolerance: 0.5 } },
    },
  ],
  invalid: [
    {
      name: "60 + 50 = 110",
      plan: plan({ objectives: [objective({ phases: weighted(60, 50) })] }),
      findings: [{ messageId: "wrongTotal", range: "C5:C6", data: { objective: O1, total: 110, expected: 100, count: 2 } }],
    },
    {
      name: "three phases at 30 = 90, card starting at row 101",
      plan: plan({ objectives: [objective({ top: 100, phases: weighted(30, 30, 30) })] }),
      findings: [{ messageId: "wrongTotal", range: "C105:C107", data: { objective: O1, total: 90, expected: 100, count: 3 } }],
    },
    {
      name: "two objectives wrong at once (80 and 120)",
      plan: plan({
        objectives: [
          objective({ phases: weighted(40, 40) }),
          objective({ top: 60, number: "2", title: "Contrattazione decentrata", phases: weighted(70, 50) }),
        ],
      }),
      findings: [
        { messageId: "wrongTotal", range: "C5:C6", data: { objective: O1, total: 80, expected: 100, count: 2 }, objectiveId: "servizio-amministrativo/1" },
        {
          messageId: "wrongTotal",
          range: "C65:C66",
          data: { objective: "2 «Contrattazione decentrata»", total: 120, expected: 100, count: 2 },
          objectiveId: "servizio-amministrativo/2",
        },
      ],
    },
    {
      name: "weights on the cronoprogramma rows, 60 + 30",
      plan: plan({
        objectives: [
          objective({
            phases: weighted(null, null),
            schedule: [scheduleRow("1", months(1, 6), { weight: 60 }), scheduleRow("2", months(7, 12), { weight: 30 })],
          }),
        ],
      }),
      findings: [{ messageId: "wrongTotal", range: "N25:N26", data: { objective: O1, total: 90, expected: 100, count: 2 } }],
    },
    {
      name: "99,9 beyond the default tolerance of 0,01",
      plan: plan({ objectives: [objective({ phases: weighted(99.5, 0.4) })] }),
      findings: [{ messageId: "wrongTotal", range: "C5:C6", data: { objective: O1, total: 99.9, expected: 100, count: 2 } }],
    },
  ],
};
