/**
 * Every sheet workbook.xml lists is read, whatever its part is called (issue 12): other writers
 * do not name parts xl/worksheets/sheetN.xml, and ExcelJS alone drops those sheets silently.
 * A sheet that cannot be read is named, for the user.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook, unreadSheets, unreadSheetsMessage } from "../../../src/hosts/xlsx/read";
import { workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { tableNames } from "../../../src/hosts/xlsx/ownership";

async function built(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of ["Uno", "Due", "Tre"]) wb.addWorksheet(name).getCell("B2").value = `valore di ${name}`;
  const due = wb.getWorksheet("Due") as ExcelJS.Worksheet;
  due.addTable({ name: "TabellaDue", ref: "D5", headerRow: true, columns: [{ name: "Colonna" }], rows: [["x"]] });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The parts of sheets 2 and 3 renamed as another writer might, and a fourth sheet with no part. */
async function oddlyNamed(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const move = async (from: string, to: string): Promise<void> => {
    zip.file(to, await (zip.file(from) as JSZip.JSZipObject).async("uint8array"));
    zip.remove(from);
  };
  await move("xl/worksheets/sheet2.xml", "xl/worksheets/foglio-due.xml");
  await move("xl/worksheets/_rels/sheet2.xml.rels", "xl/worksheets/_rels/foglio-due.xml.rels");
  await move("xl/worksheets/sheet3.xml", "xl/worksheets/terzo.xml");
  let rels = await (zip.file("xl/_rels/workbook.xml.rels") as JSZip.JSZipObject).async("string");
  rels = rels.replace('Target="worksheets/sheet2.xml"', 'Target="worksheets/foglio-due.xml"').replace('Target="worksheets/sheet3.xml"', 'Target="/xl/worksheets/terzo.xml"');
  rels = rels.replace(
    "</Relationships>",
    '<Relationship Id="rIdManca" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/manca.xml"/></Relationships>',
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);
  let book = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
  book = book.replace("</sheets>", '<sheet name="Mancante &amp; C." sheetId="9" r:id="rIdManca"/></sheets>');
  zip.file("xl/workbook.xml", book);
  return zip.generateAsync({ type: "uint8array" });
}

describe("sheet parts with other names", () => {
  it("are all read, tables included; a sheet whose part is missing is named", async () => {
    const wb = await loadWorkbook(await oddlyNamed(await built()));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Uno", "Due", "Tre"]);
    expect(workbookSnapshots(wb).map((s) => s.cells.flat().filter((v) => v !== null)[0])).toEqual(["valore di Uno", "valore di Due", "valore di Tre"]);
    expect(tableNames(wb.getWorksheet("Due") as ExcelJS.Worksheet)).toEqual(["TabellaDue"]);
    expect(unreadSheets(wb)).toEqual(["Mancante & C."]);
    expect(unreadSheetsMessage(wb)).toContain("«Mancante & C.»");
  });

  it("a usual workbook goes to ExcelJS as it is, with nothing to report", async () => {
    const wb = await loadWorkbook(await built());
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Uno", "Due", "Tre"]);
    expect(unreadSheets(wb)).toEqual([]);
    expect(unreadSheetsMessage(wb)).toBeNull();
  });
});
