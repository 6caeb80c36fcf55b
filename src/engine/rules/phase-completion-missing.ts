import { computeSchedule } from "../compute/schedule";
import { endOfMonth } from "../compute/scores";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { formatDateIt, monthName, objectiveLabel, phaseLabel, phaseRange, planYearOf } from "./support/locate";

/**
 * At a review, a phase that is due (the last month planned for it, from the cronoprogramma, the
 * schedule text or the deadlines, has ended by the review date, as scoring counts it) needs the
 * date it was completed: without one it counts 0 % in the "media rispetto dei tempi". A warning
 * at the interim review (the phase may still be running late), an error at the final one.
 * Phases with no month at all are schedule-phase-empty's finding.
 */
export const phaseCompletionMissing = defineRule({
  id: "phase-completion-missing",
  severity: "warning",
  description: "Fase scaduta senza data di completamento alla verifica.",
  messages: {
    missing:
      "Alla verifica {reviewLabel} del {asOfText} la fase {phase} dell'obiettivo {objective}, prevista entro {lastMonthName}, non ha la data di completamento: finché non si scrive la data nella colonna «Completata il» la fase conta 0% nella media rispetto dei tempi.",
  },
  check({ plan, methodology, review, asOf, report }) {
    if (review === null || asOf === null) return;
    for (const objective of allObjectives(plan)) {
      // The year scoring uses: without a plan year, the review's.
      const year = planYearOf(plan, methodology, objective) ?? Number(asOf.slice(0, 4));
      for (const p of computeSchedule(objective, year).phases) {
        if (p.phaseIndex === null || p.months.length === 0) continue;
        const phase = objective.phases[p.phaseIndex];
        if (!phase || phase.completedOn !== null) continue;
        const lastMonth = Math.max(...p.months);
        if (endOfMonth(year, lastMonth) > asOf) continue;
        report(
          "missing",
          phaseRange(objective, phase, "row", "label"),
          {
            objective: objectiveLabel(objective),
            phase: phaseLabel(phase, p.phaseIndex),
            lastMonth,
            lastMonthName: `${monthName(lastMonth)} ${year}`,
            asOf,
            asOfText: formatDateIt(asOf),
            review,
            reviewLabel: review === "interim" ? "intermedia" : "finale",
          },
          objective,
          review === "final" ? "error" : "warning",
        );
      }
    }
  },
});
