import { matchScheduleRows } from "../compute/schedule";
import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { firstRange, objectiveLabel, objectiveRange, sourceRange } from "./support/locate";

/**
 * A cronoprogramma row with marked months that matches no phase (by number or by name). Rows
 * without any mark are template leftovers and are not reported. When the objective lists no
 * phases at all, one finding covers the whole grid.
 */
export const scheduleRowUnmatched = defineRule({
  id: "schedule-row-unmatched",
  severity: "warning",
  description: "Riga del cronoprogramma che non corrisponde a nessuna fase.",
  messages: {
    unmatched:
      "La riga «{label}» del cronoprogramma dell'obiettivo {objective} non corrisponde a nessuna delle {phaseCount} fasi. Scrivere nella prima colonna il numero della fase (1, 2, …) o il suo nome.",
    noPhases:
      "Il cronoprogramma dell'obiettivo {objective} ha {rows} righe con mesi segnati, ma l'obiettivo non elenca fasi di attuazione. Elencare le fasi, numerate come le righe del cronoprogramma.",
  },
  check({ plan, report }) {
    for (const objective of allObjectives(plan)) {
      const marked = objective.schedule.filter((r) => r.months.length > 0);
      if (marked.length === 0) continue;
      if (objective.phases.length === 0) {
        report("noPhases", objectiveRange(objective, "schedule"), { objective: objectiveLabel(objective), rows: marked.length }, objective);
        continue;
      }
      for (const m of matchScheduleRows(objective.phases, objective.schedule)) {
        const row = objective.schedule[m.rowIndex];
        if (m.phaseIndex !== null || !row || row.months.length === 0) continue;
        report(
          "unmatched",
          firstRange(sourceRange(row.source, "label", "row", "months")) ?? objectiveRange(objective, "schedule"),
          { objective: objectiveLabel(objective), label: row.label, phaseCount: objective.phases.length },
          objective,
        );
      }
    }
  },
});
