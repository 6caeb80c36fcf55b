import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { cardBlockAt, flagsOnBlock, recordedFlagAreas, touchesAny } from "../../../src/ui/logic/live";
import { makeAnalysis } from "../fixtures";

const at = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

describe("cardBlockAt", () => {
  const plan = makeAnalysis().plan;
  it.each([
    ["Segreteria", at(2, 1), at(0, 0, 30, 14)],
    ["Segreteria", at(45, 3), at(40, 0, 70, 14)],
    ["segreteria", at(41, 0, 41, 20), at(40, 0, 70, 14)],
    // A paste across two cards of the same size: the first one (the contract gives one block).
    ["Segreteria", at(30, 0, 41, 0), at(0, 0, 30, 14)],
    ["Polizia Locale", at(0, 0), at(0, 0, 30, 14)],
    ["Segreteria", at(35, 2), null],
    ["Note", at(1, 1), null],
  ])("%s %j → %j", (sheet, changed, block) => {
    expect(cardBlockAt(plan, sheet, changed)).toEqual(block);
  });

  it("takes the smallest card when cards nest, and the box of its ranges when it has no card range", () => {
    const a = makeAnalysis();
    const [outer, inner] = a.plan.structures[0]!.objectives;
    outer!.source = { card: { sheet: "Segreteria", top: 0, left: 0, bottom: 80, right: 14 } };
    inner!.source = { title: { sheet: "Segreteria", top: 42, left: 1, bottom: 42, right: 1 }, weight: { sheet: "Segreteria", top: 44, left: 13, bottom: 50, right: 13 } };
    expect(cardBlockAt(a.plan, "Segreteria", at(45, 5, 45, 13))).toEqual(at(42, 1, 50, 13));
    expect(cardBlockAt(a.plan, "Segreteria", at(60, 5))).toEqual(at(0, 0, 80, 14));
  });
});

describe("flagsOnBlock", () => {
  it("keeps the flags touching the block on its sheet", () => {
    const flag = (sheet: string, top: number) => ({ sheet, top, left: 2, bottom: top + 1, right: 2, severity: "error" as const, fill: "#FFC7CE", note: "", ruleIds: [] });
    const flags = [flag("Segreteria", 39), flag("Segreteria", 41), flag("segreteria", 70), flag("Segreteria", 71), flag("Polizia Locale", 45)];
    expect(flagsOnBlock(flags, "Segreteria", at(40, 0, 70, 14)).map((f) => f.top)).toEqual([39, 41, 70]);
  });
});

describe("recordedFlagAreas", () => {
  const state = (cells: SheetSnapshot["cells"], name = "SO_Stato"): SheetSnapshot => ({ name, origin: { row: 0, col: 0 }, cells });
  const record = JSON.stringify({ version: 1, sheets: [], tables: [], flags: [{ sheet: "Segreteria", top: 42, left: 13, bottom: 42, right: 13, originalFills: [null] }, { sheet: 3 }], addedCells: [] });

  it("reads the flags' places from the record split over column A", () => {
    const areas = recordedFlagAreas([state([[record.slice(0, 25), "x"], [record.slice(25)], [null], ["ignored"]], "so_stato")]);
    expect(areas).toEqual([{ sheet: "Segreteria", top: 42, left: 13, bottom: 42, right: 13 }]);
    expect(touchesAny(areas, "Segreteria", at(40, 0, 70, 14))).toBe(true);
    expect(touchesAny(areas, "Segreteria", at(0, 0, 30, 14))).toBe(false);
  });

  it.each([
    ["no state sheet", [] as SheetSnapshot[]],
    ["a damaged record", [state([["{\"flags\": ["]])]],
    ["a record without flags", [state([["{\"version\":1}"]])]],
    ["a state sheet not at A1", [{ ...state([[record]]), origin: { row: 1, col: 0 } }]],
  ])("knows no flags with %s", (_, snapshots) => {
    expect(recordedFlagAreas(snapshots)).toEqual([]);
  });
});
