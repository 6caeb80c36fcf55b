import { analyse } from "../../../src/engine/analyse";
import type { CardTemplate } from "../../../src/engine/host";
import type { CellValue, SheetSnapshot } from "../../../src/engine/model/snapshot";
import { buildNewCard } from "../../../src/ui/logic/new-card";

/** The template as the engine would see it once a host has written it. */
function toSnapshot(t: CardTemplate, name = t.sheetName): SheetSnapshot {
  const bottom = Math.max(...t.cells.map((c) => c.row));
  const right = Math.max(...t.cells.map((c) => c.col));
  const cells: CellValue[][] = Array.from({ length: bottom + 1 }, () => Array.from({ length: right + 1 }, () => null));
  for (const c of t.cells) (cells[c.row] as CellValue[])[c.col] = c.value;
  return { name, origin: { row: 0, col: 0 }, cells, merges: t.merges };
}

describe("buildNewCard", () => {
  const template = buildNewCard({ year: 2025, number: 3 });

  it("is read back by the engine as one card in the add-in's layout, with the phase rows of its schedule", () => {
    const { plan } = analyse([toSnapshot(template)], { asOf: "2025-01-15" });
    const objectives = plan.structures.flatMap((s) => s.objectives);
    expect(objectives).toHaveLength(1);
    const o = objectives[0]!;
    expect(o.layout).toBe("addin");
    expect(o.number).toBe("3");
    expect(o.year).toBe(2025);
    expect(o.schedule.map((r) => r.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(plan.unreadable).toEqual([]);
  });

  it("puts the filled card's phase weights in the Peso % column", () => {
    const filled = toSnapshot(template);
    const weightHeader = template.cells.find((c) => c.value === "Peso %")!;
    const title = template.select;
    (filled.cells[title.row] as CellValue[])[title.col] = "Sportello digitale";
    (filled.cells[weightHeader.row + 1] as CellValue[])[weightHeader.col] = 40;
    (filled.cells[weightHeader.row + 2] as CellValue[])[weightHeader.col] = 60;
    // Months start right after "Peso %": Gennaio, then Febbraio.
    (filled.cells[weightHeader.row + 1] as CellValue[])[weightHeader.col + 2] = "X";
    const o = analyse([filled], { asOf: "2025-01-15" }).plan.structures.flatMap((s) => s.objectives)[0]!;
    expect(o.title).toBe("Sportello digitale");
    expect(o.schedule.slice(0, 2).map((r) => r.weight)).toEqual([40, 60]);
    expect(o.schedule[0]?.months).toEqual([2]);
  });

  it("validates weights and participation as 0–100, months as X and the bonus flag as SI/NO", () => {
    const kinds = template.validations.map((v) => (v.rule.kind === "list" ? v.rule.values.join("/") : `${v.rule.min}-${v.rule.max}`));
    expect(kinds).toEqual(["SI/NO", "0-100", "X", "0-100", "0-1000000"]);
    for (const v of template.validations) {
      expect(v.prompt.length).toBeGreaterThan(0);
      expect(v.error.length).toBeGreaterThan(0);
    }
    const months = template.validations[2]!;
    expect(months.right - months.left + 1).toBe(12);
  });
});
