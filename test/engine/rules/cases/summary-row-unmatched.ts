import { summaryRowUnmatched } from "../../../../src/engine/rules/summary-row-unmatched";
import type { Join } from "../../../../src/engine/model/plan";
import { at, objective, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const joined = (row: string, card: string): Join => ({ status: "joined", row: at(row, "Pesi"), card: at(card), score: 0.85, evidence: { number: 1, title: 1, structure: null, owner: null }, candidates: [] });
const rowOnly = (row: string): Join => ({ status: "row-only", row: at(row, "Pesi"), card: null, score: null, evidence: null, candidates: [] });

export const cases: RuleCases = {
  rule: summaryRowUnmatched,
  valid: [
    { name: "no weight table (no join)", plan: plan({ objectives: [objective()] }) },
    { name: "every row joined to its card", plan: plan({ objectives: [objective({ join: joined("A5:D5", "A1:N50") }), objective({ number: "2", title: "Bilancio", join: joined("A6:D6", "A51:N100") })] }) },
    {
      name: "a table-only structure: its rows are its objectives",
      plan: plan({ objectives: [objective({ layout: "A", join: rowOnly("A5:D5") }), objective({ number: "2", join: rowOnly("A6:D6") })] }),
    },
  ],
  invalid: [
    {
      name: "row 2 of a structure with cards has no card",
      plan: plan({ objectives: [objective({ join: joined("A5:D5", "A1:N50") }), objective({ number: "2", title: "Bilancio", join: rowOnly("A6:D6") })] }),
      findings: [
        {
          messageId: "unmatched",
          range: "A6:D6",
          sheet: "Pesi",
          data: { row: "Pesi!A6:D6", structure: "Servizio Amministrativo", objective: "2 «Bilancio»" },
          objectiveId: "servizio-amministrativo/2",
        },
      ],
    },
  ],
};
