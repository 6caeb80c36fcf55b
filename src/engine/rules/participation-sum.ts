import { allObjectives } from "../model/plan";
import { defineRule } from "./define";
import { firstRange, objectiveLabel, objectiveRange, sourceRange, unionOf } from "./support/locate";

/**
 * Staff participation of an objective should sum to 100 (33+33+33 passes within
 * methodology.participationTolerance). When some people have a % and others not, the missing
 * ones are reported instead of the sum. When nobody has one, an info only: many plans list the
 * staff without shares, and the sum only matters where the bonus scheme uses it.
 */
export const participationSum = defineRule({
  id: "participation-sum",
  severity: "warning",
  description: "La partecipazione del personale a un obiettivo deve sommare a 100%.",
  messages: {
    wrongTotal:
      "La partecipazione del personale all'obiettivo {objective} somma a {total}% su {count} persone: deve fare {expected}% (tolleranza ±{tolerance} punti percentuali). Correggere le percentuali di partecipazione.",
    partial:
      "Nell'obiettivo {objective} {withValue} persone hanno la % di partecipazione e {withoutValue} no ({names}). Indicare la percentuale di ognuno, con totale 100%.",
    missing:
      "Per le {count} persone coinvolte nell'obiettivo {objective} non è indicata la % di partecipazione. Se il sistema premiante la usa, indicarla (totale 100%).",
  },
  check({ plan, methodology, report }) {
    for (const objective of allObjectives(plan)) {
      const staff = objective.staff;
      if (staff.length === 0) continue;
      const cell = (s: (typeof staff)[number]) =>
        firstRange(sourceRange(s.source, "participation", "name", "row")) ?? objectiveRange(objective, "staff");
      const withValue = staff.filter((s) => s.participation !== null);
      const label = objectiveLabel(objective);
      if (withValue.length === 0) {
        report("missing", objectiveRange(objective, "staff"), { objective: label, count: staff.length }, objective, "info");
        continue;
      }
      if (withValue.length < staff.length) {
        const without = staff.filter((s) => s.participation === null);
        report(
          "partial",
          unionOf(without.map(cell)) ?? objectiveRange(objective, "staff"),
          { objective: label, withValue: withValue.length, withoutValue: without.length, names: without.map((s) => s.name) },
          objective,
        );
        continue;
      }
      const total = Math.round(withValue.reduce((s, m) => s + (m.participation as number), 0) * 100) / 100;
      if (Math.abs(total - 100) <= methodology.participationTolerance + 1e-9) continue;
      report(
        "wrongTotal",
        unionOf(staff.map(cell)) ?? objectiveRange(objective, "staff"),
        { objective: label, total, expected: 100, count: staff.length, tolerance: methodology.participationTolerance },
        objective,
      );
    }
  },
});
