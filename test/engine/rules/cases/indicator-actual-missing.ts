import { indicatorActualMissing } from "../../../../src/engine/rules/indicator-actual-missing";
import { indicator, num, objective, plan, src, text, yes } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";
const base = { objective: O1, index: 1, indicator: "Pratiche evase", target: "100" };
const interim = { review: "interim", reviewLabel: "intermedia" } as const;
const final = { review: "final", reviewLabel: "finale" } as const;

export const cases: RuleCases = {
  rule: indicatorActualMissing,
  valid: [
    { name: "no review: nothing is asked", plan: plan({ objectives: [objective()] }) },
    {
      name: "interim review, value given",
      plan: plan({ objectives: [objective({ indicators: [indicator({ actual: num(80) })] })] }),
      options: { review: "interim", asOf: "2024-09-30" },
    },
    {
      name: "final review, indicator without target (indicator-target-missing's finding)",
      plan: plan({ objectives: [objective({ indicators: [indicator({ target: null })] })] }),
      options: { review: "final", asOf: "2025-01-31" },
    },
  ],
  invalid: [
    {
      name: "interim review: warning, left out of the mean",
      plan: plan({ objectives: [objective()] }),
      options: { review: "interim", asOf: "2024-09-30" },
      findings: [{ messageId: "excluded", range: "C15", data: { ...base, ...interim } }],
    },
    {
      name: "final review: error, counted 0",
      plan: plan({ objectives: [objective()] }),
      options: { review: "final", asOf: "2025-01-31" },
      findings: [{ messageId: "zero", range: "C15", severity: "error", data: { ...base, ...final } }],
    },
    {
      name: "interim review with missingActualInterim = zero",
      plan: plan({ objectives: [objective()] }),
      options: { review: "interim", methodology: { missingActualInterim: "zero" } },
      findings: [{ messageId: "zero", range: "C15", data: { ...base, ...interim } }],
    },
    {
      name: "two at once: empty and the placeholder «N.», card at row 51",
      plan: plan({
        objectives: [objective({ top: 50, indicators: [indicator(), indicator({ description: "Pubblicazioni", target: yes(), actual: text("N.") })] })],
      }),
      options: { review: "final" },
      findings: [
        { messageId: "zero", range: "C65", severity: "error", data: { ...base, ...final } },
        { messageId: "zero", range: "C66", severity: "error", data: { ...base, index: 2, indicator: "Pubblicazioni", target: "SI", ...final } },
      ],
    },
    {
      name: "no achieved-value cell in the layout: the target",
      plan: plan({ objectives: [objective({ indicators: [indicator({ source: src({ description: "A15", target: "B15" }) })] })] }),
      options: { review: "interim" },
      findings: [{ messageId: "excluded", range: "B15", data: { ...base, ...interim } }],
    },
  ],
};
