import { phaseWeights } from "../compute/weights";
import { allObjectives, type Phase } from "../model/plan";
import { defineRule } from "./define";
import { objectiveLabel, phaseLabel, phaseRange, unionOf } from "./support/locate";

/** Either every phase of an objective has a weight or none has. */
export const phaseWeightsPartial = defineRule({
  id: "phase-weights-partial",
  severity: "error",
  description: "Alcune fasi hanno un peso e altre no.",
  messages: {
    partial:
      "Nell'obiettivo {objective} {withWeight} fasi hanno un peso e {withoutWeight} no (fasi {phases}). Indicare il peso in % di ogni fase, con totale 100%, oppure toglierlo a tutte.",
  },
  check({ plan, report }) {
    for (const objective of allObjectives(plan)) {
      const weights = phaseWeights(objective);
      const without = weights.filter((w) => w.weight === null);
      if (without.length === 0 || without.length === weights.length) continue;
      const phaseAt = (index: number): Phase => objective.phases[index] as Phase;
      // The cells to fill: each unweighted phase's weight cell, else its label.
      const at = unionOf(without.map((w) => w.at ?? phaseRange(objective, phaseAt(w.index), "weight")));
      if (!at) continue;
      report(
        "partial",
        at,
        {
          objective: objectiveLabel(objective),
          withWeight: weights.length - without.length,
          withoutWeight: without.length,
          phases: without.map((w) => phaseLabel(phaseAt(w.index), w.index)),
        },
        objective,
      );
    }
  },
});
