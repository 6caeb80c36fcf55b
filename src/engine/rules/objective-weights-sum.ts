import { isHundred } from "../compute/weights";
import type { Objective } from "../model/plan";
import { defineRule } from "./define";
import { structureWeightsRange } from "./support/locate";

/**
 * Objective weights of a structure must sum to 100, in % or in points ("MAX 20 PUNTI" × 4 = 80
 * points is an error). Objectives without a weight are left out of the sum (weight-missing
 * reports them) and counted in `missing`.
 */
export const objectiveWeightsSum = defineRule({
  id: "objective-weights-sum",
  severity: "error",
  description: "I pesi degli obiettivi di una struttura devono sommare a 100.",
  messages: {
    percent:
      "I pesi dei {count} obiettivi di «{structure}» sommano a {total}%, ma devono fare {expected}%. Correggere i pesi nella tabella dei pesi.",
    points:
      "I pesi dei {count} obiettivi di «{structure}» sono in punti e sommano a {total} punti, non {expected}. Ridistribuire i punti in modo che il totale faccia {expected} (o indicare i pesi in %).",
    mixedUnits:
      "I pesi degli obiettivi di «{structure}» mescolano percentuali ({percentCount} obiettivi) e punti ({pointsCount} obiettivi). Usare una sola unità, con totale 100.",
  },
  check({ plan, methodology, report }) {
    for (const structure of plan.structures) {
      const weighted = structure.objectives.filter((o): o is Objective & { weight: NonNullable<Objective["weight"]> } => o.weight !== null);
      if (weighted.length === 0) continue;
      const at = structureWeightsRange(structure);
      if (!at) continue;
      const missing = structure.objectives.length - weighted.length;
      const points = weighted.filter((o) => o.weight.unit === "points").length;
      if (points > 0 && points < weighted.length) {
        report("mixedUnits", at, { structure: structure.name, percentCount: weighted.length - points, pointsCount: points }, { structure: structure.name });
        continue;
      }
      const total = Math.round(weighted.reduce((s, o) => s + o.weight.value, 0) * 100) / 100;
      if (isHundred(total, methodology.weightTolerance)) continue;
      const unit = points > 0 ? "points" : "percent";
      report(unit, at, { structure: structure.name, total, unit, expected: 100, count: weighted.length, missing }, { structure: structure.name });
    }
  },
});
