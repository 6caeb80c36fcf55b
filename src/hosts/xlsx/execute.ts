/**
 * Executes the engine's write operations (src/engine/write/reconcile) on an ExcelJS workbook.
 * What to write was decided by the engine; this file only knows how ExcelJS writes it: one
 * shared style object per distinct style, formulas filled down stored once, notes and fills
 * given back from the host's own recorded models.
 */
import type * as ExcelJS from "exceljs";
import { columnToLetters, toA1, type CellContent, type CellStyle, type CellWrite, type OwnedSheet, type PageSetup, type TableSpec, type WriteOp } from "../../engine";
import { fillFromRecord, removeNote, restoreNote, setFill, sheetCell, solidFill } from "./ownership";
import { findSheet } from "./write-state";

/** Raised by a test's injected failure (see ExecuteOptions.failAt). */
export class InjectedFailure extends Error {
  constructor(readonly index: number) {
    super(`operazione ${index} non eseguita (guasto simulato)`);
  }
}

export interface ExecuteOptions {
  /** Tests: throw before the operation at this index, after the ones before it ran. */
  failAt?: number;
  /** Called as the work goes: each of the add-in's sheets written, then the rest (done of total). */
  onProgress?: (done: number, total: number) => void;
}

/** Executes `ops` in order. */
export function executeOps(wb: ExcelJS.Workbook, ops: readonly ExcelJSWriteOp[], options: ExecuteOptions = {}): void {
  const styles = new SharedStyles();
  // Progress: the undo, each owned sheet (most of the work), then the flags and added cells.
  const total = ops.filter((op) => op.kind === "sheetContent").length + 2;
  let done = 1;
  options.onProgress?.(done, total);
  ops.forEach((op, i) => {
    if (options.failAt === i) throw new InjectedFailure(i);
    executeOp(wb, op, styles);
    if (op.kind === "sheetContent") options.onProgress?.(++done, total);
  });
  options.onProgress?.(total, total);
}

type ExcelJSWriteOp = WriteOp;

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = findSheet(wb, name);
  if (!ws) throw new Error(`foglio «${name}» non trovato`);
  return ws;
}

/** ExcelJS orders tabs by `orderNo` (missing from its typings). */
interface SheetOrder {
  orderNo: number;
}

function executeOp(wb: ExcelJS.Workbook, op: WriteOp, styles: SharedStyles): void {
  switch (op.kind) {
    case "deleteSheet": {
      const ws = findSheet(wb, op.sheet);
      if (ws) wb.removeWorksheet(ws.id);
      return;
    }
    case "addSheet": {
      const ws = wb.addWorksheet(op.sheet, op.veryHidden ? { state: "veryHidden" } : {});
      if (op.tabColor) ws.properties.tabColor = { argb: argb(op.tabColor) };
      return;
    }
    case "hideSheet":
      sheetOf(wb, op.sheet).state = "veryHidden";
      return;
    case "moveSheetToEnd": {
      const last = Math.max(0, ...wb.worksheets.map((w) => (w as unknown as SheetOrder).orderNo));
      (sheetOf(wb, op.sheet) as unknown as SheetOrder).orderNo = last + 1;
      return;
    }
    case "sheetContent":
      writeSheetContent(sheetOf(wb, op.sheet), op.content, op.tableNames, styles);
      return;
    case "writeRecord": {
      const ws = sheetOf(wb, op.sheet);
      for (let r = 1; r <= op.rows; r++) sheetCell(ws, r, 1).value = op.chunks[r - 1] ?? null;
      return;
    }
    case "clearCell":
      sheetCell(sheetOf(wb, op.sheet), op.row + 1, op.col + 1).value = null;
      return;
    case "writeCell":
      writeCell(sheetOf(wb, op.sheet), op.cell, styles, false);
      return;
    case "fill": {
      const ws = sheetOf(wb, op.sheet);
      const fill = solidFill(op.color);
      for (let r = op.bounds.top; r <= op.bounds.bottom; r++) for (let c = op.bounds.left; c <= op.bounds.right; c++) setFill(sheetCell(ws, r + 1, c + 1), fill);
      return;
    }
    case "restoreFills": {
      const ws = sheetOf(wb, op.sheet);
      op.fills.forEach((row, r) =>
        row.forEach((token, c) => {
          if (token === undefined) return;
          const cell = sheetCell(ws, op.bounds.top + r + 1, op.bounds.left + c + 1);
          const style = op.styles?.[r]?.[c];
          const parsed = style !== undefined ? parseStyle(style) : null;
          if (parsed) cell.style = parsed;
          else setFill(cell, fillFromRecord(token));
        }),
      );
      return;
    }
    case "note": {
      const cell = sheetCell(sheetOf(wb, op.sheet), op.row + 1, op.col + 1);
      if (op.text === null) removeNote(cell);
      else if (op.model !== undefined) restoreNote(cell, op.model, op.text);
      else cell.note = op.text;
      return;
    }
    case "addComment":
    case "deleteComment":
      // A file has notes, never threaded comments: the engine asks for these only in comments mode.
      return;
  }
}

