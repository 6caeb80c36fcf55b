/**
 * The engine's write operations (src/engine/write/reconcile) lowered to Office.js calls, as
 * data: what `queueOp` in ./write.ts queues, sized for Excel on the web's payload limit and cut
 * into batches. What to write was decided by the engine; this file only knows how Office.js
 * writes it (text as literal input, number formats as their own grid, a table over a written
 * range, fills restored by rectangles).
 */
import { type CellRange, type CellStyle, type CellWrite, type OwnedSheet, type PageSetup, type TableSpec, type WriteOp, tokenColor } from "../../engine";
import { type CellInput, charsToPoints, literalText, toCellInput } from "./cell-input";
import { ACTION_OVERHEAD_BYTES, OBJECT_BYTES } from "./limits";

/** A fill as Office.js reports it: "#RRGGBB", or null for no fill. */
export type Fill = string | null;

/** One Office.js operation, as data. */
export type OfficeOp =
  | { kind: "deleteSheet"; sheet: string }
  | { kind: "addSheet"; sheet: string; veryHidden?: boolean; tabColor?: string }
  | { kind: "visibility"; sheet: string; visibility: "Hidden" | "VeryHidden" }
  /** Moves a sheet to a tab position (zero-based). */
  | { kind: "moveSheet"; sheet: string; position: number }
  | { kind: "clear"; sheet: string; bounds: CellRange; applyTo: "Contents" | "ContentsAndFormats" }
  | { kind: "formulas"; sheet: string; bounds: CellRange; formulas: CellInput[][] }
  | { kind: "numberFormat"; sheet: string; bounds: CellRange; formats: string[][] }
  | { kind: "style"; sheet: string; bounds: CellRange; style: Omit<CellStyle, "numberFormat" | "fill"> }
  | { kind: "fill"; sheet: string; bounds: CellRange; color: string }
  /** Per-cell fills, row-major; undefined leaves a cell as it is. */
  | { kind: "restoreFills"; sheet: string; bounds: CellRange; fills: (Fill | undefined)[][] }
  | { kind: "columnWidth"; sheet: string; col: number; points: number }
  | { kind: "freeze"; sheet: string; rows: number; cols: number }
  /** Print settings (ExcelApi 1.9 pageLayout). */
  | { kind: "pageLayout"; sheet: string; setup: PageSetup }
  /** A conditional-format data bar from min to max (numbers). */
  | { kind: "dataBar"; sheet: string; bounds: CellRange; min: number; max: number; color: string }
  /** A page break above zero-based `row`. */
  | { kind: "pageBreak"; sheet: string; row: number }
  | { kind: "table"; sheet: string; bounds: CellRange; name: string; style: string; bandedRows: boolean }
  | { kind: "link"; sheet: string; row: number; col: number; target: string; text: string }
  | { kind: "addNote"; sheet: string; row: number; col: number; text: string }
  | { kind: "setNote"; sheet: string; row: number; col: number; text: string }
  | { kind: "deleteNote"; sheet: string; row: number; col: number }
  | { kind: "addComment"; sheet: string; row: number; col: number; text: string }
  | { kind: "deleteComment"; id: string };

/** Excel's Range.formulas for column A rows 0…rows-1 of the state sheet: the chunks, then empty cells. */
const recordGrid = (chunks: readonly string[], rows: number): CellInput[][] =>
  Array.from({ length: rows }, (_, i) => [i < chunks.length ? literalText(chunks[i] as string) : ""]);

/** The engine's operations as Office.js operations, in the same order. */
export function lowerOps(ops: readonly WriteOp[]): OfficeOp[] {
  const out: OfficeOp[] = [];
  for (const op of ops) lowerOp(op, out);
  return out;
}

