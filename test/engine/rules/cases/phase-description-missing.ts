import { phaseDescriptionMissing } from "../../../../src/engine/rules/phase-description-missing";
import { objective, phase, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

export const cases: RuleCases = {
  rule: phaseDescriptionMissing,
  valid: [
    { name: "phases without a recorded origin", plan: plan({ objectives: [objective()] }) },
    {
      name: "listed phases also in the cronoprogramma",
      plan: plan({ objectives: [objective({ phases: [phase({ number: "1", label: "Analisi", origin: ["list", "schedule"] }), phase({ number: "2", label: "Attuazione", origin: ["list"] })] })] }),
    },
    { name: "layout-B table phases", plan: plan({ objectives: [objective({ phases: [phase({ number: "1.1", label: "Analisi", origin: ["table"] })] })] }) },
  ],
  invalid: [
    {
      name: "phases known only from numbered rows",
      plan: plan({ objectives: [objective({ phases: [phase({ number: "1", label: "1", origin: ["schedule"] }), phase({ number: "2", label: "2", origin: ["schedule"] })] })] }),
      findings: [{ messageId: "missing", range: "B5", data: { objective: "1 «Trasparenza»", count: 2, labels: "«1», «2»" } }],
    },
  ],
};
