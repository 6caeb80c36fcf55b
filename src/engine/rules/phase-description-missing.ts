import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { objectiveLabel, phaseRange } from "./support/locate";

/**
 * A phase known only from a cronoprogramma row ("1", "2" …): it counts like any phase (its
 * months, its timeliness), but the card does not describe it. Information, not an error: the
 * Servizio Finanziario cards of real plans are typed this way.
 */
export const phaseDescriptionMissing = defineRule({
  id: "phase-description-missing",
  severity: "info",
  description: "Fase presente solo nel cronoprogramma, senza descrizione.",
  messages: {
    missing:
      "L'obiettivo {objective} ha {count} fasi presenti solo come righe del cronoprogramma ({labels}): sono contate come fasi, ma la scheda non le descrive. Elencarle sotto «Fasi di attuazione», numerate come le righe.",
  },
  check({ plan, report }) {
    for (const objective of allObjectives(plan)) {
      const only = objective.phases.filter((p) => p.origin?.length === 1 && p.origin[0] === "schedule");
      if (only.length === 0) continue;
      const first = only[0] as (typeof only)[number];
      report(
        "missing",
        phaseRange(objective, first, "label"),
        { objective: objectiveLabel(objective), count: only.length, labels: only.map((p) => `«${p.label}»`).join(", ") },
        objective,
      );
    }
  },
});