/** One engine operation → its Office.js operations (appended to `out`). */
export function lowerOp(op: WriteOp, out: OfficeOp[]): void {
  switch (op.kind) {
    case "deleteSheet":
      // A very hidden sheet is deleted only once hidden (OfficeDev/office-js#365, "by design").
      if (op.veryHidden) out.push({ kind: "visibility", sheet: op.sheet, visibility: "Hidden" });
      out.push({ kind: "deleteSheet", sheet: op.sheet });
      return;
    case "addSheet":
      out.push({ kind: "addSheet", sheet: op.sheet, ...(op.veryHidden ? { veryHidden: true } : {}), ...(op.tabColor ? { tabColor: op.tabColor } : {}) });
      return;
    case "hideSheet":
      out.push({ kind: "visibility", sheet: op.sheet, visibility: "VeryHidden" });
      return;
    case "moveSheetToEnd":
      out.push({ kind: "moveSheet", sheet: op.sheet, position: op.position });
      return;
    case "sheetContent":
      writeOwnedSheet(op.content, op.tableNames, out);
      return;
    case "writeRecord": {
      // One write of the whole column part: never half a record, even if the batch fails.
      const rows = Math.max(1, op.rows);
      out.push({ kind: "formulas", sheet: op.sheet, bounds: { top: 0, left: 0, bottom: rows - 1, right: 0 }, formulas: recordGrid(op.chunks, rows) });
      return;
    }
    case "clearCell":
      out.push({ kind: "clear", sheet: op.sheet, bounds: cellBounds(op.row, op.col), applyTo: "Contents" });
      return;
    case "writeCell":
      writeCell(op.cell, out);
      return;
    case "fill":
      out.push({ kind: "fill", sheet: op.sheet, bounds: op.bounds, color: op.color });
      return;
    case "restoreFills":
      out.push({ kind: "restoreFills", sheet: op.sheet, bounds: op.bounds, fills: op.fills.map((row) => row.map((t) => (t === undefined ? undefined : tokenColor(t)))) });
      return;
    case "note":
      if (op.text === null) {
        if (op.now !== null) out.push({ kind: "deleteNote", sheet: op.sheet, row: op.row, col: op.col });
      } else if (op.now === null) out.push({ kind: "addNote", sheet: op.sheet, row: op.row, col: op.col, text: op.text });
      else out.push({ kind: "setNote", sheet: op.sheet, row: op.row, col: op.col, text: op.text });
      return;
    case "addComment":
      out.push({ kind: "addComment", sheet: op.sheet, row: op.row, col: op.col, text: op.text });
      return;
    case "deleteComment":
      out.push({ kind: "deleteComment", id: op.id });
      return;
  }
}

const cellBounds = (row: number, col: number): CellRange => ({ top: row, left: col, bottom: row, right: col });

/** Operations that write one cell: content, number format, style, fill, link. */
function writeCell(c: CellWrite, ops: OfficeOp[]): void {
  const bounds = cellBounds(c.row, c.col);
  const { input, impliedFormat } = toCellInput(c.content);
  ops.push({ kind: "formulas", sheet: c.sheet, bounds, formulas: [[input]] });
  const format = c.style?.numberFormat ?? impliedFormat;
  if (format) ops.push({ kind: "numberFormat", sheet: c.sheet, bounds, formats: [[format]] });
  const { numberFormat: _nf, fill, ...rest } = c.style ?? {};
  if (Object.keys(rest).length > 0) ops.push({ kind: "style", sheet: c.sheet, bounds, style: rest });
  if (fill) ops.push({ kind: "fill", sheet: c.sheet, bounds, color: fill });
  if (c.link) ops.push({ kind: "link", sheet: c.sheet, row: c.row, col: c.col, target: c.link, text: linkText(c.content) });
}

/** The text a hyperlink shows: the cell's own content. */
function linkText(content: CellWrite["content"]): string {
  switch (content.kind) {
    case "text":
      return content.text;
    case "number":
      return String(content.value);
    case "boolean":
      return content.value ? "VERO" : "FALSO";
    case "date":
      return content.iso;
    case "formula":
      return content.result === null || content.result === undefined ? "" : String(content.result);
    case "empty":
      return "";
  }
}

/** Operations that fill one of the add-in's new sheets with its tables (under `tableNames`), cells, widths and print setup. */
function writeOwnedSheet(sheet: OwnedSheet, tableNames: readonly string[], ops: OfficeOp[]): void {
  sheet.tables.forEach((table, i) => writeTable(sheet.name, table, tableNames[i] ?? table.name, ops));
  for (const cell of sheet.cells) writeCell({ ...cell, sheet: sheet.name }, ops);
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) {
    ops.push({ kind: "columnWidth", sheet: sheet.name, col: Number(col), points: charsToPoints(width) });
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ops.push({ kind: "freeze", sheet: sheet.name, rows: sheet.freeze.rows, cols: sheet.freeze.cols });
  }
  if (sheet.pageSetup) ops.push({ kind: "pageLayout", sheet: sheet.name, setup: sheet.pageSetup });
  for (const b of sheet.dataBars ?? []) {
    ops.push({ kind: "dataBar", sheet: sheet.name, bounds: { top: b.top, left: b.left, bottom: b.bottom, right: b.right }, min: b.min, max: b.max, color: b.color });
  }
  for (const r of sheet.pageBreaks ?? []) ops.push({ kind: "pageBreak", sheet: sheet.name, row: r + 1 });
}

