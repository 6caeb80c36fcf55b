import { allObjectives } from "../model/plan";
import { normalizeLabel } from "../values/text";
import { defineRule } from "./define";
import { isUncalculated, objectiveLabel, objectiveRange } from "./support/locate";

/**
 * Every objective needs a weight. An intersectoral objective whose weight cell says so
 * ("Intersettoriale") is only noted (info): such objectives are often weighed outside the
 * structure's table.
 */
export const weightMissing = defineRule({
  id: "weight-missing",
  severity: "error",
  description: "Obiettivo senza peso.",
  messages: {
    missing:
      "L'obiettivo {objective} non ha un peso. Indicare il peso in % (o in punti) nella tabella dei pesi di «{structure}».",
    notNumeric:
      "Il peso dell'obiettivo {objective} è «{weightText}», che non è un numero. Indicare il peso in % (o in punti) nella tabella dei pesi di «{structure}».",
    intersectoral:
      "L'obiettivo intersettoriale {objective} ha come peso «{weightText}»: non entra nella somma dei pesi di «{structure}» né nel punteggio del responsabile. Se deve contare, indicare un peso numerico.",
  },
  check({ plan, report }) {
    for (const objective of allObjectives(plan)) {
      if (objective.weight !== null || isUncalculated(plan, objective.source.weight)) continue;
      const at = objectiveRange(objective, "weight");
      const base = { objective: objectiveLabel(objective), structure: objective.structure };
      const text = objective.weightText?.trim() || null;
      if (text === null) {
        report("missing", at, base, objective);
        continue;
      }
      const intersectoral = objective.intersectoral || normalizeLabel(text).includes("intersettorial");
      if (intersectoral) report("intersectoral", at, { ...base, weightText: text }, objective, "info");
      else report("notNumeric", at, { ...base, weightText: text }, objective);
    }
  },
});
