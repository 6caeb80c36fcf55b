import { participationSum } from "../../../../src/engine/rules/participation-sum";
import { objective, plan, staff } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";
const people = (...shares: (number | null)[]) => shares.map((p, i) => staff(`Persona ${i + 1}`, p));

export const cases: RuleCases = {
  rule: participationSum,
  valid: [
    { name: "60 + 40", plan: plan({ objectives: [objective()] }) },
    { name: "33 + 33 + 33 = 99 (Servizio Amministrativo card 1)", plan: plan({ objectives: [objective({ staff: people(33, 33, 33) })] }) },
    { name: "Polizia Locale 20/15/15/15/15/20", plan: plan({ objectives: [objective({ staff: people(20, 15, 15, 15, 15, 20) })] }) },
    { name: "no staff listed", plan: plan({ objectives: [objective({ staff: [] })] }) },
    { name: "98 with a tolerance of 2", plan: plan({ objectives: [objective({ staff: people(49, 49) })] }), options: { methodology: { participationTolerance: 2 } } },
  ],
  invalid: [
    {
      name: "60 + 20 + 10 = 90",
      plan: plan({ objectives: [objective({ staff: people(60, 20, 10) })] }),
      findings: [{ messageId: "wrongTotal", range: "C35:C37", data: { objective: O1, total: 90, expected: 100, count: 3, tolerance: 1.5 } }],
    },
    {
      name: "49 + 49 = 98 beyond the default tolerance, card at row 101",
      plan: plan({ objectives: [objective({ top: 100, staff: people(49, 49) })] }),
      findings: [{ messageId: "wrongTotal", range: "C135:C136", data: { objective: O1, total: 98, expected: 100, count: 2, tolerance: 1.5 } }],
    },
    {
      name: "one person without a share",
      plan: plan({ objectives: [objective({ staff: people(60, null) })] }),
      findings: [{ messageId: "partial", range: "C36", data: { objective: O1, withValue: 1, withoutValue: 1, names: ["Persona 2"] } }],
    },
    {
      name: "two objectives at once: nobody has a share (info) and 110",
      plan: plan({ objectives: [objective({ staff: people(null, null) }), objective({ top: 60, number: "2", staff: people(60, 50) })] }),
      findings: [
        { messageId: "missing", range: "A35:C44", severity: "info", data: { objective: O1, count: 2 } },
        { messageId: "wrongTotal", range: "C95:C96", data: { objective: "2 «Trasparenza»", total: 110, expected: 100, count: 2, tolerance: 1.5 } },
      ],
    },
  ],
};
