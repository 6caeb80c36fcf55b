import { schedulePhaseEmpty } from "../../../../src/engine/rules/schedule-phase-empty";
import { months, objective, phase, plan, scheduleRow } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";

export const cases: RuleCases = {
  rule: schedulePhaseEmpty,
  valid: [
    { name: "every phase has a cronoprogramma row", plan: plan({ objectives: [objective()] }) },
    {
      name: "no row, but deadlines (layout B)",
      plan: plan({ objectives: [objective({ schedule: [] })] }),
    },
    {
      name: "months written as text (layout C)",
      plan: plan({
        objectives: [objective({ schedule: [], phases: [phase({ number: "1", label: "Raccolta domande", scheduleText: "Gennaio - marzo", scheduleMonths: [1, 2, 3] })] })],
      }),
    },
    {
      name: "deadline in a past year: phase-deadline-outside-year's finding",
      plan: plan({ objectives: [objective({ schedule: [], phases: [phase({ number: "1", label: "Analisi", deadline: "2023-12-31" })] })] }),
    },
  ],
  invalid: [
    {
      name: "phase 2 has no row and no deadline",
      plan: plan({
        objectives: [
          objective({
            phases: [phase({ number: "1", label: "Analisi" }), phase({ number: "2", label: "Attuazione" })],
            schedule: [scheduleRow("1", months(1, 6))],
          }),
        ],
      }),
      findings: [{ messageId: "empty", range: "B6", data: { objective: O1, phase: "2", label: "Attuazione" } }],
    },
    {
      name: "unnumbered third phase, card at row 51",
      plan: plan({
        objectives: [
          objective({
            top: 50,
            phases: [phase({ label: "Analisi" }), phase({ label: "Attuazione" }), phase({ label: "Verifica" })],
          }),
        ],
      }),
      findings: [{ messageId: "empty", range: "B57", data: { objective: O1, phase: "3", label: "Verifica" } }],
    },
    {
      name: "a matched row without any X",
      plan: plan({
        objectives: [
          objective({
            phases: [phase({ number: "1", label: "Analisi" }), phase({ number: "2", label: "Attuazione" })],
            schedule: [scheduleRow("1", months(1, 6)), scheduleRow("2", [])],
          }),
        ],
      }),
      findings: [{ messageId: "empty", range: "B6", data: { objective: O1, phase: "2", label: "Attuazione" } }],
    },
    {
      name: "two at once: no cronoprogramma, no deadlines",
      plan: plan({
        objectives: [objective({ phases: [phase({ number: "1", label: "Analisi" }), phase({ number: "2", label: "Attuazione" })], schedule: [] })],
      }),
      findings: [
        { messageId: "empty", range: "B5", data: { objective: O1, phase: "1", label: "Analisi" } },
        { messageId: "empty", range: "B6", data: { objective: O1, phase: "2", label: "Attuazione" } },
      ],
    },
  ],
};
