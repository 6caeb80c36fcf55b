import { scheduleAfterDeadline } from "../../../../src/engine/rules/schedule-after-deadline";
import { objective, phase, plan, scheduleRow, src } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";

export const cases: RuleCases = {
  rule: scheduleAfterDeadline,
  valid: [
    { name: "January–June with a deadline of 30 June", plan: plan({ objectives: [objective()] }) },
    {
      name: "no deadline",
      plan: plan({ objectives: [objective({ phases: [phase({ number: "1", label: "Analisi" }), phase({ number: "2", label: "Attuazione" })] })] }),
    },
    {
      name: "deadline in another year (phase-deadline-outside-year's finding)",
      plan: plan({ objectives: [objective({ phases: [phase({ number: "1", label: "Analisi", deadline: "2023-03-31" }), phase({ number: "2", label: "Attuazione" })] })] }),
    },
  ],
  invalid: [
    {
      name: "X in May and June, deadline 30 April: the two month cells",
      plan: plan({
        objectives: [objective({ phases: [phase({ number: "1", label: "Analisi", deadline: "2024-04-30" }), phase({ number: "2", label: "Attuazione", deadline: "2024-12-31" })] })],
      }),
      findings: [
        {
          messageId: "afterDeadline",
          range: "F25:G25",
          data: {
            objective: O1,
            phase: "1",
            months: [5, 6],
            monthNames: "maggio, giugno",
            deadline: "2024-04-30",
            deadlineText: "30/04/2024",
            deadlineMonth: "aprile",
          },
        },
      ],
    },
    {
      name: "months written as text (layout C): the text cell",
      plan: plan({
        objectives: [
          objective({
            schedule: [],
            phases: [
              phase({
                number: "1",
                label: "Buoni spesa",
                scheduleText: "Gennaio - marzo, settembre",
                scheduleMonths: [1, 2, 3, 9],
                deadline: "2024-03-31",
                source: src({ number: "A5", label: "B5", scheduleText: "C5", deadline: "D5" }),
              }),
            ],
          }),
        ],
      }),
      findings: [
        {
          messageId: "afterDeadline",
          range: "C5",
          data: { objective: O1, phase: "1", months: [9], monthNames: "settembre", deadline: "2024-03-31", deadlineText: "31/03/2024", deadlineMonth: "marzo" },
        },
      ],
    },
    {
      name: "two phases at once, card at row 11 (Servizio Amministrativo card 5, rows 2 and 3)",
      plan: plan({
        objectives: [
          objective({
            top: 10,
            phases: [
              phase({ number: "1", label: "Revisione programma fabbisogno", deadline: "2024-06-30" }),
              phase({ number: "2", label: "Procedure di assunzione", deadline: "2024-07-31" }),
            ],
            schedule: [scheduleRow("1", [6, 7]), scheduleRow("2", [6, 7, 9])],
          }),
        ],
      }),
      findings: [
        {
          messageId: "afterDeadline",
          range: "H35",
          data: { objective: O1, phase: "1", months: [7], monthNames: "luglio", deadline: "2024-06-30", deadlineText: "30/06/2024", deadlineMonth: "giugno" },
        },
        {
          messageId: "afterDeadline",
          range: "J36",
          data: { objective: O1, phase: "2", months: [9], monthNames: "settembre", deadline: "2024-07-31", deadlineText: "31/07/2024", deadlineMonth: "luglio" },
        },
      ],
    },
  ],
};
