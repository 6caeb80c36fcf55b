import { qualifiedA1 } from "../cells/a1";
import { defineRule } from "./define";
import { objectiveLabel } from "./support/locate";

/**
 * A row of a structure's summary (weight) table that was joined to no card, in a structure that
 * has cards: the objective is counted once, from the row, but its card — with its phases and
 * indicators — was not recognised as the same objective (or is missing). A structure whose
 * objectives are written only in its table (no cards at all) is not reported: there the rows are
 * the objectives.
 */
export const summaryRowUnmatched = defineRule({
  id: "summary-row-unmatched",
  severity: "warning",
  description: "Riga della tabella dei pesi senza scheda corrispondente.",
  messages: {
    unmatched:
      "La riga {row} della tabella dei pesi di «{structure}» ({objective}) non corrisponde a nessuna scheda: l'obiettivo è contato una volta, con il peso della riga, ma senza le fasi e gli indicatori della sua scheda. Se la scheda c'è, scrivere nella scheda lo stesso numero o lo stesso titolo della riga.",
  },
  check({ plan, report }) {
    for (const structure of plan.structures) {
      const hasCards = structure.objectives.some((o) => o.join?.card != null);
      if (!hasCards) continue;
      for (const objective of structure.objectives) {
        if (objective.join?.status !== "row-only" || objective.join.row === null) continue;
        report(
          "unmatched",
          objective.join.row,
          { row: qualifiedA1(objective.join.row), structure: structure.name, objective: objectiveLabel(objective) },
          objective,
        );
      }
    }
  },
});

