import { computeObjectiveScore } from "../compute/scores";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { firstRange, formatDateIt, objectiveLabel, objectiveRange, planYearOf, sourceRange } from "./support/locate";

/** Typed and computed means may differ by this many points (rounding on the card). */
export const REVIEW_MEAN_TOLERANCE = 0.5;

/**
 * The card's review block ("Media valore raggiunto", "Media rispetto dei tempi", typed by hand)
 * against the means computed from the indicators and phases at that review's date. Only an
 * info: the computed figure is the one scores use.
 */
export const reviewMeanMismatch = defineRule({
  id: "review-mean-mismatch",
  severity: "info",
  description: "Media scritta nella verifica diversa da quella calcolata.",
  messages: {
    achievement:
      "Nella verifica del {dateText} dell'obiettivo {objective} la media valore raggiunto scritta è {typed}%, ma dai valori degli indicatori risulta {computed}%. Aggiornare la media o controllare i valori raggiunti.",
    timeliness:
      "Nella verifica del {dateText} dell'obiettivo {objective} la media rispetto dei tempi scritta è {typed}%, ma dalle date di completamento delle fasi risulta {computed}%. Aggiornare la media o controllare le date.",
  },
  check({ plan, methodology, asOf, report }) {
    for (const objective of allObjectives(plan)) {
      for (const review of objective.reviews) {
        if (review.meanAchievement === null && review.meanTimeliness === null) continue;
        const date = review.date ?? asOf;
        if (date === null) continue;
        const score = computeObjectiveScore(objective, {
          methodology,
          review: review.kind,
          asOf: date,
          overrides: [],
          schedules: [],
          planYear: planYearOf(plan, methodology, objective),
        });
        const pairs = [
          ["achievement", review.meanAchievement, score.meanAchievement, "meanAchievement"],
          ["timeliness", review.meanTimeliness, score.meanTimeliness, "meanTimeliness"],
        ] as const;
        for (const [messageId, typed, computed, key] of pairs) {
          if (typed === null || computed === null || Math.abs(typed - computed) <= REVIEW_MEAN_TOLERANCE) continue;
          report(
            messageId,
            firstRange(sourceRange(review.source, key, "card", "date")) ?? objectiveRange(objective, "reviews"),
            {
              objective: objectiveLabel(objective),
              typed,
              computed: Math.round(computed * 100) / 100,
              review: review.kind,
              date,
              dateText: formatDateIt(date),
            },
            objective,
          );
        }
      }
    }
  },
});