function writeTable(sheetName: string, table: TableSpec, name: string, ops: OfficeOp[]): void {
  const width = Math.max(1, table.columns.length);
  // A table needs one data row; an empty one keeps a blank row, as Excel itself does.
  const bodyRows = table.rows.length > 0 ? table.rows : [[]];
  const bounds: CellRange = { top: table.row, left: table.col, bottom: table.row + bodyRows.length, right: table.col + width - 1 };
  const header: CellInput[] = Array.from({ length: width }, (_, i) => literalText(table.columns[i]?.header ?? `Colonna ${i + 1}`));
  const grid: CellInput[][] = [header];
  const formats: string[][] = [header.map(() => "General")];
  let anyFormat = false;
  for (const row of bodyRows) {
    const values: CellInput[] = [];
    const rowFormats: string[] = [];
    for (let c = 0; c < width; c++) {
      const content = row[c] ?? { kind: "empty" as const };
      const { input, impliedFormat } = toCellInput(content);
      values.push(input);
      const format = table.columns[c]?.numberFormat ?? impliedFormat ?? "General";
      if (format !== "General") anyFormat = true;
      rowFormats.push(format);
    }
    grid.push(values);
    formats.push(rowFormats);
  }
  // The table first, then its cells: from its first call on, the new sheet holds a recorded
  // table and is the add-in's (verifyOwnershipRecord), so a batch that stops while its cells
  // are written leaves a sheet `clear` removes. Writing the header row renames the columns.
  ops.push({ kind: "table", sheet: sheetName, bounds, name, style: table.style, bandedRows: table.showRowStripes ?? true });
  ops.push({ kind: "formulas", sheet: sheetName, bounds, formulas: grid });
  if (anyFormat) ops.push({ kind: "numberFormat", sheet: sheetName, bounds, formats });
  table.columns.forEach((column, i) => {
    if (column.width !== undefined) ops.push({ kind: "columnWidth", sheet: sheetName, col: table.col + i, points: charsToPoints(column.width) });
  });
  for (const link of table.links ?? []) {
    const content = table.rows[link.row]?.[link.col];
    if (!content) continue;
    ops.push({ kind: "link", sheet: sheetName, row: table.row + 1 + link.row, col: table.col + link.col, target: link.target, text: linkText(content) });
  }
}

/**
 * Estimated request bytes of one operation: its data as JSON, plus an envelope per call and per
 * object it reaches — a style is a range, its format and its font; a partial fill restore is,
 * for each rectangle of cells to clear, a range, its format and its fill and a clear() call.
 */
export function estimateOpBytes(op: OfficeOp): number {
  const { objects, actions } = requestShape(op);
  return JSON.stringify(op).length + actions * ACTION_OVERHEAD_BYTES + objects * OBJECT_BYTES;
}

/**
 * The objects an operation reaches and the calls it makes, as queueOp in ./write.ts queues them
 * (the worksheet itself is shared by a batch's operations and not counted).
 */
function requestShape(op: OfficeOp): { objects: number; actions: number } {
  switch (op.kind) {
    case "style":
      // range, format, font; one property set per style field.
      return { objects: 3, actions: Math.max(1, Object.keys(op.style).length) };
    case "fill":
      return { objects: 3, actions: 1 };
    case "restoreFills": {
      const colours = op.fills.some((row) => row.some((f) => typeof f === "string")) ? 1 : 0;
      if (isAllNoFill(op.fills)) return { objects: 3, actions: 1 };
      const rects = noFillRects(op.fills).length;
      return { objects: 1 + 3 * rects, actions: rects + colours };
    }
    case "clear":
      return { objects: 1, actions: 2 };
    case "columnWidth":
      return { objects: 2, actions: 1 };
    case "freeze":
      return { objects: 2, actions: 1 };
    case "table":
      return { objects: 2, actions: 4 };
    case "addSheet":
      return { objects: 1, actions: 3 };
    case "addNote":
    case "setNote":
    case "deleteNote":
      return { objects: 2, actions: 1 };
    default:
      return { objects: 1, actions: 1 };
  }
}

