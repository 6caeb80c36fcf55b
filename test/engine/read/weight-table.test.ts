import { analyse } from "../../../src/engine/analyse";
import { allObjectives } from "../../../src/engine/model/plan";
import type { CellValue, SheetSnapshot } from "../../../src/engine/model/snapshot";
import { readPlan } from "../../../src/engine/read";
import { SheetIndex } from "../../../src/engine/read/sheet";
import { findWeightTables } from "../../../src/engine/read/weight-table";
import { normalizeLabel } from "../../../src/engine/values";
import { withAddedCells } from "../../../src/engine/write";
import { loadFixtureSnapshots } from "../../fixtures";
import { grid } from "../../helpers/grid";
import { MONTHS, marks, objective } from "./helpers";

/** 15/03/2024 as Excel stores a date cell. */
const MARCH_15 = 45366;
const DATE_FORMAT = "dd/mm/yyyy";
const ALL_YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const tablesOf = (snapshot: SheetSnapshot) => findWeightTables(new SheetIndex(snapshot, normalizeLabel), []);

/** A copy of the snapshots with a real date (serial + date format) at a cell. */
function withDate(snapshots: readonly SheetSnapshot[], at: { sheet: string; top: number; left: number }): SheetSnapshot[] {
  return snapshots.map((s) => {
    if (s.name !== at.sheet) return s;
    const r = at.top - s.origin.row;
    const c = at.left - s.origin.col;
    const cells = s.cells.map((row) => [...row]);
    const formats = s.cells.map((row, i) => row.map((_, j) => s.formats?.[i]?.[j] ?? null));
    (cells[r] as CellValue[])[c] = MARCH_15;
    (formats[r] as (string | null)[])[c] = DATE_FORMAT;
    return { ...s, cells, formats };
  });
}

describe("real dates typed in the review columns (casorate-servizio-amministrativo)", () => {
  const options = { review: "final", asOf: "2025-01-31" } as const;
  let prepared: SheetSnapshot[];

  beforeAll(async () => {
    const snapshots = await loadFixtureSnapshots("casorate-servizio-amministrativo");
    prepared = withAddedCells(snapshots, analyse(snapshots, options).writePlan.addedCells);
  });

  it("a date under 'Completata il' of card 1's first phase: still five objectives, the phase completed on that date", () => {
    const before = analyse(prepared, options).plan;
    const at = allObjectives(before)[0]?.phases[0]?.source.completedOn;
    if (!at) throw new Error("card 1's first phase has no 'Completata il' cell");
    const plan = readPlan(withDate(prepared, at));
    const objectives = allObjectives(plan);
    expect(objectives.map((o) => o.title)).toEqual(allObjectives(before).map((o) => o.title));
    expect(objectives).toHaveLength(5);
    expect(objectives[0]?.phases[0]?.completedOn).toBe("2024-03-15");
    expect(objectives[0]?.weight).toEqual({ value: 30, unit: "percent" });
    expect(analyse(withDate(prepared, at), options).plan.structures.flatMap((s) => s.objectives)).toHaveLength(5);
  });

  it("dates in every 'Completata il' and every 'Valore raggiunto' cell: five objectives, dates read as dates", () => {
    const before = allObjectives(analyse(prepared, options).plan);
    let snapshots = prepared;
    for (const o of before) {
      for (const p of o.phases) if (p.source.completedOn) snapshots = withDate(snapshots, p.source.completedOn);
      for (const i of o.indicators) if (i.source.actual) snapshots = withDate(snapshots, i.source.actual);
    }
    const after = allObjectives(analyse(snapshots, options).plan);
    expect(after.map((o) => [o.title, o.weight?.value])).toEqual(before.map((o) => [o.title, o.weight?.value]));
    const phases = after.flatMap((o) => o.phases).filter((p) => p.source.completedOn);
    expect(phases.length).toBeGreaterThan(0);
    expect(new Set(phases.map((p) => p.completedOn))).toEqual(new Set(["2024-03-15"]));
    const actuals = after.flatMap((o) => o.indicators).filter((i) => i.source.actual);
    expect(actuals.length).toBeGreaterThan(0);
    for (const i of actuals) expect(i.actual).toEqual({ type: "date", value: "2024-03-15", text: "15/03/2024" });
  });
});

describe("weight tables are not looked for in cronoprogramma rows", () => {
  // Phase 1 runs all year, so that its marks and the "Completata il" cell make one run of cells.
  const card = (completed: CellValue, formats: Record<string, string> = {}, phase1 = marks(1, ALL_YEAR)): SheetSnapshot =>
    grid(
      "S",
      "A1",
      [
        ["Centro di Responsabilità", "Tributi"],
        [1, "Tributi", "Recupero evasione", "100%"],
        [],
        ["1. OBIETTIVO DI MIGLIORAMENTO 2024"],
        ["Obiettivo: Descrizione Sintetica", "Recupero evasione"],
        ["Fasi di attuazione: 1. Analisi 2. Accertamenti"],
        ["Cronoprogramma"],
        ["Fasi e tempi", ...MONTHS, "Completata il"],
        [...phase1, completed],
        [...marks(2, [10, 11, 12]), null],
      ],
      { formats },
    );

  it("a date serial under 'Completata il' does not make the grid a weight table", () => {
    const sheet = card(MARCH_15, { N9: DATE_FORMAT });
    expect(tablesOf(sheet).map((t) => [t.top, t.bottom])).toEqual([[1, 1]]);
    const plan = readPlan([sheet]);
    expect(allObjectives(plan).map((o) => [o.id, o.weight?.value])).toEqual([["tributi/1", 100]]);
    expect(objective(plan, "tributi/1").phases.map((p) => p.completedOn)).toEqual(["2024-03-15", null]);
  });

  it("nor does a plain number there, beside a row that is not only marks (the grid is claimed)", () => {
    const phase1 = marks(1, ALL_YEAR);
    phase1[3] = "in corso";
    const sheet = card(25, {}, phase1);
    expect(tablesOf(sheet).map((t) => [t.top, t.bottom])).toEqual([[1, 1]]);
    expect(allObjectives(readPlan([sheet])).map((o) => o.id)).toEqual(["tributi/1"]);
  });

  it("a row of marks X is never a weight row, even outside a grid", () => {
    const sheet = grid("S", "A1", [
      [1, "X", "X", "X", 25],
      [2, "x", "x", "x", 75],
    ]);
    expect(tablesOf(sheet)).toEqual([]);
  });

  it("a date at the end of a numbered row is no weight", () => {
    const sheet = grid("S", "A1", [[1, "Tributi", "Recupero evasione", MARCH_15]], { formats: { D1: DATE_FORMAT } });
    expect(tablesOf(sheet)).toEqual([]);
  });

  it("a weight table right under a cronoprogramma, without a blank row, is still found", () => {
    const sheet = grid("S", "A1", [
      ["Cronoprogramma"],
      ["Fasi e tempi", ...MONTHS],
      marks(1, [1, 2, 3]),
      [1, "Tributi", null, "Recupero evasione", null, "60%"],
      [2, "Tributi", null, "Riscossione coattiva", null, "40%"],
    ]);
    expect(tablesOf(sheet).map((t) => [t.kind, t.top, t.bottom])).toEqual([["numbered", 3, 4]]);
  });
});
