/**
 * Data safety in the Office.js host (issue 12), as in the xlsx host: a recorded sheet is the
 * add-in's only while it holds a recorded table, and a damaged record means nothing is touched.
 */
import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { STATE_SHEET, type WritePlan } from "../../../src/engine/write/types";
import { FakeExcel } from "./fake-excel";
import { cardWorkbook } from "./workbooks";

const caps = (fake: FakeExcel) => detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") });

const verifica: WritePlan["sheets"][number] = {
  name: "Verifica",
  key: "findings",
  cells: [{ sheet: "Verifica", row: 0, col: 0, content: { kind: "text", text: "Schede Obiettivo · Verifica" } }],
  tables: [{ name: "SO_Verifica", sheet: "Verifica", row: 1, col: 0, style: "TableStyleMedium2", columns: [{ header: "Foglio" }], rows: [[{ kind: "text", text: "x" }]] }],
};
const plan: WritePlan = { version: 1, sheets: [verifica], flags: [], addedCells: [], stats: { cells: 0, formulas: 0, flags: 0, tables: 1 } };

describe("ownership by identity (Office.js host)", () => {
  let fake: FakeExcel;
  let host: ExcelWorkbookHost;
  let uninstall: () => void;
  beforeEach(async () => {
    fake = cardWorkbook(1, 1, { excelApi: "1.18" });
    uninstall = fake.install();
    host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    await host.applyWritePlan(plan);
  });
  afterEach(() => uninstall());

  function userVerifica(a1 = "Le mie note"): void {
    fake.deleteSheet(fake.sheet("Verifica"));
    fake.addSheet("Verifica").put("A1", [[a1], [null, 42]]);
  }

  it("a user's own «Verifica», made after deleting the add-in's, survives clear", async () => {
    userVerifica();
    const report = await host.clearAddinContent();
    expect(fake.sheet("Verifica").cell(1, 1)?.value).toBe(42);
    expect(report.messages.map((m) => m.code)).toContain("sheet-no-longer-owned");
  });

  it("…and a new run, even when its A1 reads like the marker (it has no table of the add-in)", async () => {
    userVerifica("Schede Obiettivo · appunti");
    const report = await host.applyWritePlan(plan);
    expect(fake.sheet("Verifica").cell(1, 1)?.value).toBe(42);
    expect(report.messages.map((m) => m.code)).toContain("sheet-name-taken");
  });

  it("a renamed owned sheet is the user's now: clear leaves it", async () => {
    fake.sheet("Verifica").name = "Verifica tenuta";
    await host.clearAddinContent();
    expect(fake.findSheet("Verifica tenuta")).toBeDefined();
  });

  it("a damaged record: nothing is written; clear removes only the record", async () => {
    const state = fake.sheet(STATE_SHEET);
    state.touch(0, 0).value = String(state.cell(0, 0)?.value).replace('"Verifica"', '"Schede 1"');
    const report = await host.applyWritePlan(plan);
    expect(report.messages.map((m) => m.code)).toEqual(["state-unreadable"]);
    expect(fake.findSheet("Schede 1")).toBeDefined();
    expect(fake.findSheet("Verifica")).toBeDefined();
    const cleared = await host.clearAddinContent();
    expect(cleared.messages.map((m) => m.code)).toEqual(["state-unreadable"]);
    expect(fake.findSheet("Verifica")).toBeDefined();
    expect(fake.findSheet(STATE_SHEET)).toBeUndefined();
  });
});
