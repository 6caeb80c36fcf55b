import type { SheetRange } from "../cells/a1";
import { isoYearMonth, matchScheduleRows } from "../compute/schedule";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { formatDateIt, monthName, objectiveLabel, phaseLabel, phaseRange, planYearOf, unionOf } from "./support/locate";

/**
 * Months marked for a phase (grid or schedule text) after the month of its deadline, in the plan
 * year. Deadlines in another year are phase-deadline-outside-year's finding.
 */
export const scheduleAfterDeadline = defineRule({
  id: "schedule-after-deadline",
  severity: "warning",
  description: "Mesi del cronoprogramma successivi alla data di fine della fase.",
  messages: {
    afterDeadline:
      "La fase {phase} dell'obiettivo {objective} ha mesi segnati nel cronoprogramma ({monthNames}) dopo la data di fine attesa {deadlineText}. Togliere le X dopo {deadlineMonth} o aggiornare la data di fine.",
  },
  check({ plan, methodology, report }) {
    for (const objective of allObjectives(plan)) {
      const year = planYearOf(plan, methodology, objective);
      const matches = matchScheduleRows(objective.phases, objective.schedule);
      objective.phases.forEach((phase, index) => {
        const deadline = isoYearMonth(phase.deadline);
        if (!deadline || phase.deadline === null || (year !== null && deadline.year !== year)) return;
        const rows = matches.filter((m) => m.phaseIndex === index).map((m) => objective.schedule[m.rowIndex]);
        const gridMonths = rows.flatMap((r) => r?.months ?? []);
        const fromGrid = gridMonths.length > 0;
        const months = [...new Set(fromGrid ? gridMonths : phase.scheduleMonths)].sort((a, b) => a - b);
        const late = months.filter((m) => m > deadline.month);
        if (late.length === 0) return;
        const at = fromGrid
          ? unionOf(rows.map((r) => (r ? monthCells(r.source, late) : null)))
          : (phase.source.scheduleText ?? null);
        report(
          "afterDeadline",
          at ?? phaseRange(objective, phase, "deadline"),
          {
            objective: objectiveLabel(objective),
            phase: phaseLabel(phase, index),
            months: late,
            monthNames: late.map(monthName).join(", "),
            deadline: phase.deadline,
            deadlineText: formatDateIt(phase.deadline),
            deadlineMonth: monthName(deadline.month),
          },
          objective,
        );
      });
    }
  },
});

/**
 * The cells of `months` on a grid row: when the row's `months` range spans the twelve month
 * columns, the cells from the first to the last late month; otherwise the whole row.
 */
function monthCells(source: Record<string, SheetRange>, months: readonly number[]): SheetRange | null {
  const grid = source.months;
  if (grid && grid.right - grid.left === 11 && grid.top === grid.bottom) {
    const first = Math.min(...months);
    const last = Math.max(...months);
    return { ...grid, left: grid.left + first - 1, right: grid.left + last - 1 };
  }
  return grid ?? source.row ?? source.label ?? null;
}
