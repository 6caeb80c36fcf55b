/**
 * The Excel host under behaviours of real Excel that a first session would meet (issue 10): each
 * `describe` names the behaviour the fake models and where it is documented.
 */
import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import type { CellFlag, WritePlan } from "../../../src/engine/write/types";
import { FakeExcel } from "./fake-excel";
import { cardWorkbook } from "./workbooks";

const caps = (fake: FakeExcel) => detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") });
const ERROR_FILL = "#FFC7CE";

function flag(sheet: string, top: number, left: number, bottom: number, right: number, note = "Schede Obiettivo · Errore\nManca."): CellFlag {
  return { sheet, top, left, bottom, right, severity: "error", fill: ERROR_FILL, note, ruleIds: ["regola"] };
}

function plan(parts: Partial<WritePlan> = {}): WritePlan {
  return { version: 1, sheets: [], flags: [], addedCells: [], stats: { cells: 0, formulas: 0, flags: 0, tables: 0 }, ...parts };
}

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function setUp(fake: FakeExcel): ExcelWorkbookHost {
  uninstall = fake.install();
  return new ExcelWorkbookHost({ capabilities: caps(fake) });
}

describe("white fill vs no fill (office-js#4900: pattern null for both, tintAndShade null for No Fill)", () => {
  it("restores a white fill as white and no fill as no fill", async () => {
    const fake = cardWorkbook(1, 1);
    const cards = fake.sheet("Schede 1");
    cards.touch(11, 1).fill = "#FFFFFF";
    const host = setUp(fake);
    await host.readSnapshots();
    await host.applyWritePlan(plan({ flags: [flag("Schede 1", 11, 1, 11, 2)] }));
    expect(cards.cell(11, 1)?.fill).toBe(ERROR_FILL);
    await host.applyWritePlan(plan());
    expect(cards.cell(11, 1)?.fill).toBe("#FFFFFF");
    expect(cards.cell(11, 2)?.fill ?? null).toBeNull();
  });
});
