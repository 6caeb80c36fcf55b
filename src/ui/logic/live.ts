/**
 * Live validation's small decisions, pure so that they are tested without a host: which card an
 * edit falls in, which of the engine's flags belong to that card, and which cards already carry
 * the add-in's flags (only those get their flags refreshed while the user types).
 */
import { rangeCellCount, rangesIntersect, sheetKey, STATE_SHEET, type CellFlag, type CellRange, type Plan, type SheetRange, type SheetSnapshot } from "../../engine";
import { objectivesOf } from "./workbook-data";

/** A block on a named sheet. */
export type SheetBlock = SheetRange;

const sameSheet = (a: string, b: string): boolean => sheetKey(a) === sheetKey(b);

/**
 * The card block an edit on `sheet` falls in: the smallest card of the plan that the changed
 * range touches (a tabular plan nests objective rows in a structure block), or null outside every
 * card. A card without its whole-card range is the box around every range it was read from.
 */
export function cardBlockAt(plan: Plan, sheet: string, changed: CellRange): CellRange | null {
  let best: CellRange | null = null;
  for (const o of objectivesOf(plan)) {
    const ranges = o.source.card ? [o.source.card] : Object.values(o.source);
    const onSheet = ranges.filter((r) => sameSheet(r.sheet, sheet));
    if (onSheet.length === 0) continue;
    const block = {
      top: Math.min(...onSheet.map((r) => r.top)),
      left: Math.min(...onSheet.map((r) => r.left)),
      bottom: Math.max(...onSheet.map((r) => r.bottom)),
      right: Math.max(...onSheet.map((r) => r.right)),
    };
    if (rangesIntersect(block, changed) && (!best || rangeCellCount(block) < rangeCellCount(best))) best = block;
  }
  return best;
}

/** The flags of a write plan that lie on a card block (those the host refreshes for that card). */
export function flagsOnBlock(flags: readonly CellFlag[], sheet: string, block: CellRange): CellFlag[] {
  return flags.filter((f) => sameSheet(f.sheet, sheet) && rangesIntersect(f, block));
}

/**
 * The ranges the add-in flagged at its last write, from the record on the very hidden state
 * sheet (as the hosts read it). Only the flags' bounds are needed here, so the JSON is read
 * without the engine's zod schema, which stays out of the pane's first bundle; anything
 * unexpected means "no flags known".
 */
export function recordedFlagAreas(snapshots: readonly SheetSnapshot[] | null): SheetBlock[] {
  const state = snapshots?.find((s) => sameSheet(s.name, STATE_SHEET));
  if (!state || state.origin.row !== 0 || state.origin.col !== 0) return [];
  let json = "";
  for (const row of state.cells) {
    const chunk = row[0];
    if (typeof chunk !== "string" || chunk === "") break;
    json += chunk;
  }
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch {
    return [];
  }
  const flags = typeof record === "object" && record !== null ? (record as { flags?: unknown }).flags : undefined;
  if (!Array.isArray(flags)) return [];
  return flags.flatMap((f: unknown): SheetBlock[] => {
    if (typeof f !== "object" || f === null) return [];
    const { sheet, top, left, bottom, right } = f as Record<string, unknown>;
    if (typeof sheet !== "string" || ![top, left, bottom, right].every((n) => typeof n === "number")) return [];
    return [{ sheet, top: top as number, left: left as number, bottom: bottom as number, right: right as number }];
  });
}

/** True when one of `areas` lies on the block. */
export function touchesAny(areas: readonly SheetBlock[], sheet: string, block: CellRange): boolean {
  return areas.some((a) => sameSheet(a.sheet, sheet) && rangesIntersect(a, block));
}
