import { DEFAULT_ACHIEVEMENT_BANDS, DEFAULT_METHODOLOGY, DEFAULT_TIMELINESS_BANDS, type AchievementBand, type Methodology } from "./methodology";

/**
 * The methodology's conversion of an indicator's achievement, in % (the per-kind figure, already
 * raised to 0 when negative), before the cap:
 * - linear: as it is;
 * - thresholds: 0 below thresholdMin; from thresholdMinScore at the minimum, linearly, to 100 at
 *   thresholdTarget; above the target 100, or, with a maximum and an excellence score, linearly up
 *   to thresholdExcellence at thresholdMax and that score beyond it;
 * - bands: the achievementBands row whose range holds it (from included, to excluded; the last
 *   row takes everything above): its fixed value, or for a proportional row the figure running
 *   from `value` at `from` to `valueTo` at `to`. Below the first row: 0.
 */
export function convertAchievement(percent: number, m: Methodology): number {
  const r = Math.max(0, percent);
  switch (m.conversion) {
    case "linear":
      return r;
    case "thresholds": {
      const { thresholdMin: min, thresholdMinScore: minScore, thresholdTarget: target, thresholdMax: max, thresholdExcellence: excellence } = m;
      if (r < min) return 0;
      if (r < target) return minScore + ((r - min) / (target - min)) * (100 - minScore);
      if (max === null || excellence === null || max <= target) return 100;
      if (r < max) return 100 + ((r - target) / (max - target)) * (excellence - 100);
      return excellence;
    }
    case "bands":
      return bandValue(r, m.achievementBands);
  }
}

/** The figure a range table gives an achievement (see convertAchievement). */
export function bandValue(r: number, bands: readonly AchievementBand[]): number {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  let band: AchievementBand | undefined;
  for (const b of sorted) if (r >= b.from) band = b;
  if (!band) return 0;
  if (band.mode === "fixed" || band.valueTo === null || band.to <= band.from) return band.value;
  const x = Math.min(r, band.to);
  return band.value + ((x - band.from) / (band.to - band.from)) * (band.valueTo - band.value);
}

/** A setting that is readable but does not make sense with the others. */
export type MethodologyProblemCode =
  | "threshold-order"
  | "threshold-max-order"
  | "bands-start"
  | "band-empty"
  | "bands-gap"
  | "bands-overlap"
  | "band-no-end-value";

export interface MethodologyProblem {
  code: MethodologyProblemCode;
  /** The setting concerned; for a range-table row, "achievementBands" or "timelinessBands". */
  setting: keyof Methodology;
  /** Index of the range-table row (in the order given), for band problems. */
  band: number | null;
  /** The figures involved. */
  data: Record<string, number | null>;
}

/**
 * Checks the settings that depend on each other: thresholds in order (minimum below the target,
 * maximum above it), a range table starting at 0 with no gap and no overlap between consecutive
 * rows (sorted by `from`), every row wider than nothing, proportional rows with an end value.
 * The thresholds are checked whichever conversion is in use (they are on the sheet); so is the
 * table.
 */
export function methodologyProblems(m: Methodology): MethodologyProblem[] {
  const out: MethodologyProblem[] = [];
  if (m.thresholdMin >= m.thresholdTarget) {
    out.push({ code: "threshold-order", setting: "thresholdMin", band: null, data: { min: m.thresholdMin, target: m.thresholdTarget } });
  }
  if (m.thresholdMax !== null && m.thresholdMax <= m.thresholdTarget) {
    out.push({ code: "threshold-max-order", setting: "thresholdMax", band: null, data: { max: m.thresholdMax, target: m.thresholdTarget } });
  }
  out.push(...tableProblems(m.achievementBands, "achievementBands"), ...tableProblems(m.timelinessBands, "timelinessBands"));
  return out;
}

function tableProblems(table: readonly AchievementBand[], setting: "achievementBands" | "timelinessBands"): MethodologyProblem[] {
  const out: MethodologyProblem[] = [];
  const order = table.map((b, i) => ({ b, i })).sort((x, y) => x.b.from - y.b.from);
  order.forEach(({ b, i }, k) => {
    if (b.to <= b.from) out.push({ code: "band-empty", setting, band: i, data: { from: b.from, to: b.to } });
    if (b.mode === "proportional" && b.valueTo === null) out.push({ code: "band-no-end-value", setting, band: i, data: { from: b.from, to: b.to } });
    if (k === 0) {
      if (b.from !== 0) out.push({ code: "bands-start", setting, band: i, data: { from: b.from } });
      return;
    }
    const prev = (order[k - 1] as { b: AchievementBand }).b;
    if (b.from > prev.to) out.push({ code: "bands-gap", setting, band: i, data: { from: b.from, previousTo: prev.to } });
    else if (b.from < prev.to) out.push({ code: "bands-overlap", setting, band: i, data: { from: b.from, previousTo: prev.to } });
  });
  return out;
}

/** The methodology with the defaults in place of the settings a problem concerns. */
export function withDefaultsFor(m: Methodology, problems: readonly MethodologyProblem[]): Methodology {
  if (problems.length === 0) return m;
  const out: Methodology = { ...m };
  if (problems.some((p) => p.setting === "thresholdMin" || p.setting === "thresholdMax")) {
    out.thresholdMin = DEFAULT_METHODOLOGY.thresholdMin;
    out.thresholdMinScore = DEFAULT_METHODOLOGY.thresholdMinScore;
    out.thresholdTarget = DEFAULT_METHODOLOGY.thresholdTarget;
    out.thresholdMax = DEFAULT_METHODOLOGY.thresholdMax;
    out.thresholdExcellence = DEFAULT_METHODOLOGY.thresholdExcellence;
  }
  if (problems.some((p) => p.setting === "achievementBands")) out.achievementBands = DEFAULT_ACHIEVEMENT_BANDS.map((b) => ({ ...b }));
  if (problems.some((p) => p.setting === "timelinessBands")) out.timelinessBands = DEFAULT_TIMELINESS_BANDS.map((b) => ({ ...b }));
  return out;
}
