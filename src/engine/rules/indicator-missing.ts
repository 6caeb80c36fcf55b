import { hasValue } from "../compute/indicators";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { objectiveLabel, objectiveRange } from "./support/locate";

/** Every objective needs at least one indicator with a description or an expected value. */
export const indicatorMissing = defineRule({
  id: "indicator-missing",
  severity: "error",
  description: "Obiettivo senza indicatori di risultato.",
  messages: {
    none: "L'obiettivo {objective} non ha indicatori di risultato. Aggiungere almeno un indicatore con descrizione e valore atteso.",
  },
  check({ plan, report }) {
    for (const objective of allObjectives(plan)) {
      // Rows left blank in a template are not indicators.
      const real = objective.indicators.filter((i) => (i.description ?? "").trim() !== "" || hasValue(i.target) || hasValue(i.actual));
      if (real.length > 0) continue;
      report("none", objectiveRange(objective, "indicators"), { objective: objectiveLabel(objective) }, objective);
    }
  },
});
