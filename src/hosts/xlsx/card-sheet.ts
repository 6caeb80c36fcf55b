/**
 * The add-in's card (a CardTemplate from src/ui/logic/new-card.ts) as a workbook of its own to
 * download (newCardWorkbook), written by the same writeCardSheet as a card added to an open
 * workbook (./file-host insertCardSheet). Reached by dynamic import only, like ./read and
 * ./apply, so ExcelJS stays out of the page's initial bundle.
 */
import * as ExcelJS from "exceljs";
import type { CardTemplate } from "../../engine";
import { saveWorkbook } from "./apply";
import { writeCardSheet } from "./file-host";

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
