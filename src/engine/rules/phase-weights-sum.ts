import { phaseWeights, isHundred, sumWeights } from "../compute/weights";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { objectiveLabel, objectiveRange, unionOf } from "./support/locate";

/** Phase weights of an objective, all given, must sum to 100 (within methodology.weightTolerance). */
export const phaseWeightsSum = defineRule({
  id: "phase-weights-sum",
  severity: "error",
  description: "I pesi delle fasi di un obiettivo devono sommare a 100%.",
  messages: {
    wrongTotal:
      "I pesi delle {count} fasi dell'obiettivo {objective} sommano a {total}%, ma devono fare {expected}%. Correggere i pesi delle fasi nelle celle indicate.",
  },
  check({ plan, methodology, report }) {
    for (const objective of allObjectives(plan)) {
      const weights = phaseWeights(objective);
      // Partly weighted phases are phase-weights-partial's finding; their sum says nothing yet.
      if (weights.length === 0 || weights.some((w) => w.weight === null)) continue;
      const total = sumWeights(weights) ?? 0;
      if (isHundred(total, methodology.weightTolerance)) continue;
      const at = unionOf(weights.map((w) => w.at)) ?? objectiveRange(objective, "phases");
      report(
        "wrongTotal",
        at,
        { objective: objectiveLabel(objective), total: Math.round(total * 100) / 100, expected: 100, count: weights.length },
        objective,
      );
    }
  },
});
