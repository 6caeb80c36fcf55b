import { unionRanges, type SheetRange } from "../../cells/a1";
import type { Methodology } from "../../compute/methodology";
import type { Indicator, Objective, Phase, Plan, Source, Structure } from "../../model/plan";

/**
 * Shared helpers for rules: where to point a finding when the field at fault has no cell (a
 * missing weight has no cell of its own), and the short Italian labels messages use.
 */

/** The first present range. */
export function firstRange(...candidates: readonly (SheetRange | null | undefined)[]): SheetRange | null {
  for (const c of candidates) if (c) return c;
  return null;
}

/** The first of `keys` present in a source. */
export function sourceRange(source: Source, ...keys: readonly string[]): SheetRange | null {
  for (const k of keys) {
    const r = source[k];
    if (r) return r;
  }
  return null;
}

/**
 * A range on the objective's card: the first of `keys` in its source, then its title, then the
 * whole card, then any range it has; A1 of its sheet as the last resort, so a finding always has
 * a place.
 */
export function objectiveRange(objective: Objective, ...keys: readonly string[]): SheetRange {
  const any = Object.values(objective.source)[0];
  return (
    firstRange(sourceRange(objective.source, ...keys, "title", "card"), any) ?? {
      sheet: "",
      top: 0,
      left: 0,
      bottom: 0,
      right: 0,
    }
  );
}

/** A phase's cell for `keys`, else its label or number, else the objective's phases block. */
export function phaseRange(objective: Objective, phase: Phase, ...keys: readonly string[]): SheetRange {
  return firstRange(sourceRange(phase.source, ...keys, "label", "number", "row")) ?? objectiveRange(objective, "phases");
}

/** An indicator's cell for `keys`, else its description, target or row, else the indicators block. */
export function indicatorRange(objective: Objective, indicator: Indicator, ...keys: readonly string[]): SheetRange {
  return (
    firstRange(sourceRange(indicator.source, ...keys, "description", "target", "row")) ?? objectiveRange(objective, "indicators")
  );
}

/** The weights of a structure: its weight table, else the union of its objectives' weight cells, else its header. */
export function structureWeightsRange(structure: Structure): SheetRange | null {
  return firstRange(
    structure.source.weightTable,
    unionRanges(structure.objectives.map((o) => o.source.weight)),
    structure.source.header,
    structure.objectives[0] ? objectiveRange(structure.objectives[0], "weight") : null,
  );
}

/** The union of ranges on the first range's sheet (others are dropped), or null. */
export function unionOf(ranges: readonly (SheetRange | null | undefined)[]): SheetRange | null {
  return unionRanges(ranges);
}

/** The text cut to `max` characters at a word boundary (a word is never cut in half), with "…". */
const shorten = (text: string, max: number): string => {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  // A single very long word is cut where it must be.
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
};

/** How messages name an objective whose title is empty (a card not filled in yet). */
export const UNTITLED = "(senza titolo)";

/**
 * `4 «Trasparenza»`, or `«Trasparenza»` for an unnumbered objective; `4 (senza titolo)` when the
 * title is empty, rather than an empty quote.
 */
export function objectiveLabel(objective: Objective): string {
  const short = shorten(objective.title, 60);
  const title = short === "" ? UNTITLED : `«${short}»`;
  return objective.number ? `${objective.number} ${title}` : title;
}

/** A phase as messages name it: its number, else its position ("2"). */
export function phaseLabel(phase: Phase, index: number): string {
  return phase.number ?? String(index + 1);
}

/** An indicator as messages name it: its description (shortened), else "n. 2". */
export function indicatorLabel(indicator: Indicator, index: number): string {
  return indicator.description ? shorten(indicator.description, 60) : `n. ${index + 1}`;
}

/** The plan year: the methodology's setting, else the plan's, else null. */
export function planYearOf(plan: Plan, methodology: Methodology, objective?: Objective): number | null {
  return methodology.planYear ?? plan.year ?? objective?.year ?? null;
}

/** "2024-07-31" → "31/07/2024". */
export function formatDateIt(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export const MONTH_NAMES_IT = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
] as const;

/** 7 → "luglio". */
export function monthName(month: number): string {
  return MONTH_NAMES_IT[month - 1] ?? String(month);
}

/**
 * True when the cell holds a formula without its result (see `UnreadableCell.cause`): the value
 * is there, `value-unreadable` says to recalculate, so a rule must not call it missing.
 */
export function isUncalculated(plan: Plan, at: SheetRange | null | undefined): boolean {
  if (!at) return false;
  return plan.unreadable.some(
    (u) => u.cause === "uncalculated" && u.at.sheet === at.sheet && u.at.top <= at.top && u.at.bottom >= at.bottom && u.at.left <= at.left && u.at.right >= at.right,
  );
}
