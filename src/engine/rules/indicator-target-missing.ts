import { hasValue } from "../compute/indicators";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { indicatorLabel, indicatorRange, isUncalculated, objectiveLabel } from "./support/locate";

/** An indicator without an expected value cannot be assessed. Placeholders ("-", "N.") count as missing. */
export const indicatorTargetMissing = defineRule({
  id: "indicator-target-missing",
  severity: "error",
  description: "Indicatore senza valore atteso.",
  messages: {
    missing:
      "L'indicatore «{indicator}» dell'obiettivo {objective} non ha un valore atteso. Indicare il valore atteso: un numero, una percentuale, SI/NO o una data.",
  },
  check({ plan, report }) {
    for (const objective of allObjectives(plan)) {
      objective.indicators.forEach((indicator, i) => {
        if (hasValue(indicator.target) || isUncalculated(plan, indicator.source.target)) return;
        // A blank template row is no indicator at all.
        if ((indicator.description ?? "").trim() === "" && !hasValue(indicator.actual)) return;
        report(
          "missing",
          indicatorRange(objective, indicator, "target"),
          { objective: objectiveLabel(objective), index: i + 1, indicator: indicatorLabel(indicator, i) },
          objective,
        );
      });
    }
  },
});
