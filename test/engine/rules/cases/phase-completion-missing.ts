import { phaseCompletionMissing } from "../../../../src/engine/rules/phase-completion-missing";
import { months, objective, phase, plan, scheduleRow, src } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const O1 = "1 «Trasparenza»";
const interim = (asOf: string) => ({ review: "interim", reviewLabel: "intermedia", asOf, asOfText: asOf.split("-").reverse().join("/") }) as const;
const final = (asOf: string) => ({ review: "final", reviewLabel: "finale", asOf, asOfText: asOf.split("-").reverse().join("/") }) as const;
const june = { lastMonth: 6, lastMonthName: "giugno 2024" };
const december = { lastMonth: 12, lastMonthName: "dicembre 2024" };

/** The builder's two phases (January–June, July–December), completed on these dates. */
const done = (first: string | null, second: string | null) =>
  objective({
    phases: [
      phase({ number: "1", label: "Analisi", weight: 50, deadline: "2024-06-30", completedOn: first }),
      phase({ number: "2", label: "Attuazione", weight: 50, deadline: "2024-12-31", completedOn: second }),
    ],
  });

export const cases: RuleCases = {
  rule: phaseCompletionMissing,
  valid: [
    { name: "no review: nothing is asked", plan: plan({ objectives: [done(null, null)] }) },
    { name: "a review without a date: nothing is due", plan: plan({ objectives: [done(null, null)] }), options: { review: "final" } },
    {
      name: "interim review: phase 1 completed, phase 2 not due yet",
      plan: plan({ objectives: [done("2024-06-20", null)] }),
      options: { review: "interim", asOf: "2024-09-30" },
    },
    {
      name: "interim review in June: phase 1 still running",
      plan: plan({ objectives: [done(null, null)] }),
      options: { review: "interim", asOf: "2024-06-29" },
    },
    {
      name: "final review: both completed (the second late: schedule, not completion, is scored)",
      plan: plan({ objectives: [done("2024-06-20", "2025-01-15")] }),
      options: { review: "final", asOf: "2025-01-31" },
    },
    {
      name: "a phase without any month (schedule-phase-empty's finding)",
      plan: plan({ objectives: [objective({ schedule: [], phases: [phase({ number: "1", label: "Analisi" })] })] }),
      options: { review: "final", asOf: "2025-01-31" },
    },
  ],
  invalid: [
    {
      name: "interim review: phase 1 due in June, no completion date (warning)",
      plan: plan({ objectives: [done(null, null)] }),
      options: { review: "interim", asOf: "2024-09-30" },
      findings: [{ messageId: "missing", range: "B5", objectiveId: "servizio-amministrativo/1", data: { objective: O1, phase: "1", ...june, ...interim("2024-09-30") } }],
    },
    {
      name: "the last planned month ends on the review date: due, as scoring counts it",
      plan: plan({ objectives: [done(null, null)] }),
      options: { review: "interim", asOf: "2024-06-30" },
      findings: [{ messageId: "missing", range: "B5", data: { objective: O1, phase: "1", ...june, ...interim("2024-06-30") } }],
    },
    {
      name: "final review: two at once (errors)",
      plan: plan({ objectives: [done(null, null)] }),
      options: { review: "final", asOf: "2025-01-31" },
      findings: [
        { messageId: "missing", range: "B5", severity: "error", data: { objective: O1, phase: "1", ...june, ...final("2025-01-31") } },
        { messageId: "missing", range: "B6", severity: "error", data: { objective: O1, phase: "2", ...december, ...final("2025-01-31") } },
      ],
    },
    {
      name: "months from the cronoprogramma, not the deadline: row 2 ends in March",
      plan: plan({ objectives: [objective({ schedule: [scheduleRow("1", months(1, 2)), scheduleRow("2", months(2, 3))] })] }),
      options: { review: "interim", asOf: "2024-04-15" },
      findings: [
        { messageId: "missing", range: "B5", data: { objective: O1, phase: "1", lastMonth: 2, lastMonthName: "febbraio 2024", ...interim("2024-04-15") } },
        { messageId: "missing", range: "B6", data: { objective: O1, phase: "2", lastMonth: 3, lastMonthName: "marzo 2024", ...interim("2024-04-15") } },
      ],
    },
    {
      name: "layout B: months from the deadlines, the phase's row",
      plan: plan({
        objectives: [
          objective({
            schedule: [],
            phases: [
              phase({ number: "1.1", label: "Ricognizione", deadline: "2024-03-31", source: src({ row: "A7:F7", label: "B7" }) }),
              phase({ number: "1.2", label: "Regolamento", deadline: "2024-10-31", source: src({ row: "A8:F8", label: "B8" }) }),
            ],
          }),
        ],
      }),
      options: { review: "interim", asOf: "2024-09-30" },
      findings: [{ messageId: "missing", range: "A7:F7", data: { objective: O1, phase: "1.1", lastMonth: 3, lastMonthName: "marzo 2024", ...interim("2024-09-30") } }],
    },
    {
      name: "layout C: months written as text, unnumbered phase, card at row 51",
      plan: plan({
        objectives: [
          objective({
            top: 50,
            schedule: [],
            phases: [
              phase({ label: "Raccolta domande", scheduleText: "Gennaio - marzo", scheduleMonths: [1, 2, 3], completedOn: "2024-03-20" }),
              phase({ label: "Graduatoria", scheduleText: "Aprile - maggio", scheduleMonths: [4, 5] }),
            ],
          }),
        ],
      }),
      options: { review: "final", asOf: "2025-01-31" },
      findings: [{ messageId: "missing", range: "B56", severity: "error", data: { objective: O1, phase: "2", lastMonth: 5, lastMonthName: "maggio 2024", ...final("2025-01-31") } }],
    },
  ],
};
