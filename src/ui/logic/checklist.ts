import type { Methodology, Objective, ObjectiveSchedule } from "../../engine";
import { formatNumber, strings } from "../strings";

export type CheckStatus = "ok" | "warning" | "error";

export interface ChecklistItem {
  id: "title" | "weight" | "indicators" | "phases" | "phaseWeights" | "schedule" | "staff";
  label: string;
  status: CheckStatus;
  detail: string;
}

const d = strings.responsabile.detail;
const label = strings.responsabile.check;

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * The state of one card as a checklist for its responsabile. It reads the card itself rather
 * than the rule findings, so each line says what is there; the findings are listed beside it.
 */
export function cardChecklist(
  objective: Objective,
  schedule: ObjectiveSchedule | undefined,
  methodology: Pick<Methodology, "weightTolerance" | "participationTolerance">,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];

  const hasTitle = objective.title.trim() !== "";
  items.push({
    id: "title",
    label: label.title,
    status: !hasTitle ? "error" : objective.description ? "ok" : "warning",
    detail: !hasTitle ? d.titleMissing : objective.description ? d.titleOk : d.titleMissingDescription,
  });

  if (objective.weight) {
    const w = objective.weight.unit === "points" ? `${formatNumber(objective.weight.value)} punti` : `${formatNumber(objective.weight.value)}%`;
    items.push({ id: "weight", label: label.weight, status: "ok", detail: d.weightOk(w) });
  } else if (objective.weightText) {
    items.push({ id: "weight", label: label.weight, status: "warning", detail: d.weightText(objective.weightText) });
  } else {
    items.push({ id: "weight", label: label.weight, status: "error", detail: d.weightMissing });
  }

  const indicators = objective.indicators;
  const incomplete = indicators.filter((i) => !i.description || !i.target).length;
  items.push({
    id: "indicators",
    label: label.indicators,
    status: indicators.length === 0 || incomplete > 0 ? "error" : "ok",
    detail: indicators.length === 0 ? d.indicatorsNone : incomplete > 0 ? d.indicatorsIncomplete(incomplete) : d.indicatorsOk(indicators.length),
  });

  const phases = objective.phases;
  items.push({
    id: "phases",
    label: label.phases,
    status: phases.length === 0 ? "warning" : "ok",
    detail: phases.length === 0 ? d.phasesNone : d.phasesOk(phases.length),
  });

  if (phases.length > 0) {
    const weights = phases.map((p) => p.weight).filter((w): w is number => w !== null);
    if (weights.length === 0) {
      items.push({ id: "phaseWeights", label: label.phaseWeights, status: "warning", detail: d.phaseWeightsNone });
    } else if (weights.length < phases.length) {
      items.push({ id: "phaseWeights", label: label.phaseWeights, status: "error", detail: d.phaseWeightsPartial });
    } else {
      const total = sum(weights);
      const ok = Math.abs(total - 100) <= methodology.weightTolerance;
      items.push({
        id: "phaseWeights",
        label: label.phaseWeights,
        status: ok ? "ok" : "error",
        detail: ok ? d.phaseWeightsOk : d.phaseWeightsSum(formatNumber(total, 2)),
      });
    }

    const rows = schedule?.phases ?? [];
    const withMonths = new Set(rows.filter((r) => r.phaseIndex !== null && r.months.length > 0).map((r) => r.phaseIndex));
    const missing = phases.filter((_, i) => !withMonths.has(i)).length;
    const unmatched = rows.filter((r) => r.phaseIndex === null).length;
    items.push({
      id: "schedule",
      label: label.schedule,
      status: missing > 0 ? "error" : unmatched > 0 ? "warning" : "ok",
      detail: missing > 0 ? d.scheduleMissing(missing) : unmatched > 0 ? d.scheduleUnmatched(unmatched) : d.scheduleOk,
    });
  }

  const staff = objective.staff;
  if (staff.length === 0) {
    items.push({ id: "staff", label: label.staff, status: "warning", detail: d.staffNone });
  } else {
    const total = sum(staff.map((s) => s.participation ?? 0));
    const ok = Math.abs(total - 100) <= methodology.participationTolerance;
    items.push({
      id: "staff",
      label: label.staff,
      status: ok ? "ok" : "warning",
      detail: ok ? d.staffOk(staff.length) : d.staffSum(formatNumber(total, 2)),
    });
  }

  return items;
}
