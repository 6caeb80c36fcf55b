import { hasValue } from "../compute/indicators";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { indicatorLabel, indicatorRange, objectiveLabel } from "./support/locate";

/**
 * At a review, every indicator with a target needs an achieved value: a warning at the interim
 * review, an error at the final one. The message says what the methodology does meanwhile (left
 * out of the mean, or counted 0).
 */
export const indicatorActualMissing = defineRule({
  id: "indicator-actual-missing",
  severity: "warning",
  description: "Indicatore senza valore raggiunto alla verifica.",
  messages: {
    excluded:
      "Alla verifica {reviewLabel} l'indicatore «{indicator}» dell'obiettivo {objective} non ha un valore raggiunto (valore atteso: {target}). Inserirlo: finché manca l'indicatore è escluso dalla media.",
    zero:
      "Alla verifica {reviewLabel} l'indicatore «{indicator}» dell'obiettivo {objective} non ha un valore raggiunto (valore atteso: {target}). Inserirlo: finché manca conta 0%.",
  },
  check({ plan, methodology, review, report }) {
    if (review === null) return;
    const setting = review === "interim" ? methodology.missingActualInterim : methodology.missingActualFinal;
    const messageId = setting === "zero" ? "zero" : "excluded";
    for (const objective of allObjectives(plan)) {
      objective.indicators.forEach((indicator, i) => {
        // Without a target the indicator cannot be scored anyway: indicator-target-missing says so.
        if (!hasValue(indicator.target) || hasValue(indicator.actual)) return;
        report(
          messageId,
          indicatorRange(objective, indicator, "actual", "target"),
          {
            objective: objectiveLabel(objective),
            index: i + 1,
            indicator: indicatorLabel(indicator, i),
            target: indicator.target.text,
            review,
            reviewLabel: review === "interim" ? "intermedia" : "finale",
          },
          objective,
          review === "final" ? "error" : "warning",
        );
      });
    }
  },
});
