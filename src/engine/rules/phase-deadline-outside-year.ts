import { isoYearMonth } from "../compute/schedule";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { formatDateIt, objectiveLabel, objectiveRange, phaseLabel, phaseRange, planYearOf } from "./support/locate";

/** Phase (and objective) deadlines must fall in the plan year; nothing is checked while the year is unknown. */
export const phaseDeadlineOutsideYear = defineRule({
  id: "phase-deadline-outside-year",
  severity: "warning",
  description: "Data di fine fuori dall'anno del piano.",
  messages: {
    phase:
      "La data di fine attesa della fase {phase} dell'obiettivo {objective} è {deadlineText}, fuori dall'anno del piano ({year}). Controllare l'anno della data.",
    objective:
      "La data di fine attesa dell'obiettivo {objective} è {deadlineText}, fuori dall'anno del piano ({year}). Controllare l'anno della data.",
  },
  check({ plan, methodology, report }) {
    for (const objective of allObjectives(plan)) {
      const year = planYearOf(plan, methodology, objective);
      if (year === null) continue;
      const ym = isoYearMonth(objective.deadline);
      if (ym && ym.year !== year && objective.deadline) {
        report(
          "objective",
          objectiveRange(objective, "deadline"),
          { objective: objectiveLabel(objective), deadline: objective.deadline, deadlineText: formatDateIt(objective.deadline), year },
          objective,
        );
      }
      objective.phases.forEach((phase, index) => {
        const d = isoYearMonth(phase.deadline);
        if (!d || d.year === year || !phase.deadline) return;
        report(
          "phase",
          phaseRange(objective, phase, "deadline"),
          {
            objective: objectiveLabel(objective),
            phase: phaseLabel(phase, index),
            deadline: phase.deadline,
            deadlineText: formatDateIt(phase.deadline),
            year,
          },
          objective,
        );
      });
    }
  },
});
