/**
 * Nothing lost: `tables` then `clear` gives back every user cell's value, formula, fill, note and
 * number format exactly, for every fixture (with and without the review columns, after one run
 * or two), through real .xlsx files.
 */
import { clearXlsx, clearXlsxWithReport } from "../../../src/hosts/xlsx/apply";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { annotate, diffStates, statesOf, workbookBytes, WORKBOOKS } from "./roundtrip-helpers";

describe.each(WORKBOOKS)("%s: tables then clear", (name) => {
  it.each([
    ["plan check", { asOf: "2024-03-31", review: null }],
    ["final review (review columns)", { asOf: "2024-12-31", review: "final" as const }],
  ])("%s: every user cell comes back exactly", async (_label, options) => {
    const original = workbookBytes(name);
    const before = await statesOf(original);
    const once = await annotate(original, options);
    const twice = await annotate(once.bytes, options);
    for (const annotated of [once.bytes, twice.bytes]) {
      const cleared = await clearXlsx(annotated);
      expect(diffStates(before, await statesOf(cleared))).toEqual([]);
      const wb = await loadWorkbook(cleared);
      expect(wb.worksheets.map((ws) => ws.name)).toEqual((await loadWorkbook(original)).worksheets.map((ws) => ws.name));
    }
  });
});

describe("clear", () => {
  it("on a workbook the add-in never touched changes nothing and reports nothing", async () => {
    const original = workbookBytes("casorate-segreteria");
    const { bytes, report } = await clearXlsxWithReport(original);
    expect(diffStates(await statesOf(original), await statesOf(bytes))).toEqual([]);
    expect(report).toMatchObject({ sheetsRemoved: [], flagsRemoved: 0, cellsRemoved: 0, messages: [] });
  });

  it("removes the add-in's sheets, the state sheet and every flag", async () => {
    const once = await annotate(workbookBytes("casorate-servizio-amministrativo"), { asOf: "2024-12-31", review: "final" });
    expect(once.analysis.writePlan.flags.length).toBeGreaterThan(0);
    const { bytes, report } = await clearXlsxWithReport(once.bytes);
    expect(report.sheetsRemoved).toEqual(
      expect.arrayContaining(["Verifica", "Punteggi", "Riepilogo", "Obiettivi", "Fasi", "Indicatori", "Cronoprogramma", "Personale", "Metodologia"]),
    );
    expect(report.flagsRemoved).toBe(once.analysis.writePlan.flags.length);
    expect(report.cellsRemoved).toBe(once.analysis.writePlan.addedCells.length);
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Servizio Amministrativo"]);
  });
});
