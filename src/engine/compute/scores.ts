import type { Objective, Plan, Structure } from "../model/plan";
import { bandValue } from "./conversion";
import { computeAchievement, daysBetween, hasValue, indicatorKey, inferIndicatorKind, type IndicatorKindMap } from "./indicators";
import { METHODOLOGY_LABELS, type AchievementBand, type Methodology } from "./methodology";
import { computeSchedule, isoYearMonth } from "./schedule";
import type {
  IndicatorResult,
  ObjectiveSchedule,
  ObjectiveScore,
  OwnerScore,
  Override,
  PhaseTimeliness,
  ReviewKind,
  Scores,
} from "./types";
import { phaseWeights, phaseWeightsValid } from "./weights";

export interface ComputeScoresOptions {
  methodology: Methodology;
  review: ReviewKind;
  /** ISO date of the review. */
  asOf: string;
  /** Nucleo overrides of objectives' scores. */
  overrides: Override[];
  /** Schedule grids from computeSchedule; computed here for objectives that have none. */
  schedules: ObjectiveSchedule[];
  /** The user's confirmed indicator kinds (see indicatorKey); inferred otherwise. */
  indicatorKinds?: IndicatorKindMap;
}

/** What scoring one objective needs besides the objective itself. */
export interface ObjectiveScoreContext extends ComputeScoresOptions {
  /** Year the cronoprogramma months belong to. */
  planYear: number | null;
  /** Owner of the objective's structure, used when the card names none. */
  structureOwner?: string | null;
}

