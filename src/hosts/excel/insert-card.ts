/**
 * Inserts the add-in's own empty card (a CardTemplate from the UI) on a new sheet, with its data
 * validation, and selects its title: one round trip for the sheet names, one batch for the card.
 */
import type { CardTemplate, CellRange } from "../../engine";
import { boundsToA1 } from "./address";
import { type CellInput, charsToPoints, literalText } from "./cell-input";
import { WorkbookProtectedError } from "./errors";
import type { OwnWrites } from "./own-writes";
import { runExcel } from "./run";

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/** `wanted`, or `wanted (2)`, `wanted (3)`… — the first name no sheet has (Excel ignores case). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The rectangle holding every cell, merge and validation of the template. */
export function templateBounds(template: CardTemplate): CellRange {
  const boxes: CellRange[] = [
    ...template.cells.map((c) => ({ top: c.row, left: c.col, bottom: c.row, right: c.col })),
    ...template.merges,
    ...template.validations,
    { top: template.select.row, left: template.select.col, bottom: template.select.row, right: template.select.col },
  ];
  return {
    top: Math.min(...boxes.map((b) => b.top)),
    left: Math.min(...boxes.map((b) => b.left)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
    right: Math.max(...boxes.map((b) => b.right)),
  };
}

const THIN = { style: "Continuous" as const, weight: "Thin" as const };

/** Writes the card; resolves to the name its sheet got. */
export async function insertCard(template: CardTemplate, ownWrites: OwnWrites): Promise<string> {
  return await runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    // A protected structure refuses worksheets.add: say so before queuing anything
    // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#protect-the-workbooks-structure).
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    if (protection.protected) throw new WorkbookProtectedError("insert");
    const name = freeSheetName(
      template.sheetName,
      worksheets.items.map((ws) => ws.name),
    );

    // The whole card as three grids over its rectangle: values, number formats, cell formats.
    const box = templateBounds(template);
    const height = box.bottom - box.top + 1;
    const width = box.right - box.left + 1;
    const values: CellInput[][] = Array.from({ length: height }, () => new Array<CellInput>(width).fill(""));
    const formats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
    const props: Excel.SettableCellProperties[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => ({})));
    let anyFormat = false;
    for (const c of template.cells) {
      const r = c.row - box.top;
      const k = c.col - box.left;
      (values[r] as CellInput[])[k] = typeof c.value === "string" ? literalText(c.value) : c.value;
      if (c.numberFormat) {
        (formats[r] as string[])[k] = c.numberFormat;
        anyFormat = true;
      }
      const format: Excel.CellPropertiesFormat = {};
      if (c.bold) format.font = { bold: true };
      if (c.wrap) {
        format.wrapText = true;
        format.verticalAlignment = "Top";
      }
      if (c.border) format.borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      (props[r] as Excel.SettableCellProperties[])[k] = Object.keys(format).length > 0 ? { format } : {};
    }

    const end = ownWrites.begin([{ sheet: name, top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]);
    try {
      context.runtime.enableEvents = false;
      context.application.suspendScreenUpdatingUntilNextSync();
      const ws = worksheets.add(name);
      const range = ws.getRange(boundsToA1(box));
      range.formulas = values;
      if (anyFormat) range.numberFormat = formats;
      range.setCellProperties(props);
      for (const m of template.merges) ws.getRange(boundsToA1(m)).merge(false);
      for (const v of template.validations) {
        const validation = ws.getRange(boundsToA1(v)).dataValidation;
        validation.ignoreBlanks = true;
        validation.rule =
          v.rule.kind === "list"
            ? { list: { inCellDropDown: true, source: v.rule.values.join(",") } }
            : { decimal: { operator: "Between", formula1: v.rule.min, formula2: v.rule.max } };
        validation.prompt = { showPrompt: true, title: "Schede Obiettivo", message: v.prompt };
        validation.errorAlert = { showAlert: true, style: "Stop", title: "Schede Obiettivo", message: v.error };
      }
      for (const [col, chars] of Object.entries(template.columnWidths)) {
        ws.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = charsToPoints(chars);
      }
      ws.activate();
      ws.getRangeByIndexes(template.select.row, template.select.col, 1, 1).select();
      context.runtime.enableEvents = true;
      await context.sync();
    } catch (error) {
      context.runtime.enableEvents = true;
      await context.sync().catch(() => undefined);
      throw error;
    } finally {
      end();
    }
    return name;
  });
}