/**
 * Cells (zero-based, any order, duplicates allowed) as few rectangles as a greedy pass finds:
 * runs of a row, stacked with the same run in the rows below. Every cell is in exactly one
 * rectangle and a rectangle holds only listed cells.
 */
export function cellRects(cells: ReadonlyArray<{ row: number; col: number }>): CellRange[] {
  const byRow = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    const set = byRow.get(row) ?? new Set<number>();
    set.add(col);
    byRow.set(row, set);
  }
  const out: CellRange[] = [];
  let open = new Map<string, CellRange>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...(byRow.get(row) ?? [])].sort((a, b) => a - b);
    const next = new Map<string, CellRange>();
    for (let i = 0; i < cols.length; i++) {
      const left = cols[i] as number;
      let right = left;
      while (i + 1 < cols.length && cols[i + 1] === right + 1) right = cols[++i] as number;
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        next.set(key, above);
      } else {
        const rect = { top: row, left, bottom: row, right };
        out.push(rect);
        next.set(key, rect);
      }
    }
    open = next;
  }
  return out;
}

/** Whether every cell of a restore grid goes back to No Fill (then one clear() on the whole range does). */
export function isAllNoFill(fills: readonly (readonly (Fill | undefined)[])[]): boolean {
  return fills.every((row) => row.every((f) => f === null));
}


/**
 * The cells of a restore grid to clear (original No Fill), as few rectangles as a greedy pass
 * finds: runs of a row, stacked with the same run in the rows below. Positions are relative to
 * the grid. One range per rectangle instead of one per cell keeps the request small.
 */
export function noFillRects(fills: readonly (readonly (Fill | undefined)[])[]): CellRange[] {
  const out: CellRange[] = [];
  const open = new Map<string, CellRange>();
  fills.forEach((row, r) => {
    const runs: Array<[number, number]> = [];
    for (let c = 0; c < row.length; c++) {
      if (row[c] !== null) continue;
      const start = c;
      while (c + 1 < row.length && row[c + 1] === null) c++;
      runs.push([start, c]);
    }
    const next = new Map<string, CellRange>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === r - 1) {
        above.bottom = r;
        next.set(key, above);
      } else {
        const rect = { top: r, left, bottom: r, right };
        out.push(rect);
        next.set(key, rect);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  });
  return out;
}

/**
 * Splits operations, in order, into batches under the payload budget. An operation larger than
 * the budget on its own (a huge table) is split by rows when it is a grid, else sent alone.
 */
export function splitIntoBatches(ops: readonly OfficeOp[], budgetBytes: number): OfficeOp[][] {
  const batches: OfficeOp[][] = [];
  let current: OfficeOp[] = [];
  let used = 0;
  for (const op of ops.flatMap((o) => splitLargeOp(o, budgetBytes))) {
    const size = estimateOpBytes(op);
    if (current.length > 0 && used + size > budgetBytes) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(op);
    used += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A grid operation over the budget → row bands that each fit. Other operations stay whole. */
function splitLargeOp(op: OfficeOp, budgetBytes: number): OfficeOp[] {
  if (op.kind !== "formulas" && op.kind !== "numberFormat" && op.kind !== "restoreFills") return [op];
  const size = estimateOpBytes(op);
  if (size <= budgetBytes) return [op];
  const rows = op.bounds.bottom - op.bounds.top + 1;
  if (rows < 2) return [op];
  const bands = Math.ceil(size / budgetBytes) + 1;
  const per = Math.max(1, Math.ceil(rows / bands));
  const out: OfficeOp[] = [];
  for (let start = 0; start < rows; start += per) {
    const end = Math.min(rows, start + per);
    const bounds = { ...op.bounds, top: op.bounds.top + start, bottom: op.bounds.top + end - 1 };
    if (op.kind === "formulas") out.push({ ...op, bounds, formulas: op.formulas.slice(start, end) });
    else if (op.kind === "numberFormat") out.push({ ...op, bounds, formats: op.formats.slice(start, end) });
    else out.push({ ...op, bounds, fills: op.fills.slice(start, end) });
  }
  return out.flatMap((o) => splitLargeOp(o, budgetBytes));
}
