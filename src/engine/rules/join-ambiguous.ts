import { qualifiedA1 } from "../cells/a1";
import { defineRule } from "./define";
import { objectiveLabel } from "./support/locate";

/**
 * A summary-table row for which two or more cards are equally good (or a card for which two rows
 * are): the reader does not guess, it joins none of them, so the objective may be counted twice.
 * One finding per row, naming the candidate cells, so the user can tell them apart (a number or
 * a distinct title on each card).
 */
export const joinAmbiguous = defineRule({
  id: "join-ambiguous",
  severity: "warning",
  description: "Riga della tabella dei pesi che corrisponde ugualmente bene a più schede.",
  messages: {
    ambiguous:
      "La riga {row} della tabella dei pesi di «{structure}» ({objective}) corrisponde ugualmente bene alle schede {candidates}: nessuna è stata collegata alla riga. Scrivere in ogni scheda il numero della sua riga.",
  },
  check({ plan, report }) {
    for (const structure of plan.structures) {
      for (const objective of structure.objectives) {
        const join = objective.join;
        if (join?.status !== "ambiguous" || join.row === null) continue;
        report(
          "ambiguous",
          join.row,
          { row: qualifiedA1(join.row), structure: structure.name, objective: objectiveLabel(objective), candidates: join.candidates.map(qualifiedA1).join(", ") },
          objective,
        );
      }
    }
  },
});
