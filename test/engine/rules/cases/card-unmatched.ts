import { cardUnmatched } from "../../../../src/engine/rules/card-unmatched";
import type { Join } from "../../../../src/engine/model/plan";
import { at, objective, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const cardOnly = (card: string): Join => ({ status: "card-only", row: null, card: at(card), score: null, evidence: null, candidates: [] });

export const cases: RuleCases = {
  rule: cardUnmatched,
  valid: [
    { name: "no weight table in the structure", plan: plan({ objectives: [objective()] }) },
    {
      name: "a joined card",
      plan: plan({ objectives: [objective({ join: { status: "joined", row: at("A5:D5", "Pesi"), card: at("A1:N50"), score: 1, evidence: null, candidates: [] } })] }),
    },
  ],
  invalid: [
    {
      name: "a card listed in no row",
      plan: plan({ objectives: [objective({ top: 100, join: cardOnly("A101:N150") })] }),
      findings: [{ messageId: "unmatched", range: "B102", data: { objective: "1 «Trasparenza»", card: "Scheda!A101:N150", structure: "Servizio Amministrativo" } }],
    },
  ],
};
