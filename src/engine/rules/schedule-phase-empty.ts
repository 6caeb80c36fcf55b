import { computeSchedule } from "../compute/schedule";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { objectiveLabel, phaseLabel, phaseRange, planYearOf } from "./support/locate";

/**
 * A phase with no month from any source (cronoprogramma row, schedule text, deadline) cannot be
 * checked for timeliness. Phases with a deadline outside the plan year are left to
 * phase-deadline-outside-year.
 */
export const schedulePhaseEmpty = defineRule({
  id: "schedule-phase-empty",
  severity: "warning",
  description: "Fase senza mesi nel cronoprogramma.",
  messages: {
    empty:
      "La fase {phase} dell'obiettivo {objective} non ha nessun mese nel cronoprogramma né una data di fine. Segnare con una X i mesi previsti (o indicare la data di fine attesa).",
  },
  check({ plan, methodology, report }) {
    for (const objective of allObjectives(plan)) {
      const schedule = computeSchedule(objective, planYearOf(plan, methodology, objective));
      for (const p of schedule.phases) {
        if (p.phaseIndex === null || p.months.length > 0) continue;
        const phase = objective.phases[p.phaseIndex];
        if (!phase || phase.deadline !== null) continue;
        report(
          "empty",
          phaseRange(objective, phase, "label"),
          { objective: objectiveLabel(objective), phase: phaseLabel(phase, p.phaseIndex), label: phase.label },
          objective,
        );
      }
    }
  },
});
