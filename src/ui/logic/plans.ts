import type { OwnedSheetKey, WritePlan } from "../../engine";

/** The name a sheet of the add-in got in this plan, or null when the plan has no such sheet. */
export function ownedSheetName(plan: WritePlan, key: OwnedSheetKey): string | null {
  const named = plan.sheetNames?.find((n) => n.key === key)?.used;
  if (named && plan.sheets.some((s) => s.name === named)) return named;
  return plan.sheets.find((s) => s.key === key)?.name ?? null;
}

/** The first of `keys` the plan has a sheet for. */
export function firstOwnedSheet(plan: WritePlan, keys: readonly OwnedSheetKey[]): string | null {
  for (const k of keys) {
    const name = ownedSheetName(plan, k);
    if (name) return name;
  }
  return null;
}

/**
 * The clean version for the Giunta: the add-in's tables and summary sheets without the findings
 * sheet and without flags on the cards. Hosts remove the previous flags first, so applying it
 * also cleans a workbook that was checked before.
 */
export function giuntaPlan(plan: WritePlan): WritePlan {
  const sheets = plan.sheets.filter((s) => s.key !== "findings");
  const cells = sheets.reduce((n, s) => n + s.cells.length + s.tables.reduce((t, x) => t + x.rows.length * x.columns.length, 0), 0);
  const formulas = sheets.reduce(
    (n, s) =>
      n +
      s.cells.filter((c) => c.content.kind === "formula").length +
      s.tables.reduce((t, x) => t + x.rows.reduce((r, row) => r + row.filter((c) => c.kind === "formula").length, 0), 0),
    0,
  );
  return {
    ...plan,
    sheets,
    flags: [],
    sheetNames: plan.sheetNames?.filter((n) => n.key !== "findings"),
    stats: { cells, formulas, flags: 0, tables: sheets.reduce((n, s) => n + s.tables.length, 0) },
  };
}