/** A recorded style (JSON) as a fresh style object, or null when it cannot be read. */
function parseStyle(text: string): Partial<ExcelJS.Style> | null {
  try {
    const style = JSON.parse(text) as unknown;
    return typeof style === "object" && style !== null ? (style as Partial<ExcelJS.Style>) : null;
  } catch {
    return null;
  }
}

/** One of the add-in's sheets, just added: tables, cells, widths, panes, print setup, data bars. */
function writeSheetContent(ws: ExcelJS.Worksheet, sheet: OwnedSheet, tableNames: readonly string[], styles: SharedStyles): void {
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
  sheet.tables.forEach((table, i) => writeTable(ws, table, tableNames[i] ?? table.name, styles));
  for (const cell of sheet.cells) writeCell(ws, cell, styles, true);
  if (sheet.freeze) ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  if (sheet.pageSetup) applyPageSetup(ws, sheet.pageSetup);
  for (const bar of sheet.dataBars ?? []) {
    ws.addConditionalFormatting({
      ref: `${toA1({ row: bar.top, col: bar.left })}:${toA1({ row: bar.bottom, col: bar.right })}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          minLength: 0,
          maxLength: 100,
          cfvo: [
            { type: "num", value: bar.min },
            { type: "num", value: bar.max },
          ],
          color: { argb: `FF${bar.color.replace("#", "").toUpperCase()}` },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  for (const r of sheet.pageBreaks ?? []) ws.getRow(r + 1).addPageBreak();
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** ExcelJS value of a CellContent. Text stays a string, which ExcelJS never reads as a formula. */
function excelValue(content: CellContent): ExcelJS.CellValue {
  switch (content.kind) {
    case "text":
      return content.text;
    case "number":
      return content.value;
    case "boolean":
      return content.value;
    case "date": {
      const [y, m, d] = content.iso.split("-").map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d));
    }
    case "formula": {
      const value: ExcelJS.CellFormulaValue = { formula: content.formula, date1904: false };
      if (content.result !== null && content.result !== undefined) value.result = content.result;
      return value;
    }
    case "empty":
      return null;
  }
}

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

/**
 * One style object per distinct style, shared by every cell of the add-in's sheets that has it,
 * as ExcelJS itself shares them between the cells of a loaded file. ExcelJS gives each new cell
 * a style object of its own, and on save turns every distinct style object into XML to look it
 * up: on a 1,000-card plan that was most of the save. Shared objects are never changed in place
 * (cell.numFmt = … would change every cell that shares it): a cell gets another shared object.
 */
class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  get(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    const key = JSON.stringify(style);
    let shared = this.byKey.get(key);
    if (!shared) {
      shared = style;
      this.byKey.set(key, shared);
    }
    return shared;
  }
}

/** Writes a table under `name` (the engine chose it). */
function writeTable(ws: ExcelJS.Worksheet, spec: TableSpec, name: string, styles: SharedStyles): void {
  ws.addTable({
    name,
    ref: toA1({ row: spec.row, col: spec.col }),
    headerRow: true,
    style: { theme: spec.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: spec.showRowStripes ?? true },
    columns: spec.columns.map((c) => {
      // ExcelJS applies a column's style to each data cell (its typings omit the field).
      const column: ExcelJS.TableColumnProperties & { style?: Partial<ExcelJS.Style> } = { name: c.header, filterButton: true };
      if (c.numberFormat) column.style = { numFmt: c.numberFormat };
      return column;
    }),
    rows: shareFormulas(spec),
  });
  // ExcelJS gave every cell of the table (header row included) its own copy of the column's
  // style: one shared object per column instead.
  const columnStyles = spec.columns.map((c) => styles.get(c.numberFormat ? { numFmt: c.numberFormat } : {}));
  // An empty cell with no style of its own is not written at all: the column's style (below)
  // gives it the number format in Excel and LibreOffice, for whoever types in it.
  const none = styles.get({});
  for (let r = 0; r <= spec.rows.length; r++) {
    const row = ws.getRow(spec.row + 1 + r);
    const data = r === 0 ? null : spec.rows[r - 1];
    // Rows, too, have a style object each, turned into XML one by one on save.
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = none;
    columnStyles.forEach((style, j) => {
      row.getCell(spec.col + 1 + j).style = data?.[j]?.kind === "empty" ? none : style;
    });
  }
  spec.columns.forEach((c, j) => {
    if (c.numberFormat) (ws.getColumn(spec.col + 1 + j) as unknown as { style: Partial<ExcelJS.Style> }).style = styles.get({ numFmt: c.numberFormat });
  });
  for (const link of spec.links ?? []) {
    const cell = sheetCell(ws, spec.row + 2 + link.row, spec.col + 1 + link.col);
    const text = cell.value === null || cell.value === undefined ? link.target : String(cell.value);
    cell.value = { text, hyperlink: `#${link.target}` };
    cell.style = styles.get({ ...cell.style, font: LINK_FONT });
  }
}

/**
 * The table's rows as ExcelJS values, a column's formulas written once per run of rows: a cell
 * whose formula is the one above it moved down a row refers to the first cell of the run
 * (`sharedFormula`), and the file stores one formula with its range, as Excel does when a
 * formula is filled down. Excel and LibreOffice compute each cell as before; the file is a
 * fraction of the size, which is most of the cost of saving a big plan.
 */
function shareFormulas(spec: TableSpec): ExcelJS.CellValue[][] {
  const rows = spec.rows.map((r) => r.map(excelValue));
  spec.columns.forEach((_, j) => {
    const column = columnToLetters(spec.col + j);
    let master: { address: string; template: FormulaTemplate } | null = null;
    spec.rows.forEach((r, i) => {
      const content = r[j];
      // Data rows start under the header, itself on spec.row (zero-based): row spec.row + 2 + i.
      const row = spec.row + 2 + i;
      if (content?.kind !== "formula") {
        master = null;
        return;
      }
      if (master === null || !givesFormula(master.template, row, content.formula)) {
        const template = formulaTemplate(content.formula, row);
        master = template ? { address: `${column}${row}`, template } : null;
        return;
      }
      const clone: ExcelJS.CellSharedFormulaValue = { sharedFormula: master.address, date1904: false };
      if (content.result !== null && content.result !== undefined) clone.result = content.result;
      (rows[i] as ExcelJS.CellValue[])[j] = clone;
    });
  });
  return rows;
}

// How ExcelJS moves a shared formula to another cell (lib/utils/shared-formula.js): references
// are tokens of letters then digits, not followed by "(" (a function), absolute parts kept.
const FORMULA_TOKEN = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_TOKEN = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
const LITERAL = /"[^"]*"/g;

/** A formula cut at its relative row numbers: text, row (as a distance from the formula's row), text, … */
interface FormulaTemplate {
  texts: string[];
  offsets: number[];
}

/**
 * True when the template gives `formula` in `row`: what a formula shared from its first cell
 * holds there. Compared piece by piece, without building the (often long) formula.
 */
function givesFormula(t: FormulaTemplate, row: number, formula: string): boolean {
  let at = 0;
  for (let k = 0; k <= t.offsets.length; k++) {
    const text = t.texts[k] as string;
    if (!formula.startsWith(text, at)) return false;
    at += text.length;
    if (k === t.offsets.length) break;
    const number = String(row + (t.offsets[k] as number));
    if (!formula.startsWith(number, at)) return false;
    at += number.length;
  }
  return at === formula.length;
}

/**
 * The formula of `row` as a template, or null when it cannot be shared safely: text that looks
 * like a reference ("A5" inside quotes, which ExcelJS would move when reading the file back
 * but Excel would not), or references ExcelJS would not write back as they are (lower case).
 */
function formulaTemplate(formula: string, row: number): FormulaTemplate | null {
  if ((formula.match(LITERAL) ?? []).some((l) => /[a-z][0-9]/i.test(l))) return null;
  const texts: string[] = [];
  const offsets: number[] = [];
  let safe = true;
  let last = 0;
  for (const m of formula.matchAll(FORMULA_TOKEN)) {
    if (m[4]) continue;
    const address = m[3] as string;
    const cell = CELL_TOKEN.exec(address);
    if (!cell) continue;
    const letters = cell[2] as string;
    if (letters.length > 3 || (letters.length === 3 && letters.toUpperCase() > "XFD")) continue;
    if (letters !== letters.toUpperCase()) safe = false;
    if (cell[3]) continue;
    // The row number ends the token: cut there.
    const end = (m.index as number) + m[0].length;
    const digits = cell[4] as string;
    texts.push(formula.slice(last, end - digits.length));
    offsets.push(Number(digits) - row);
    last = end;
  }
  texts.push(formula.slice(last));
  return safe ? { texts, offsets } : null;
}

/**
 * Writes one cell. On the add-in's own sheets the style object is shared with the cells that
 * have the same one; next to the user's cells (an added header) the cell keeps a style of its
 * own, which a later restore may change without touching its neighbours.
 */
function writeCell(ws: ExcelJS.Worksheet, w: CellWrite, styles: SharedStyles, owned: boolean): void {
  const cell = sheetCell(ws, w.row + 1, w.col + 1);
  const value = excelValue(w.content);
  cell.value = w.link ? { text: value === null ? w.link : String(value), hyperlink: `#${w.link}` } : value;
  if (!owned && !w.style && !w.link && w.content.kind !== "date") return;
  const style = cellStyle(cell.style, w.style, w.content.kind === "date");
  if (w.link) style.font = { ...style.font, ...LINK_FONT };
  cell.style = owned ? styles.get(style) : style;
}

/** The cell's style with the plan's style applied (a new object; `base` is left as it is). */
function cellStyle(base: Partial<ExcelJS.Style>, style: CellStyle | undefined, isDate: boolean): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { ...base };
  const numFmt = style?.numberFormat ?? (isDate ? "dd/mm/yyyy" : undefined);
  if (numFmt) out.numFmt = numFmt;
  if (!style) return out;
  if (style.bold || style.italic || style.fontColor) {
    out.font = { ...out.font, bold: style.bold, italic: style.italic, ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}) };
  }
  if (style.fill) out.fill = solidFill(style.fill);
  if (style.wrap) out.alignment = { ...out.alignment, wrapText: true, vertical: "top" };
  return out;
}

/** Landscape, N pages wide, the header rows repeated, header and footer (OOXML &L / &C / &R sections). */
function applyPageSetup(ws: ExcelJS.Worksheet, setup: PageSetup): void {
  ws.pageSetup.orientation = setup.orientation;
  if (setup.fitToWidth !== null) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = setup.fitToWidth;
    ws.pageSetup.fitToHeight = 0;
  } else {
    ws.pageSetup.fitToPage = false;
    ws.pageSetup.scale = setup.scale ?? 100;
  }
  if (setup.titleRows) ws.pageSetup.printTitlesRow = `${setup.titleRows.first + 1}:${setup.titleRows.last + 1}`;
  const sections = (h: PageSetup["header"]): string => `&L${h.left}&C${h.center}&R${h.right}`;
  ws.headerFooter.oddHeader = sections(setup.header);
  ws.headerFooter.oddFooter = sections(setup.footer);
}
