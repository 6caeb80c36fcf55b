/**
 * A methodology chosen in the add-in (a preset) is written to the add-in's own Metodologia sheet
 * and read back from it by the next run; a user's own Metodologia is never rewritten.
 */
import * as ExcelJS from "exceljs";
import { applyPreset, DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { saveWorkbook } from "../../../src/hosts/xlsx/apply";
import { analyseBytes, annotate, workbookBytes } from "./roundtrip-helpers";

describe("a preset chosen in the Nucleo view", () => {
  it("rewrites the add-in's Metodologia, and the next run reads the preset from it", async () => {
    const first = await annotate(workbookBytes("casorate-servizio-amministrativo"));
    expect(first.analysis.methodology.conversion).toBe("linear");
    const bands = applyPreset(DEFAULT_METHODOLOGY, "bands");
    const second = await annotate(first.bytes, { asOf: "2024-12-31", review: "final", methodology: bands });
    expect(second.analysis.writePlan.sheets.find((s) => s.key === "methodology")?.keepIfExists).toBe(false);
    const third = await analyseBytes(second.bytes);
    expect(third.methodology).toEqual(bands);
    // Without a choice the sheet is kept again (and so is the preset).
    const fourth = await annotate(second.bytes);
    expect(fourth.analysis.writePlan.sheets.find((s) => s.key === "methodology")?.keepIfExists).toBe(true);
    expect((await analyseBytes(fourth.bytes)).methodology.conversion).toBe("bands");
  });

  it("never rewrites a user's own Metodologia: its cells stay, the formulas carry the preset's figures", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(workbookBytes("casorate-servizio-amministrativo")) as unknown as ExcelJS.Buffer);
    const own = wb.addWorksheet("Metodologia");
    own.getCell("A1").value = "Metodologia del Comune";
    own.getCell("A2").value = "Quota media valore raggiunto (%)";
    own.getCell("B2").value = 70;
    const bytes = await saveWorkbook(wb);
    const thresholds = { ...applyPreset(DEFAULT_METHODOLOGY, "thresholds"), achievementShare: 70 };
    const out = await annotate(bytes, { asOf: "2024-12-31", review: "final", methodology: thresholds });
    expect(out.analysis.writePlan.sheets.find((s) => s.key === "methodology")?.keepIfExists).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out.bytes) as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet("Metodologia")?.getCell("A1").value).toBe("Metodologia del Comune");
    const indicatori = JSON.stringify(out.analysis.writePlan.sheets.find((s) => s.key === "indicators"));
    expect(indicatori).toContain("IF(MAX(0,");
  });
});