/** Last day of a month, ISO: (2024, 2) → "2024-02-29". */
export function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/** Weighted mean when every item has a positive-sum weight, else the plain mean; null for none. */
function mean(items: readonly { value: number; weight: number | null }[], weighted: boolean): number | null {
  if (items.length === 0) return null;
  if (weighted) {
    const total = items.reduce((s, i) => s + (i.weight ?? 0), 0);
    if (total > 0) return items.reduce((s, i) => s + i.value * (i.weight ?? 0), 0) / total;
  }
  return items.reduce((s, i) => s + i.value, 0) / items.length;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const KEY_ORDER = Object.keys(METHODOLOGY_LABELS) as (keyof Methodology)[];

// Looking schedules up by id once per list keeps scoring linear in the number of objectives.
const scheduleIndex = new WeakMap<readonly ObjectiveSchedule[], Map<string, ObjectiveSchedule>>();

function scheduleOf(schedules: readonly ObjectiveSchedule[], objectiveId: string): ObjectiveSchedule | undefined {
  let index = scheduleIndex.get(schedules);
  if (!index || index.size !== schedules.length) {
    index = new Map(schedules.map((s) => [s.objectiveId, s]));
    scheduleIndex.set(schedules, index);
  }
  return index.get(objectiveId);
}

/**
 * Timeliness of one phase at `asOf`: a phase is due when the last month planned for it has ended
 * by `asOf`. Due and completed by the end of that month → 100; completed later → 100 minus
 * `timelinessPenaltyPerMonth` per calendar month after it (completed in the next month = 1 month
 * late), or with a days-late table the table's figure for the days after the end of that month;
 * due and not completed by `asOf` → 0. Not due → left out (timeliness null).
 */
export function phaseTimeliness(
  index: number,
  months: readonly number[],
  completedOn: string | null,
  year: number,
  asOf: string,
  penaltyPerMonth: number,
  /** The days-late table (methodology.timelinessRule "days"); null for the months penalty. */
  daysTable: readonly AchievementBand[] | null = null,
): PhaseTimeliness {
  const lastMonth = months.length > 0 ? Math.max(...months) : null;
  if (lastMonth === null) return { index, lastMonth, due: false, timeliness: null, monthsLate: null };
  const dueBy = endOfMonth(year, lastMonth);
  if (dueBy > asOf) return { index, lastMonth, due: false, timeliness: null, monthsLate: null };
  const done = isoYearMonth(completedOn);
  if (completedOn === null || done === null || completedOn > asOf) return { index, lastMonth, due: true, timeliness: 0, monthsLate: null };
  if (completedOn <= dueBy) return { index, lastMonth, due: true, timeliness: 100, monthsLate: 0 };
  const monthsLate = (done.year - year) * 12 + (done.month - lastMonth);
  if (daysTable) return { index, lastMonth, due: true, timeliness: Math.max(0, bandValue(daysBetween(dueBy, completedOn), daysTable)), monthsLate };
  return { index, lastMonth, due: true, timeliness: Math.max(0, 100 - monthsLate * penaltyPerMonth), monthsLate };
}

/**
 * Scores one objective. The card's own review block (typed "Media valore raggiunto" / "Media
 * rispetto dei tempi") is not used: figures come from indicators, phases and dates only (the
 * `review-mean-mismatch` rule compares the two).
 */
export function computeObjectiveScore(objective: Objective, context: ObjectiveScoreContext): ObjectiveScore {
  const { methodology, review, asOf } = context;
  const used = new Set<keyof Methodology>();
  const missingSetting: keyof Methodology = review === "interim" ? "missingActualInterim" : "missingActualFinal";

  const indicators: IndicatorResult[] = objective.indicators.map((indicator, index) => {
    const kind = inferIndicatorKind(indicator, context.indicatorKinds, indicatorKey(objective.id, index));
    if (!hasValue(indicator.actual) && hasValue(indicator.target)) {
      used.add(missingSetting);
      if (methodology[missingSetting] === "zero") {
        return { index, kind, achievement: 0, included: true, note: "Valore raggiunto mancante: conteggiato 0%." };
      }
      return { index, kind, achievement: null, included: false, note: "Valore raggiunto mancante: escluso dalla media." };
    }
    const result = computeAchievement(indicator, kind, methodology, { asOf });
    if (result.value === null) return { index, kind, achievement: null, included: false, note: result.note };
    used.add("achievementCap");
    if (kind === "deadline" && (result.daysLate ?? 0) > 0) used.add("deadlinePenaltyPer30Days");
    return { index, kind, achievement: result.value, included: true, note: result.note };
  });
  const counted = indicators.filter((r) => r.included && r.achievement !== null);
  const indicatorWeighted = counted.length > 0 && counted.every((r) => objective.indicators[r.index]?.weight != null);
  // Nothing recorded yet (no achieved value on any indicator): "non calcolabile", not 0 %.
  const achievementRecorded = objective.indicators.some((i) => hasValue(i.actual));
  let meanAchievement: number | null = null;
  if (achievementRecorded && counted.length > 0) {
    if (methodology.aggregation === "worst") meanAchievement = Math.min(...counted.map((r) => r.achievement as number));
    else
      meanAchievement = mean(
        counted.map((r) => ({ value: r.achievement as number, weight: objective.indicators[r.index]?.weight ?? null })),
        indicatorWeighted,
      );
    if (methodology.aggregation !== "mean") used.add("aggregation");
  }
  if (counted.length > 0 && methodology.conversion !== "linear") {
    used.add("conversion");
    if (methodology.conversion === "thresholds") (["thresholdMin", "thresholdMinScore", "thresholdTarget", "thresholdMax", "thresholdExcellence"] as const).forEach((k) => used.add(k));
    else used.add("achievementBands");
  }

  const year = methodology.planYear ?? context.planYear ?? objective.year ?? Number(asOf.slice(0, 4));
  if (methodology.planYear !== null) used.add("planYear");
  const schedule = scheduleOf(context.schedules, objective.id) ?? computeSchedule(objective, year);
  const phases: PhaseTimeliness[] = objective.phases.map((phase, index) => {
    const months = schedule.phases.find((p) => p.phaseIndex === index)?.months ?? [];
    const days = methodology.timelinessRule === "days" ? methodology.timelinessBands : null;
    return phaseTimeliness(index, months, phase.completedOn, year, asOf, methodology.timelinessPenaltyPerMonth, days);
  });
  // Due phases none of which has a completion date: "non calcolabile", not 0 %.
  const timelinessRecorded = phases.some((p) => p.due && ISO_DATE.test(objective.phases[p.index]?.completedOn ?? ""));
  const due = timelinessRecorded ? phases.filter((p) => p.due && p.timeliness !== null) : [];
  if (due.length > 0) {
    if (methodology.timelinessRule === "days") {
      used.add("timelinessRule");
      used.add("timelinessBands");
    } else used.add("timelinessPenaltyPerMonth");
  }
  const weights = phaseWeights(objective);
  const phaseWeighted = weights.some((w) => w.weight !== null);
  if (phaseWeighted) used.add("weightTolerance");
  const meanTimeliness = mean(
    due.map((p) => ({ value: p.timeliness as number, weight: weights[p.index]?.weight ?? null })),
    phaseWeighted && phaseWeightsValid(weights, methodology.weightTolerance),
  );

  let score: number | null = null;
  if (meanAchievement !== null || meanTimeliness !== null) {
    used.add("achievementShare");
    used.add("timelinessShare");
    score = combineShares(meanAchievement, meanTimeliness, methodology);
  }

  const found = context.overrides.find((o) => o.objectiveId === objective.id);
  const override = found ? { value: found.value, note: found.note } : null;
  const notComputable: ObjectiveScore["notComputable"] = [];
  if (objective.indicators.length > 0 && !achievementRecorded) notComputable.push("achievement");
  if (phases.some((p) => p.due) && !timelinessRecorded) notComputable.push("timeliness");
  return {
    objectiveId: objective.id,
    structure: objective.structure,
    notComputable,
    owner: objective.owner ?? context.structureOwner ?? null,
    weight: objective.weight?.value ?? null,
    indicators,
    phases,
    meanAchievement,
    meanTimeliness,
    score,
    override,
    finalScore: override?.value ?? score,
    settingsUsed: KEY_ORDER.filter((k) => used.has(k)),
  };
}

/**
 * Objective score = achievementShare × achievement + timelinessShare × timeliness, over the sum of
 * the two shares (so 60/50 is read as 60:50). When one mean cannot be computed (no indicator
 * valued, or no phase due yet) the other one is the score.
 */
export function combineShares(achievement: number | null, timeliness: number | null, m: Methodology): number | null {
  if (achievement === null) return timeliness;
  if (timeliness === null) return achievement;
  const shares = m.achievementShare + m.timelinessShare;
  if (shares <= 0) return (achievement + timeliness) / 2;
  return (m.achievementShare * achievement + m.timelinessShare * timeliness) / shares;
}

/** The band of a score: the highest band whose minimum the score reaches; null for no score. */
export function bandOf(score: number | null, bands: Methodology["bands"]): string | null {
  if (score === null) return null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => score >= b.min)?.band ?? null;
}

