/**
 * A plan built without the ownership record (snapshots without SO_Stato: `ownershipSeen: false`)
 * takes the add-in's earlier review headers for the user's. The Excel host then does what the
 * .xlsx host does (src/hosts/xlsx/apply.ts): it keeps those headers and keeps owning them, so
 * a later `clear` still takes them away.
 */
import { analyse, type AnalyseOptions } from "../../../src/engine/analyse";
import { decodeOwnershipRecord } from "../../../src/engine/write/ownership";
import { STATE_SHEET } from "../../../src/engine/write/types";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import type { FakeExcel } from "./fake-excel";
import { cardWorkbook } from "./workbooks";

const REVIEW: AnalyseOptions = { asOf: "2024-12-31", review: "final" };

const recordOf = (fake: FakeExcel) => {
  const state = fake.findSheet(STATE_SHEET);
  const column: unknown[] = [];
  for (let r = 0; state?.cell(r, 0); r++) column.push(state.cell(r, 0)?.value);
  return decodeOwnershipRecord(column).record;
};

describe("ExcelWorkbookHost and a plan that did not see the ownership record", () => {
  let fake: FakeExcel;
  let uninstall: () => void;
  let host: ExcelWorkbookHost;
  beforeEach(() => {
    fake = cardWorkbook(4, 2);
    uninstall = fake.install();
    host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: () => true }) });
  });
  afterEach(() => uninstall());

  it("keeps the earlier review headers and their ownership; clear still removes them", async () => {
    const before = fake.sheets.map((s) => fake.grid(s.name));
    const first = analyse(await host.readSnapshots(), REVIEW).writePlan;
    expect(first.addedCells.length).toBeGreaterThan(0);
    const firstReport = await host.applyWritePlan(first);
    expect(firstReport).toBe(host.lastReport);
    expect(firstReport.cellsWritten).toBe(first.addedCells.length);

    // A host that passes no SO_Stato: the engine reads the headers as the user's.
    const blind = analyse((await host.readSnapshots()).filter((s) => s.name !== STATE_SHEET), REVIEW).writePlan;
    expect(blind.ownershipSeen).toBe(false);
    expect(blind.addedCells).toEqual([]);
    fake.resetCounters();
    const report = await host.applyWritePlan(blind);
    expect(fake.syncs).toBe(3);
    expect(report.cellsRemoved).toBe(0);
    for (const c of first.addedCells) {
      expect(fake.sheet(c.sheet).cell(c.row, c.col)?.value).toBe(c.content.kind === "text" ? c.content.text : undefined);
    }
    // Still the add-in's: the record lists every header it wrote the first time.
    expect(recordOf(fake)?.addedCells.map((a) => [a.sheet, a.row, a.col])).toEqual(first.addedCells.map((c) => [c.sheet, c.row, c.col]));

    const cleared = await host.clearAddinContent();
    expect(cleared.cellsRemoved).toBe(first.addedCells.length);
    expect(fake.sheets.map((s) => fake.grid(s.name))).toEqual(before);
  });

  it("with the record seen, replaces the headers as before", async () => {
    const first = analyse(await host.readSnapshots(), REVIEW).writePlan;
    await host.applyWritePlan(first);
    const again = analyse(await host.readSnapshots(), REVIEW).writePlan;
    expect(again.ownershipSeen).toBe(true);
    const report = await host.applyWritePlan(again);
    expect(report.cellsRemoved).toBe(first.addedCells.length);
    expect(report.cellsWritten).toBe(again.addedCells.length);
    expect(recordOf(fake)?.addedCells).toHaveLength(again.addedCells.length);
  });
});
