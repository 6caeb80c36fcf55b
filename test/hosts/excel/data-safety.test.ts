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

describe("a flag that moved (rows inserted above it)", () => {
  it("is left alone, never undone onto the cell now at its old place", async () => {
    const fake = cardWorkbook(1, 1, { excelApi: "1.18" });
    const uninstall = fake.install();
    try {
      const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
      const cards = fake.sheet("Schede 1");
      cards.touch(4, 1).fill = "#FFFF00"; // the user's yellow on B5
      const flagAt = (top: number, note: string) => ({ sheet: "Schede 1", top, left: 1, bottom: top, right: 1, severity: "error" as const, fill: "#FFC7CE", note, ruleIds: ["x"] });
      await host.applyWritePlan({ ...plan, sheets: [], flags: [flagAt(4, "Schede Obiettivo · Errore\nPrimo."), flagAt(5, "Schede Obiettivo · Errore\nSecondo.")] });
      // One row inserted at the top, as Excel does it: B5 (yellow under the flag) is now B6, with its note.
      const b5 = { fill: cards.cell(4, 1)?.fill ?? null, note: cards.notes.get("B5") };
      const b6 = { fill: cards.cell(5, 1)?.fill ?? null, note: cards.notes.get("B6") };
      cards.touch(4, 1).fill = null;
      cards.notes.delete("B5");
      cards.touch(5, 1).fill = b5.fill;
      cards.notes.set("B6", b5.note as string);
      cards.touch(6, 1).fill = b6.fill;
      cards.notes.set("B7", b6.note as string);
      const report = await host.clearAddinContent();
      // The old B5's recorded original (yellow) is not painted on what is now B5, and the
      // original of the old B6 (no fill) is not painted on the old B5: nothing the user had is lost.
      expect(cards.cell(4, 1)?.fill ?? null).toBeNull();
      expect(cards.cell(5, 1)?.fill).toBe("#FFC7CE");
      expect(report.messages.map((m) => m.code)).toContain("flag-not-found");
    } finally {
      uninstall();
    }
  });
});