/**
 * Owner score = Σ weight × finalScore ÷ Σ weights over the owner's objectives that have a score
 * and a weight (points count as their value). Objectives without a weight (intersectoral ones
 * marked "Intersettoriale") are left out; when none of the owner's objectives has a weight, the
 * plain mean of the scores is used.
 */
export function ownerScore(objectives: readonly ObjectiveScore[]): number | null {
  const scored = objectives.filter((o) => o.finalScore !== null);
  if (scored.length === 0) return null;
  const weighted = scored.filter((o) => o.weight !== null && o.weight > 0);
  if (weighted.length === 0) return scored.reduce((s, o) => s + (o.finalScore as number), 0) / scored.length;
  const total = weighted.reduce((s, o) => s + (o.weight as number), 0);
  return weighted.reduce((s, o) => s + (o.weight as number) * (o.finalScore as number), 0) / total;
}

/**
 * Scores of every objective and every owner at a review. Missing achieved values follow the
 * methodology (interim: left out and the others re-weighted; final: counted 0 and noted). An
 * owner is the objective's responsabile, else the structure's, else the structure's name; owners
 * are grouped per structure. Nucleo overrides replace the objective's score in finalScore (the
 * computed score stays beside it) and feed the owner's score.
 */
export function computeScores(plan: Plan, options: ComputeScoresOptions): Scores {
  const objectives: ObjectiveScore[] = [];
  const owners: OwnerScore[] = [];
  for (const structure of plan.structures) {
    const byOwner = new Map<string, ObjectiveScore[]>();
    const context: ObjectiveScoreContext = { ...options, planYear: plan.year, structureOwner: structure.owner };
    for (const objective of structure.objectives) {
      const score = computeObjectiveScore(objective, context);
      objectives.push(score);
      const owner = ownerName(score, structure);
      const list = byOwner.get(owner) ?? [];
      list.push(score);
      byOwner.set(owner, list);
    }
    for (const [owner, list] of byOwner) {
      const score = ownerScore(list);
      owners.push({
        owner,
        structure: structure.name,
        score,
        band: bandOf(score, options.methodology.bands),
        objectiveIds: list.map((o) => o.objectiveId),
      });
    }
  }
  return { asOf: options.asOf, review: options.review, objectives, owners, methodology: options.methodology };
}

function ownerName(score: ObjectiveScore, structure: Structure): string {
  return score.owner ?? structure.owner ?? structure.name;
}
