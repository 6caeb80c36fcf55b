import { weightMissing } from "../../../../src/engine/rules/weight-missing";
import { objective, plan, src } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const ADMIN = "Servizio Amministrativo";
const O1 = "1 «Trasparenza»";

export const cases: RuleCases = {
  rule: weightMissing,
  valid: [
    { name: "weight 100%", plan: plan({ objectives: [objective()] }) },
    { name: "weight in points", plan: plan({ objectives: [objective({ weight: { value: 20, unit: "points" } })] }) },
  ],
  invalid: [
    {
      name: "no weight",
      plan: plan({ objectives: [objective({ weight: null })] }),
      findings: [{ messageId: "missing", range: "E2", data: { objective: O1, structure: ADMIN } }],
    },
    {
      name: "intersectoral, weight cell says «Intersettoriale»: info",
      plan: plan({ objectives: [objective({ structure: "Polizia Locale", number: "6", weight: null, weightText: "Intersettoriale", intersectoral: true })] }),
      findings: [
        {
          messageId: "intersectoral",
          range: "E2",
          severity: "info",
          data: { objective: "6 «Trasparenza»", structure: "Polizia Locale", weightText: "Intersettoriale" },
          objectiveId: "polizia-locale/6",
        },
      ],
    },
    {
      name: "two at once: «Intersettoriale» without the flag (info) and «da definire» (error)",
      plan: plan({
        objectives: [
          objective({ weight: null, weightText: "Intersettoriale" }),
          objective({ top: 60, number: "2", weight: null, weightText: "da definire" }),
        ],
      }),
      findings: [
        { messageId: "intersectoral", range: "E2", severity: "info", data: { objective: O1, structure: ADMIN, weightText: "Intersettoriale" } },
        { messageId: "notNumeric", range: "E62", data: { objective: "2 «Trasparenza»", structure: ADMIN, weightText: "da definire" } },
      ],
    },
    {
      name: "intersectoral without any weight text: error",
      plan: plan({ objectives: [objective({ weight: null, intersectoral: true })] }),
      findings: [{ messageId: "missing", range: "E2", data: { objective: O1, structure: ADMIN } }],
    },
    {
      name: "no weight cell on the card: the title, card at row 31",
      plan: plan({ objectives: [objective({ weight: null, source: src({ card: "A31:N80", title: "B32" }) })] }),
      findings: [{ messageId: "missing", range: "B32", data: { objective: O1, structure: ADMIN } }],
    },
  ],
};
