/**
 * An ExcelJS workbook copied into the fake Excel, cell by cell, as Excel would hold it: values
 * (dates as serial numbers, rich text and hyperlinks as their text), formulas with their cached
 * results, number formats, fills, merged areas and sheet visibility (the very hidden SO_Stato
 * included) and Excel tables. Lets a test read the same workbook through both hosts.
 *
 * Fills are stored as Excel reports them through Office.js: one "#RRGGBB" per cell, theme and
 * indexed colours resolved against the workbook's own theme (with the .xlsx host's resolution,
 * src/hosts/xlsx/fills.ts, so the two hosts agree by construction on how a theme colour and tint
 * become RGB; what real Excel rounds a tint to is not checked here). Every cell with a fill is
 * copied, empty ones (a coloured Gantt bar) and the hidden cells of a merged area included, as
 * Excel keeps a format on each cell. Row and column styles are not copied.
 */
import * as ExcelJS from "exceljs";
import { parseRangeA1 } from "../../../src/engine/cells/a1";
import { fillColor, themePalette, workbookTheme } from "../../../src/hosts/xlsx/fills";
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
  const palette = themePalette(workbookTheme(wb));
  for (const ws of wb.worksheets) {
    const sheet = fake.addSheet(ws.name);
    sheet.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    // Every stored row and cell, empty ones too (eachRow / eachCell skip rows without values, and
    // with includeEmpty would create rows and cells in the workbook).
    const rows = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows ?? [];
    rows.forEach((row) => {
      if (!row) return;
      const r = row.number;
      const cells = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells ?? [];
      cells.forEach((cell, i) => {
        if (!cell) return;
        const c = i + 1;
        const fill = fillColor((cell as unknown as { style?: { fill?: unknown } }).style?.fill, palette);
        if (fill !== null) sheet.touch(r - 1, c - 1).fill = fill;
        // Excel keeps a merged area's value in its top-left cell only.
        if (cell.type === ExcelJS.ValueType.Merge || cell.type === ExcelJS.ValueType.Null) return;
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
    // Excel tables, by name and range (the add-in's identity on its own sheets).
    const tables = (ws as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string } }> }).tables ?? {};
    for (const [name, table] of Object.entries(tables)) {
      const box = parseRangeA1(String(table.table?.tableRef ?? table.table?.ref ?? "A1").replace(/\$/g, ""));
      if (box) fake.tables.push({ name, sheet, box, style: "TableStyleMedium2", showBandedRows: true });
    }
  }
  return fake;
}
