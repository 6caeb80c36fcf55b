import type { Finding, Severity } from "../../engine";

export type SeverityCounts = Record<Severity, number>;

export interface SheetGroup {
  sheet: string;
  findings: Finding[];
  counts: SeverityCounts;
}

export interface StructureGroup {
  /** Structure name, or null for findings that belong to no structure (a sheet-level problem). */
  structure: string | null;
  sheets: SheetGroup[];
  counts: SeverityCounts;
  total: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const emptyCounts = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

/** Counts findings by severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = emptyCounts();
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/**
 * The structure a finding belongs to. Structure-level rules (objective weights of a structure)
 * name it in `data.structure` rather than in `structure`, which the engine fills from an objective.
 */
export function structureOf(f: Finding): string | null {
  if (f.structure) return f.structure;
  return typeof f.data.structure === "string" && f.data.structure.trim() !== "" ? f.data.structure : null;
}

/**
 * Groups findings by structure, then by sheet, in the order they first appear (the engine
 * reports in plan order); findings without a structure come last. Inside a sheet, errors come
 * first and the engine's order is kept otherwise.
 */
export function groupFindings(findings: readonly Finding[]): StructureGroup[] {
  const byStructure = new Map<string | null, Map<string, Finding[]>>();
  for (const f of findings) {
    const key = structureOf(f);
    let sheets = byStructure.get(key);
    if (!sheets) byStructure.set(key, (sheets = new Map()));
    let list = sheets.get(f.at.sheet);
    if (!list) sheets.set(f.at.sheet, (list = []));
    list.push(f);
  }
  const groups: StructureGroup[] = [];
  for (const [structure, sheets] of byStructure) {
    const sheetGroups: SheetGroup[] = [...sheets].map(([sheet, list]) => {
      const sorted = list
        .map((f, i) => ({ f, i }))
        .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
        .map(({ f }) => f);
      return { sheet, findings: sorted, counts: countBySeverity(sorted) };
    });
    const all = sheetGroups.flatMap((s) => s.findings);
    groups.push({ structure, sheets: sheetGroups, counts: countBySeverity(all), total: all.length });
  }
  return groups.sort((a, b) => Number(a.structure === null) - Number(b.structure === null));
}
