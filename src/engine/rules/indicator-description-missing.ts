import { hasValue } from "../compute/indicators";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { indicatorRange, objectiveLabel } from "./support/locate";

/** An indicator with a value but no description: nobody can tell what it measures. */
export const indicatorDescriptionMissing = defineRule({
  id: "indicator-description-missing",
  severity: "warning",
  description: "Indicatore senza descrizione.",
  messages: {
    missing:
      "L'indicatore n. {index} dell'obiettivo {objective} (valore atteso «{target}») non ha una descrizione. Scrivere che cosa misura.",
  },
  check({ plan, report }) {
    for (const objective of allObjectives(plan)) {
      objective.indicators.forEach((indicator, i) => {
        if ((indicator.description ?? "").trim() !== "") return;
        if (!hasValue(indicator.target) && !hasValue(indicator.actual)) return;
        report(
          "missing",
          indicatorRange(objective, indicator, "description"),
          { objective: objectiveLabel(objective), index: i + 1, target: indicator.target?.text ?? null },
          objective,
        );
      });
    }
  },
});
