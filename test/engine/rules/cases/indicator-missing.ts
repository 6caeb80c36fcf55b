import { indicatorMissing } from "../../../../src/engine/rules/indicator-missing";
import { indicator, objective, plan, src } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";
const blank = () => indicator({ description: null, target: null });

export const cases: RuleCases = {
  rule: indicatorMissing,
  valid: [
    { name: "one indicator", plan: plan({ objectives: [objective()] }) },
    { name: "an indicator with only a description", plan: plan({ objectives: [objective({ indicators: [indicator({ target: null })] })] }) },
  ],
  invalid: [
    {
      name: "no indicator: the indicators block",
      plan: plan({ objectives: [objective({ indicators: [] })] }),
      findings: [{ messageId: "none", range: "A15:D24", data: { objective: O1 } }],
    },
    {
      name: "only blank template rows",
      plan: plan({ objectives: [objective({ top: 10, indicators: [blank(), blank()] })] }),
      findings: [{ messageId: "none", range: "A25:D34", data: { objective: O1 } }],
    },
    {
      name: "no indicators block on the card: the title",
      plan: plan({ objectives: [objective({ indicators: [], source: src({ card: "A41:N90", title: "B42" }) })] }),
      findings: [{ messageId: "none", range: "B42", data: { objective: O1 } }],
    },
    {
      name: "two objectives at once, on two sheets",
      plan: plan({ objectives: [objective({ indicators: [] }), objective({ number: "2", sheet: "Polizia Locale", indicators: [] })] }),
      findings: [
        { messageId: "none", range: "A15:D24", data: { objective: O1 } },
        { messageId: "none", sheet: "Polizia Locale", range: "A15:D24", data: { objective: "2 «Trasparenza»" } },
      ],
    },
  ],
};
