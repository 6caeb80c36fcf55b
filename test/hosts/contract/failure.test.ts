/**
 * A write that fails halfway can always be undone (issue 9 §2). A batch is not atomic in Excel:
 * operations before the failing one stay done. Here a realistic rewrite (a second `tables`
 * after a first: undo of the previous flags, notes and sheets, then new ones) fails at every
 * operation index in turn, on both hosts; `clear` then must give back every user cell (value,
 * formula, fill, note) and leave none of the add-in's sheets or flags.
 */
import * as ExcelJS from "exceljs";
import { analyse } from "../../../src/engine/analyse";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { applyWritePlanToWorkbook, clearAddinContent, planWorkbookWrite, saveWorkbook, workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { InjectedFailure } from "../../../src/hosts/xlsx/execute";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { cardRows } from "../excel/workbooks";
import { mirrorIntoFake } from "../excel/from-exceljs";
import { type SheetView, viewOfFake, viewOfWorkbook } from "./two-hosts";

jest.setTimeout(300_000);

const OPTIONS = { asOf: "2024-06-30", review: "interim" as const };

/** Two cards with a user's fill and note on a cell the add-in flags, and typed data beside the review columns. */
async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Schede");
  const rows = [...cardRows(1), ...cardRows(2)];
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getRow(r + 1).getCell(c + 1).value = v)));
  // The first card's weight is missing: its cells get flagged. The user had coloured and noted some.
  ws.getRow(4).getCell(1).style = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } } };
  ws.getRow(4).getCell(1).note = "nota dell'ufficio";
  ws.getRow(12).getCell(3).style = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const userSheets = (views: SheetView[]) => views.filter((v) => v.name === "Schede");

describe("a write that fails at any operation", () => {
  it("ExcelJS host: clear gives back every user cell, whatever operation the rewrite stopped at", async () => {
    const bytes = await book();
    const original = viewOfWorkbook(await loadWorkbook(bytes));
    const first = await loadWorkbook(bytes);
    applyWritePlanToWorkbook(first, analyse(workbookSnapshots(first), OPTIONS).writePlan);
    const afterFirst = await saveWorkbook(first);
    const probe = await loadWorkbook(afterFirst);
    const plan = analyse(workbookSnapshots(probe), { ...OPTIONS, asOf: "2024-07-31" }).writePlan;
    const ops = planWorkbookWrite(probe, { kind: "apply", plan }).ops;
    expect(ops.length).toBeGreaterThan(10);
    expect(new Set(ops.map((o) => o.kind))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    for (let k = 0; k < ops.length; k++) {
      const wb = await loadWorkbook(afterFirst);
      expect(() => applyWritePlanToWorkbook(wb, plan, { failAt: k })).toThrow(InjectedFailure);
      const saved = await loadWorkbook(await saveWorkbook(wb));
      const report = clearAddinContent(saved);
      const after = viewOfWorkbook(await loadWorkbook(await saveWorkbook(saved)));
      expect([k, after.map((s) => s.name)]).toEqual([k, original.map((s) => s.name)]);
      expect([k, userSheets(after)]).toEqual([k, userSheets(original)]);
      expect([k, report.messages.filter((m) => m.severity !== "info").map((m) => m.code)]).toEqual([k, []]);
    }
  });

  it("Office.js host: clear gives back every user cell, whatever Office call the rewrite stopped at", async () => {
    const bytes = await book();
    const base = await loadWorkbook(bytes);
    const original = viewOfFake(mirrorIntoFake(base, { excelApi: "1.18" }));
    const run = async (failAt: number | null): Promise<{ views: SheetView[]; writes: number; failed: boolean; warnings: string[] }> => {
      const fake = mirrorIntoFake(await loadWorkbook(bytes), { excelApi: "1.18" });
      const uninstall = fake.install();
      try {
        const host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") }) });
        await host.applyWritePlan(analyse(await host.readSnapshots(), OPTIONS).writePlan);
        const plan = analyse(await host.readSnapshots(), { ...OPTIONS, asOf: "2024-07-31" }).writePlan;
        const before = fake.writeActions;
        fake.failAtWrite = failAt === null ? null : before + failAt;
        let failed = false;
        try {
          await host.applyWritePlan(plan);
        } catch {
          failed = true;
        }
        const writes = fake.writeActions - before;
        fake.failAtWrite = null;
        const report = await host.clearAddinContent();
        return { views: viewOfFake(fake), writes, failed, warnings: report.messages.filter((m) => m.severity !== "info").map((m) => m.code) };
      } finally {
        uninstall();
      }
    };
    const clean = await run(null);
    expect(clean.failed).toBe(false);
    expect(clean.views).toEqual(original);
    expect(clean.writes).toBeGreaterThan(10);
    for (let k = 1; k <= clean.writes; k++) {
      const outcome = await run(k);
      expect([k, outcome.failed]).toEqual([k, true]);
      expect([k, outcome.views.map((s) => s.name)]).toEqual([k, original.map((s) => s.name)]);
      expect([k, userSheets(outcome.views)]).toEqual([k, userSheets(original)]);
      expect([k, outcome.warnings]).toEqual([k, []]);
    }
  });
});
