import { phaseDeadlineOutsideYear } from "../../../../src/engine/rules/phase-deadline-outside-year";
import { objective, phase, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";

export const cases: RuleCases = {
  rule: phaseDeadlineOutsideYear,
  valid: [
    { name: "deadlines in 2024", plan: plan({ objectives: [objective({ deadline: "2024-12-31" })] }) },
    {
      name: "plan year unknown: nothing to compare",
      plan: plan({ objectives: [objective({ year: null, phases: [phase({ number: "1", deadline: "2031-01-01" })] })] }, { year: null }),
    },
  ],
  invalid: [
    {
      name: "phase 2 ends in January 2025",
      plan: plan({ objectives: [objective({ phases: [phase({ number: "1", deadline: "2024-06-30" }), phase({ number: "2", deadline: "2025-01-31" })] })] }),
      findings: [
        { messageId: "phase", range: "D6", data: { objective: O1, phase: "2", deadline: "2025-01-31", deadlineText: "31/01/2025", year: 2024 } },
      ],
    },
    {
      name: "the objective ends in 2023, card at row 31",
      plan: plan({ objectives: [objective({ top: 30, deadline: "2023-12-31" })] }),
      findings: [{ messageId: "objective", range: "F32", data: { objective: O1, deadline: "2023-12-31", deadlineText: "31/12/2023", year: 2024 } }],
    },
    {
      name: "Metodologia sets the year to 2025: both 2024 deadlines are outside",
      plan: plan({ objectives: [objective()] }),
      options: { methodology: { planYear: 2025 } },
      findings: [
        { messageId: "phase", range: "D5", data: { objective: O1, phase: "1", deadline: "2024-06-30", deadlineText: "30/06/2024", year: 2025 } },
        { messageId: "phase", range: "D6", data: { objective: O1, phase: "2", deadline: "2024-12-31", deadlineText: "31/12/2024", year: 2025 } },
      ],
    },
  ],
};
