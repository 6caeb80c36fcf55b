import { indicatorDescriptionMissing } from "../../../../src/engine/rules/indicator-description-missing";
import { indicator, num, objective, plan, yes } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";

export const cases: RuleCases = {
  rule: indicatorDescriptionMissing,
  valid: [
    { name: "described indicator", plan: plan({ objectives: [objective()] }) },
    { name: "blank template row", plan: plan({ objectives: [objective({ indicators: [indicator(), indicator({ description: null, target: null })] })] }) },
  ],
  invalid: [
    {
      name: "second indicator has a target but no description",
      plan: plan({ objectives: [objective({ indicators: [indicator(), indicator({ description: null, target: num(5) })] })] }),
      findings: [{ messageId: "missing", range: "A16", data: { objective: O1, index: 2, target: "5" } }],
    },
    {
      name: "blank description with SI, card at row 11",
      plan: plan({ objectives: [objective({ top: 10, indicators: [indicator({ description: "   ", target: yes() })] })] }),
      findings: [{ messageId: "missing", range: "A25", data: { objective: O1, index: 1, target: "SI" } }],
    },
    {
      name: "two at once, one with only an achieved value",
      plan: plan({
        objectives: [objective({ indicators: [indicator({ description: null, target: num(150) }), indicator({ description: null, target: null, actual: num(3) })] })],
      }),
      findings: [
        { messageId: "missing", range: "A15", data: { objective: O1, index: 1, target: "150" } },
        { messageId: "missing", range: "A16", data: { objective: O1, index: 2, target: null } },
      ],
    },
  ],
};
