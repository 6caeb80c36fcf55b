import { scheduleRowUnmatched } from "../../../../src/engine/rules/schedule-row-unmatched";
import { months, objective, phase, plan, scheduleRow } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";

export const cases: RuleCases = {
  rule: scheduleRowUnmatched,
  valid: [
    { name: "rows 1 and 2 for phases 1 and 2", plan: plan({ objectives: [objective()] }) },
    {
      name: "rows named after the phases",
      plan: plan({
        objectives: [
          objective({
            phases: [phase({ label: "Aggiornamento annuale P.T.P.C." }), phase({ label: "Aggiornamento sito/amministrazione trasparente" })],
            schedule: [scheduleRow("Aggiornamento PTPC annuale", [1]), scheduleRow("Sito amministrazione trasparente", months(1, 12))],
          }),
        ],
      }),
    },
    {
      name: "a leftover row without any X",
      plan: plan({ objectives: [objective({ schedule: [scheduleRow("1", months(1, 6)), scheduleRow("2", months(7, 12)), scheduleRow("3", [])] })] }),
    },
    {
      name: "one phase, one row whatever its label",
      plan: plan({ objectives: [objective({ phases: [phase({ label: "Gestione" })], schedule: [scheduleRow("Tutto l'anno", months(1, 12))] })] }),
    },
  ],
  invalid: [
    {
      name: "row 3 with two phases",
      plan: plan({ objectives: [objective({ schedule: [scheduleRow("1", months(1, 6)), scheduleRow("2", months(7, 12)), scheduleRow("3", [1])] })] }),
      findings: [{ messageId: "unmatched", range: "A27", data: { objective: O1, label: "3", phaseCount: 2 } }],
    },
    {
      name: "rows but no phases listed",
      plan: plan({ objectives: [objective({ phases: [], schedule: [scheduleRow("1", [1]), scheduleRow("2", [2]), scheduleRow("3", [])] })] }),
      findings: [{ messageId: "noPhases", range: "A25:N34", data: { objective: O1, rows: 2 } }],
    },
    {
      name: "two rows whose names match no phase, card at row 201",
      plan: plan({
        objectives: [objective({ top: 200, schedule: [scheduleRow("Formazione del personale", [3]), scheduleRow("Collaudo", [4])] })],
      }),
      findings: [
        { messageId: "unmatched", range: "A225", data: { objective: O1, label: "Formazione del personale", phaseCount: 2 } },
        { messageId: "unmatched", range: "A226", data: { objective: O1, label: "Collaudo", phaseCount: 2 } },
      ],
    },
  ],
};
