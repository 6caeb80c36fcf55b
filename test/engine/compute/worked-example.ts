/**
 * The worked example of docs/DOMAIN.md ("Metodologie: tre esempi svolti"), computed by hand there:
 * one objective with three "higher is better" indicators (target 100; achieved 45, 70, 110) and
 * two phases of equal weight (one completed on time → 100 %, one a month late → 75 %, so media
 * rispetto dei tempi 87,5 %), scored at the final review of 31/12/2024 under each preset.
 */
import { applyPreset, DEFAULT_METHODOLOGY, type Methodology, type MethodologyPreset } from "../../../src/engine/compute/methodology";
import type { Plan } from "../../../src/engine/model/plan";
import { indicator, months, num, objective, phase, plan, scheduleRow, weight } from "../rules/plan-builder";

export const WORKED_AS_OF = "2024-12-31";
export const WORKED_ID = "servizio-amministrativo/1";

export function workedPlan(): Plan {
  return plan({
    objectives: [
      objective({
        number: "1",
        weight: weight(100),
        indicators: [
          indicator({ target: num(100), actual: num(45) }),
          indicator({ target: num(100), actual: num(70) }),
          indicator({ target: num(100), actual: num(110) }),
        ],
        phases: [
          phase({ number: "1", label: "Analisi", weight: 50, deadline: "2024-03-31", completedOn: "2024-03-20" }),
          phase({ number: "2", label: "Attuazione", weight: 50, deadline: "2024-06-30", completedOn: "2024-07-10" }),
        ],
        schedule: [scheduleRow("1", months(1, 3)), scheduleRow("2", months(4, 6))],
      }),
    ],
  });
}

export interface WorkedFigures {
  achievements: number[];
  meanAchievement: number;
  meanTimeliness: number;
  score: number;
  band: string;
}

/** The hand-computed figures (docs/DOMAIN.md), per preset, and for "worst of" on the linear preset. */
export const WORKED: Record<MethodologyPreset["id"] | "worst", { methodology: Methodology; figures: WorkedFigures }> = {
  // 45, 70, 110 → capped 100; mean 71,67; score ½·71,67 + ½·87,5 = 79,58 → D.
  linear: { methodology: applyPreset(DEFAULT_METHODOLOGY, "linear"), figures: { achievements: [45, 70, 100], meanAchievement: 215 / 3, meanTimeliness: 87.5, score: (215 / 3 + 87.5) / 2, band: "D" } },
  // 45 < 60 → 0; 70 → (70−60)/(100−60)·100 = 25; 110 → 100 + (110−100)/(120−100)·(110−100) = 105;
  // mean 43,33; score 65,42 → E.
  thresholds: { methodology: applyPreset(DEFAULT_METHODOLOGY, "thresholds"), figures: { achievements: [0, 25, 105], meanAchievement: 130 / 3, meanTimeliness: 87.5, score: (130 / 3 + 87.5) / 2, band: "E" } },
  // 45 < 50 → 0; 70 in 50–80 → 70; 110 ≥ 80 → 100; mean 56,67; score 72,08 → D.
  bands: { methodology: applyPreset(DEFAULT_METHODOLOGY, "bands"), figures: { achievements: [0, 70, 100], meanAchievement: 170 / 3, meanTimeliness: 87.5, score: (170 / 3 + 87.5) / 2, band: "D" } },
  // Worst of 45, 70, 100 → 45; score 66,25 → E.
  worst: { methodology: { ...DEFAULT_METHODOLOGY, aggregation: "worst" }, figures: { achievements: [45, 70, 100], meanAchievement: 45, meanTimeliness: 87.5, score: 66.25, band: "E" } },
};
