/**
 * Small readers over the engine's data. The engine's model modules carry their zod schemas, so
 * the UI imports only their types and reads the data here: zod and the engine then load in a
 * lazy chunk and the pane's first render does not wait for them.
 */
import type { CellRange, CellValue, Objective, Plan, SheetSnapshot } from "../../engine";

/** Every objective of the plan, in structure order. */
export function objectivesOf(plan: Plan): Objective[] {
  return plan.structures.flatMap((s) => s.objectives);
}

/** The value at an absolute position, or null outside the snapshot. */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.cells[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
}

/** Absolute bounds of the snapshot (inclusive); bottom < top when empty. */
export function boundsOf(sheet: SheetSnapshot): CellRange {
  const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    top: sheet.origin.row,
    left: sheet.origin.col,
    bottom: sheet.origin.row + sheet.cells.length - 1,
    right: sheet.origin.col + width - 1,
  };
}
