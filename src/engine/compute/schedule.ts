import type { Objective, Phase, ScheduleRow } from "../model/plan";
import { normalizeLabel } from "../values/text";
import { memoised } from "./memo";
import type { ObjectiveSchedule, PhaseSchedule, ScheduleSource } from "./types";

/** How a cronoprogramma row was tied to a phase. */
export type RowMatchKind = "number" | "name" | "single";

/** One cronoprogramma row and the phase it belongs to (null: it matches none). */
export interface RowMatch {
  rowIndex: number;
  phaseIndex: number | null;
  by: RowMatchKind | null;
}

/** Share of shared tokens (over the shorter label) from which two labels are taken as the same phase. */
export const NAME_MATCH_THRESHOLD = 0.5;

// Words that say nothing about which phase a row is: articles, prepositions, "fase" itself.
const STOPWORDS = new Set([
  "fase", "fasi", "del", "della", "delle", "dei", "degli", "dello", "dal", "dalla", "dalle", "dai", "nel",
  "nella", "nelle", "nei", "negli", "per", "con", "tra", "fra", "sul", "sulla", "sui", "alla", "alle", "agli",
  "allo", "una", "uno", "che", "non", "come", "anche", "ogni",
]);

/**
 * The phase number a row label carries: "1", "1.", "1)", "Fase 2", "1.2 Analisi" → "1", "1", "1",
 * "2", "1.2"; null when the label does not start with a number.
 */
export function labelNumber(label: string): string | null {
  // Most labels are bare numbers ("1", "1.2."): skip the costly normalization for them.
  const bare = /^\s*(\d+(?:\.\d+)*)\.?\s*$/.exec(label);
  if (bare) return bare[1] as string;
  const t = normalizeLabel(label);
  const m = /^(?:fase\s*(?:n\.?\s*)?)?(\d+(?:\.\d+)*)\.?(?=$|[\s)\-–—:.])/.exec(t);
  return m ? (m[1] as string) : null;
}

/** Significant tokens of a label, cut to a 6-letter stem so that plurals and verb forms meet. */
export function labelTokens(label: string): Set<string> {
  const tokens = normalizeLabel(label)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 3 && !STOPWORDS.has(t) && !/^\d+$/.test(t))
    .map((t) => t.slice(0, 6));
  return new Set(tokens);
}

/** Normalized token overlap: shared tokens ÷ tokens of the shorter label (0 when either has none). */
export function nameSimilarity(a: string, b: string): number {
  const ta = labelTokens(a);
  const tb = labelTokens(b);
  const smaller = Math.min(ta.size, tb.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared += 1;
  return shared / smaller;
}

/**
 * Ties cronoprogramma rows to phases: first by number (the row label "2" or "Fase 2" is the phase
 * numbered 2; unnumbered phases answer to their position, and a row "2" also finds the phase
 * "3.2" when no phase is numbered "2"), then by name (normalized token overlap ≥
 * NAME_MATCH_THRESHOLD, best phase wins, ties to the first), and finally, when the objective has a
 * single phase and a single row, the two go together. Rows left over have phaseIndex null.
 */
export function matchScheduleRows(phases: readonly Phase[], rows: readonly ScheduleRow[]): RowMatch[] {
  // Keyed by both arrays: the reader matches rows that are not (yet) an objective's.
  const byRows = memoised("matchScheduleRows", phases, () => new WeakMap<readonly ScheduleRow[], RowMatch[]>());
  let matches = byRows.get(rows);
  if (matches === undefined) {
    matches = matchRows(phases, rows);
    byRows.set(rows, matches);
  }
  return matches;
}

function matchRows(phases: readonly Phase[], rows: readonly ScheduleRow[]): RowMatch[] {
  const byKey = new Map<string, number>();
  phases.forEach((p, i) => {
    if (p.number !== null) {
      const key = labelNumber(p.number) ?? p.number;
      if (!byKey.has(key)) byKey.set(key, i);
    }
  });
  // Unnumbered phases (bullets inside a layout-A cell) are numbered by position, as the grid is.
  phases.forEach((p, i) => {
    const key = String(i + 1);
    if (p.number === null && !byKey.has(key)) byKey.set(key, i);
  });
  const byLastSegment = new Map<string, number | null>();
  for (const [key, i] of byKey) {
    const last = key.split(".").pop() as string;
    if (key.includes(".")) byLastSegment.set(last, byLastSegment.has(last) ? null : i);
  }

  const matches: RowMatch[] = rows.map((row, rowIndex) => {
    const n = labelNumber(row.label);
    if (n !== null) {
      const i = byKey.get(n) ?? byLastSegment.get(n);
      if (i !== undefined && i !== null) return { rowIndex, phaseIndex: i, by: "number" };
    }
    return { rowIndex, phaseIndex: null, by: null };
  });

  for (const match of matches) {
    if (match.phaseIndex !== null) continue;
    const row = rows[match.rowIndex] as ScheduleRow;
    let best = -1;
    let bestScore = 0;
    phases.forEach((p, i) => {
      const score = nameSimilarity(row.label, p.label);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0 && bestScore >= NAME_MATCH_THRESHOLD) {
      match.phaseIndex = best;
      match.by = "name";
    }
  }

  const only = matches[0];
  if (phases.length === 1 && rows.length === 1 && only && only.phaseIndex === null) {
    only.phaseIndex = 0;
    only.by = "single";
  }
  return matches;
}

/** "2024-07-31" → { year: 2024, month: 7 }; null when not an ISO date. */
export function isoYearMonth(iso: string | null): { year: number; month: number } | null {
  if (iso === null) return null;
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]) };
}

