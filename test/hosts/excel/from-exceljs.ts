/**
 * An ExcelJS workbook copied into the fake Excel, cell by cell, as Excel would hold it: values
 * (dates as serial numbers, rich text and hyperlinks as their text), formulas with their cached
 * results, number formats, merged areas and sheet visibility (the very hidden SO_Stato included).
 * Lets a test read the same workbook through both hosts.
 */
import * as ExcelJS from "exceljs";
import { parseRangeA1 } from "../../../src/engine/cells/a1";
import { FakeExcel, type CellModel, type FakeExcelOptions } from "./fake-excel";

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (as Excel counts them) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/** What Excel's `values` gives for an ExcelJS value. */
function excelValue(v: ExcelJS.CellValue | undefined): CellModel["value"] {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return v.error;
  // A hyperlink's text may itself be rich text, whatever ExcelJS's typings say.
  if ("text" in v && "hyperlink" in v) return excelValue(v.text as ExcelJS.CellValue);
  if ("result" in v) return excelValue(v.result as ExcelJS.CellValue);
  return "";
}

/** The ExcelJS workbook as a fake Excel document, sheets in tab order. */
export function mirrorIntoFake(wb: ExcelJS.Workbook, options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  for (const ws of wb.worksheets) {
    const sheet = fake.addSheet(ws.name);
    sheet.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // Excel keeps a merged area's value in its top-left cell only.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const model = sheet.touch(r - 1, c - 1);
        if (cell.type === ExcelJS.ValueType.Formula) {
          model.formula = `=${cell.formula}`;
          model.value = excelValue(cell.result as ExcelJS.CellValue);
        } else model.value = excelValue(cell.value);
        if (cell.numFmt) model.numberFormat = cell.numFmt;
      });
    });
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const box = parseRangeA1(range.replace(/\$/g, ""));
      if (box) sheet.merges.push(box);
    }
  }
  return fake;
}
