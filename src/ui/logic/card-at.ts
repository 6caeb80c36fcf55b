import { parseRangeA1, type ActiveCell, type Objective, type Plan } from "../../engine";
import { objectivesOf } from "./workbook-data";

/**
 * The objective whose card contains the cell, or null. When cards nest (a tabular plan's
 * structure block holds several objective rows) the smallest area wins.
 */
export function objectiveAt(plan: Plan, cell: ActiveCell): Objective | null {
  const at = parseRangeA1(cell.address);
  if (!at) return null;
  let best: Objective | null = null;
  let bestArea = Infinity;
  for (const o of objectivesOf(plan)) {
    for (const r of Object.values(o.source)) {
      if (r.sheet !== cell.sheet) continue;
      if (at.top < r.top || at.top > r.bottom || at.left < r.left || at.left > r.right) continue;
      const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (area < bestArea) {
        best = o;
        bestArea = area;
      }
    }
  }
  return best;
}
