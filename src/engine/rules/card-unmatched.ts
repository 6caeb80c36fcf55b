import { qualifiedA1 } from "../cells/a1";
import { defineRule } from "./define";
import { objectiveLabel, objectiveRange } from "./support/locate";

/**
 * A card of a structure that has a summary (weight) table, listed in no row of it: the objective
 * has no weight from the table, and if its row is there under another spelling, it is counted
 * twice (the row-only objective reports the other half).
 */
export const cardUnmatched = defineRule({
  id: "card-unmatched",
  severity: "warning",
  description: "Scheda non elencata nella tabella dei pesi della sua struttura.",
  messages: {
    unmatched:
      "La scheda {objective} ({card}) non è elencata nella tabella dei pesi di «{structure}»: non prende il peso dalla tabella. Aggiungere la riga alla tabella, o scrivere nella scheda lo stesso numero o lo stesso titolo della sua riga.",
  },
  check({ plan, report }) {
    for (const structure of plan.structures) {
      for (const objective of structure.objectives) {
        if (objective.join?.status !== "card-only") continue;
        const at = objective.join.card ?? objectiveRange(objective, "title", "card");
        report("unmatched", objectiveRange(objective, "title", "card"), { objective: objectiveLabel(objective), card: qualifiedA1(at), structure: structure.name }, objective);
      }
    }
  },
});
