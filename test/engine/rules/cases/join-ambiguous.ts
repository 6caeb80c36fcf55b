import { joinAmbiguous } from "../../../../src/engine/rules/join-ambiguous";
import type { Join } from "../../../../src/engine/model/plan";
import { at, objective, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const ambiguousRow: Join = { status: "ambiguous", row: at("A5:D5", "Pesi"), card: null, score: null, evidence: null, candidates: [at("A1:N50"), at("A51:N100")] };
const ambiguousCard: Join = { status: "ambiguous", row: null, card: at("A1:N50"), score: 0.675, evidence: null, candidates: [at("A5:D5", "Pesi")] };

export const cases: RuleCases = {
  rule: joinAmbiguous,
  valid: [
    { name: "no join", plan: plan({ objectives: [objective()] }) },
    { name: "the card side of an ambiguity (reported once, on the row)", plan: plan({ objectives: [objective({ join: ambiguousCard })] }) },
  ],
  invalid: [
    {
      name: "a row two cards fit equally",
      plan: plan({ objectives: [objective({ number: null, title: "Gestione", join: ambiguousRow })] }),
      findings: [
        {
          messageId: "ambiguous",
          range: "A5:D5",
          sheet: "Pesi",
          data: { row: "Pesi!A5:D5", structure: "Servizio Amministrativo", objective: "«Gestione»", candidates: "Scheda!A1:N50, Scheda!A51:N100" },
        },
      ],
    },
  ],
};
