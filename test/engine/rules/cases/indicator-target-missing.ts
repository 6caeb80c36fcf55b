import { indicatorTargetMissing } from "../../../../src/engine/rules/indicator-target-missing";
import { indicator, num, objective, plan, text } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";

export const cases: RuleCases = {
  rule: indicatorTargetMissing,
  valid: [
    { name: "target 100", plan: plan({ objectives: [objective()] }) },
    { name: "qualitative target", plan: plan({ objectives: [objective({ indicators: [indicator({ target: text("Effettuata entro i termini") })] })] }) },
    { name: "blank template row", plan: plan({ objectives: [objective({ indicators: [indicator(), indicator({ description: null, target: null })] })] }) },
  ],
  invalid: [
    {
      name: "no target",
      plan: plan({ objectives: [objective({ indicators: [indicator({ target: null })] })] }),
      findings: [{ messageId: "missing", range: "B15", data: { objective: O1, index: 1, indicator: "Pratiche evase" } }],
    },
    {
      name: "a dash as target (Casorate card 3, «Minor consumo di patrimonio»), card at row 201",
      plan: plan({
        objectives: [
          objective({ top: 200, indicators: [indicator(), indicator({ description: "Minor consumo di patrimonio", target: text("-") })] }),
        ],
      }),
      findings: [{ messageId: "missing", range: "B216", data: { objective: O1, index: 2, indicator: "Minor consumo di patrimonio" } }],
    },
    {
      name: "two at once, one without description",
      plan: plan({
        objectives: [objective({ indicators: [indicator({ target: null }), indicator({ description: null, target: null, actual: num(4) })] })],
      }),
      findings: [
        { messageId: "missing", range: "B15", data: { objective: O1, index: 1, indicator: "Pratiche evase" } },
        { messageId: "missing", range: "B16", data: { objective: O1, index: 2, indicator: "n. 2" } },
      ],
    },
  ],
};
