import { MONTHS } from "../../fixtures/builders/layout-a";
import { rangeToA1 } from "../../../src/engine/cells/a1";
import type { Objective, Plan, Structure } from "../../../src/engine/model/plan";
import { allObjectives } from "../../../src/engine/model/plan";

/** "Sheet!C5:F9" of a source range, for provenance assertions. */
export function at(range: { sheet: string; top: number; left: number; bottom: number; right: number } | undefined): string {
  if (!range) return "(none)";
  return `${range.sheet}!${rangeToA1(range)}`;
}

/** The objective with this id; fails the test with the ids present when missing. */
export function objective(plan: Plan, id: string): Objective {
  const o = allObjectives(plan).find((x) => x.id === id);
  if (!o) throw new Error(`no objective ${id}; have ${allObjectives(plan).map((x) => x.id).join(", ")}`);
  return o;
}

/** The structure with this name. */
export function structure(plan: Plan, name: string): Structure {
  const s = plan.structures.find((x) => x.name === name);
  if (!s) throw new Error(`no structure ${name}; have ${plan.structures.map((x) => x.name).join(", ")}`);
  return s;
}

/** Twelve month headers, for cronoprogramma grids (the fixture builders' list). */
export { MONTHS };

/** A cronoprogramma row: label, then "X" in the given months (1–12), blanks elsewhere. */
export function marks(label: string | number, months: readonly number[], mark = "X"): (string | number | null)[] {
  return [label, ...MONTHS.map((_, i) => (months.includes(i + 1) ? mark : null))];
}
