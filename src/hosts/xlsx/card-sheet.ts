/**
 * The add-in's card (a CardTemplate from src/ui/logic/new-card.ts) written with ExcelJS: on a new
 * sheet of an open workbook (FileWorkbookHost.insertNewCard), or as a workbook of its own to
 * download (FileWorkbookHost.newCardWorkbook). Reached by dynamic import only, like ./read and
 * ./apply, so ExcelJS stays out of the page's initial bundle.
 */
import * as ExcelJS from "exceljs";
import type { CardTemplate } from "../../engine";
import { saveWorkbook } from "./apply";

/** Writes the card's cells, merges, data validation and column widths on `ws` (positions are zero-based). */
export function writeCardSheet(ws: ExcelJS.Worksheet, template: CardTemplate): void {
  const thin = { style: "thin" as const };
  for (const c of template.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.value;
    if (c.bold) cell.font = { bold: true };
    if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    if (c.border) cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    if (c.numberFormat) cell.numFmt = c.numberFormat;
  }
  for (const m of template.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const v of template.validations) {
    const validation: ExcelJS.DataValidation =
      v.rule.kind === "list"
        ? { type: "list", allowBlank: true, formulae: [`"${v.rule.values.join(",")}"`] }
        : { type: "decimal", operator: "between", allowBlank: true, formulae: [v.rule.min, v.rule.max] };
    Object.assign(validation, { showInputMessage: true, prompt: v.prompt, showErrorMessage: true, errorStyle: "stop", error: v.error });
    for (let r = v.top; r <= v.bottom; r++) for (let c = v.left; c <= v.right; c++) ws.getCell(r + 1, c + 1).dataValidation = validation;
  }
  for (const [col, width] of Object.entries(template.columnWidths)) ws.getColumn(Number(col) + 1).width = width;
}

/**
 * A new workbook holding one empty card on one sheet, the card's title cell selected when Excel
 * opens it, as .xlsx bytes. Nothing else is in it: no state sheet, no flags.
 */
export async function newCardWorkbook(template: CardTemplate): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Schede Obiettivo";
  const ws = wb.addWorksheet(template.sheetName.slice(0, 31));
  writeCardSheet(ws, template);
  const at = ws.getCell(template.select.row + 1, template.select.col + 1).address;
  ws.views = [{ state: "normal", activeCell: at }];
  return saveWorkbook(wb);
}
