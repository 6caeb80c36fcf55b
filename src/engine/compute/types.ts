import type { Methodology } from "./methodology";

/** Where an objective's schedule grid came from. */
export type ScheduleSource = "grid" | "text" | "deadline" | "none";

export interface PhaseSchedule {
  /** Index into `objective.phases`, or null for a grid row that matches no phase. */
  phaseIndex: number | null;
  label: string;
  /** Planned months 1–12, ascending. */
  months: number[];
  source: ScheduleSource;
}

export interface ObjectiveSchedule {
  objectiveId: string;
  source: ScheduleSource;
  phases: PhaseSchedule[];
}

export type IndicatorKind = "higher" | "lower" | "yesno" | "deadline" | "qualitative";
export type ReviewKind = "interim" | "final";

export interface IndicatorResult {
  index: number;
  kind: IndicatorKind;
  /** Achievement in % (0…cap), null when it cannot be computed. */
  achievement: number | null;
  /** False when left out of the mean (missing actual at an interim review, no target …). */
  included: boolean;
  /** Why it was left out or counted as 0. */
  note: string | null;
}

export interface PhaseTimeliness {
  index: number;
  /** Last planned month, or null when the phase has no schedule. */
  lastMonth: number | null;
  due: boolean;
  /** % on time, null when not due. */
  timeliness: number | null;
  monthsLate: number | null;
}

export interface ObjectiveScore {
  objectiveId: string;
  structure: string;
  owner: string | null;
  weight: number | null;
  indicators: IndicatorResult[];
  phases: PhaseTimeliness[];
  meanAchievement: number | null;
  meanTimeliness: number | null;
  /**
   * The means that are "non calcolabile" because nothing is recorded yet: "achievement" when no
   * indicator has an achieved value, "timeliness" when phases are due and none has a completion
   * date. Such a mean is null (never 0 %); with both, so is the score.
   */
  notComputable: ("achievement" | "timeliness")[];
  /** Computed score (0–100). */
  score: number | null;
  /** The Nucleo's override, kept beside the computed value. */
  override: { value: number; note: string | null } | null;
  /** override ?? score. */
  finalScore: number | null;
  /** Names of the methodology settings this figure used. */
  settingsUsed: (keyof Methodology)[];
}

export interface OwnerScore {
  owner: string;
  structure: string;
  score: number | null;
  band: string | null;
  objectiveIds: string[];
}

export interface Scores {
  asOf: string;
  review: ReviewKind;
  objectives: ObjectiveScore[];
  owners: OwnerScore[];
  methodology: Methodology;
}

/** A Nucleo override of an objective's achievement. */
export interface Override {
  objectiveId: string;
  value: number;
  note: string | null;
}
