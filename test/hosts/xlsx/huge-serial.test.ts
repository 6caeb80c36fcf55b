/**
 * Issue 12: a date-formatted cell holding 1e15 was written back as NaN by `tables` and `clear`
 * (ExcelJS turns a serial past JavaScript's dates into an invalid Date on load).
 */
import * as ExcelJS from "exceljs";
import { clearAddinContent, saveWorkbook } from "../../../src/hosts/xlsx/apply";
import { loadWorkbook, worksheetToSnapshot } from "../../../src/hosts/xlsx/read";

async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Date");
  ws.getCell("A1").value = "Scadenza";
  ws.getCell("B1").value = 1e15;
  ws.getCell("B1").numFmt = "dd/mm/yyyy";
  ws.getCell("B2").value = { formula: "B1*2", result: 2e15 };
  ws.getCell("B2").numFmt = "dd/mm/yyyy";
  ws.getCell("B3").value = 45_291;
  ws.getCell("B3").numFmt = "dd/mm/yyyy";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a date-formatted cell holding 1e15", () => {
  it("loads as the number, and the snapshot reads it with its format", async () => {
    const ws = (await loadWorkbook(await book())).getWorksheet("Date") as ExcelJS.Worksheet;
    expect(ws.getCell("B1").value).toBe(1e15);
    const s = worksheetToSnapshot(ws);
    expect(s.cells.map((r) => r[1])).toEqual([1e15, 2e15, 45_291]);
    expect(s.formats?.[0]?.[1]).toBe("dd/mm/yyyy");
    expect(s.formulas?.[1]?.[1]).toBe("B1*2");
  });

  it("survives load → save → reload (as `tables` and `clear` write it): 1e15, same number format; a real date stays a date", async () => {
    const wb = await loadWorkbook(await book());
    clearAddinContent(wb);
    const again = (await loadWorkbook(await saveWorkbook(wb))).getWorksheet("Date") as ExcelJS.Worksheet;
    expect(again.getCell("B1").value).toBe(1e15);
    expect(again.getCell("B1").numFmt).toBe("dd/mm/yyyy");
    expect(again.getCell("B2").value).toEqual({ formula: "B1*2", result: 2e15 });
    expect(again.getCell("B2").numFmt).toBe("dd/mm/yyyy");
    expect(again.getCell("B3").value).toEqual(new Date(Date.UTC(2023, 11, 31)));
  });
});