const range = (from: number, to: number): number[] => {
  const out: number[] = [];
  for (let m = from; m <= to; m += 1) out.push(m);
  return out;
};

/**
 * The deadline month of a phase within the plan year: 12 when the deadline falls in a later year
 * (the phase runs the whole year), null when it falls in an earlier one (no month of this plan;
 * the `phase-deadline-outside-year` rule says so).
 */
function deadlineMonthInYear(deadline: string | null, planYear: number | null): number | null {
  const ym = isoYearMonth(deadline);
  if (!ym) return null;
  if (planYear === null || ym.year === planYear) return ym.month;
  return ym.year > planYear ? 12 : null;
}

/**
 * Months of a phase planned from deadlines alone: from the month after the previous phase's
 * deadline (or January when there is none, or when it is not earlier) to this phase's deadline.
 */
function monthsFromDeadline(phases: readonly Phase[], index: number, planYear: number | null): number[] {
  const deadline = (phases[index] as Phase).deadline;
  // Without a plan year, the phase's own deadline year stands in for it.
  const year = planYear ?? isoYearMonth(deadline)?.year ?? null;
  const end = deadlineMonthInYear(deadline, year);
  if (end === null) return [];
  let start = 1;
  for (let j = index - 1; j >= 0; j -= 1) {
    const prev = deadlineMonthInYear((phases[j] as Phase).deadline, year);
    if (prev !== null) {
      if (prev < end) start = prev + 1;
      break;
    }
  }
  return range(start, end);
}

/** The distinct numbers in ascending order (months: a copy, already sorted more often than not). */
function distinctSorted(values: readonly number[]): number[] {
  let sorted = true;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) <= (values[i - 1] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return values.slice();
  return [...new Set(values)].sort((a, b) => a - b);
}

const SOURCE_RANK: Record<ScheduleSource, number> = { grid: 3, text: 2, deadline: 1, none: 0 };

/**
 * The phase × 12-month grid of an objective. Each phase takes its months from the cronoprogramma
 * rows matched to it (`grid`), else from its schedule text (`text`, layout C), else from the
 * deadlines (`deadline`), else it has none (`none`). Rows that match no phase follow the phases
 * with phaseIndex null. The objective's source is the strongest source among its phases.
 */
export function computeSchedule(objective: Objective, planYear: number | null): ObjectiveSchedule {
  const byYear = memoised("computeSchedule", objective, () => new Map<number | null, ObjectiveSchedule>());
  let schedule = byYear.get(planYear);
  if (schedule === undefined) {
    schedule = scheduleOf(objective, planYear);
    byYear.set(planYear, schedule);
  }
  return schedule;
}

function scheduleOf(objective: Objective, planYear: number | null): ObjectiveSchedule {
  const matches = matchScheduleRows(objective.phases, objective.schedule);
  const phases: PhaseSchedule[] = objective.phases.map((phase, i) => {
    const grid: number[] = [];
    for (const m of matches) if (m.phaseIndex === i) grid.push(...(objective.schedule[m.rowIndex] as ScheduleRow).months);
    const label = phase.label.trim() !== "" ? phase.label : `Fase ${phase.number ?? i + 1}`;
    if (grid.length > 0) return { phaseIndex: i, label, months: distinctSorted(grid), source: "grid" };
    if (phase.scheduleMonths.length > 0) {
      return { phaseIndex: i, label, months: distinctSorted(phase.scheduleMonths), source: "text" };
    }
    const fromDeadline = monthsFromDeadline(objective.phases, i, planYear);
    if (fromDeadline.length > 0) return { phaseIndex: i, label, months: fromDeadline, source: "deadline" };
    return { phaseIndex: i, label, months: [], source: "none" };
  });
  for (const m of matches) {
    if (m.phaseIndex !== null) continue;
    const row = objective.schedule[m.rowIndex] as ScheduleRow;
    phases.push({ phaseIndex: null, label: row.label, months: distinctSorted(row.months), source: "grid" });
  }
  let source: ScheduleSource = "none";
  for (const p of phases) if (p.months.length > 0 && SOURCE_RANK[p.source] > SOURCE_RANK[source]) source = p.source;
  return { objectiveId: objective.id, source, phases };
}
