/**
 * Office.js range data → SheetSnapshot. The only place that knows how Office.js represents cells
 * (`""` for empty, "General" for no number format, a constant's own value in `formulas`,
 * "#FFFFFF" for a cell with no fill); the engine sees the same snapshot contract as from the
 * .xlsx host. Pure.
 */
import { normalizeFill, rangeKey, type CellRange, type CellValue, type Merge, type SheetSnapshot } from "../../engine";

/**
 * What one loaded range gives: the three 2D arrays of Office.js, and the value of
 * `range.getCellProperties({ format: { fill: { color: true } } })` (ExcelApi 1.9), same shape.
 */
export interface RangeData {
  /** Null when Excel gave no values (past its cell limit, OfficeDev/office-js-docs-pr#5821). */
  values: readonly (readonly unknown[])[] | null;
  numberFormat?: readonly (readonly unknown[])[] | null;
  formulas?: readonly (readonly unknown[])[] | null;
  cellProperties?: readonly (readonly unknown[])[] | null;
}

/** What `getCellProperties` gives per cell when asked for the fill colour only. */
interface FillProperties {
  format?: { fill?: { color?: unknown } };
}

/**
 * A cell's properties → the snapshot's fill. Office.js reports "#FFFFFF" for a cell with no fill,
 * the same as for one filled white (OfficeDev/office-js#4900, #6218); the snapshot holds null
 * for both (see `normalizeFill`), which is also what the .xlsx host gives.
 */
export function toFill(p: unknown): string | null {
  const color = (p as FillProperties | null | undefined)?.format?.fill?.color;
  return typeof color === "string" ? normalizeFill(color) : null;
}

/** A loaded rectangle of a sheet: a whole used range or a band of its rows. */
export interface LoadedPart {
  bounds: CellRange;
  data: RangeData;
}

/** An Office.js value → snapshot value: "" and anything unexpected become null. */
export function toCellValue(v: unknown): CellValue {
  switch (typeof v) {
    case "string":
      return v === "" ? null : v;
    case "number":
      return Number.isFinite(v) ? v : null;
    case "boolean":
      return v;
    default:
      return null;
  }
}

/** Office.js reports "General" for cells without a number format; the engine wants null. */
export function toFormat(f: unknown): string | null {
  return typeof f === "string" && f !== "" && f !== "General" ? f : null;
}

/**
 * A formula without its "=", or null for a constant. Office.js puts a constant's own value in
 * `formulas`, so a text constant typed as '=abc reads "=abc" in both arrays; a real formula's
 * text differs from its value.
 */
export function toFormula(f: unknown, value: unknown): string | null {
  if (typeof f !== "string" || !f.startsWith("=") || f.length < 2) return null;
  if (typeof value === "string" && value === f) return null;
  return f.slice(1);
}

/**
 * Stacks the loaded parts of one sheet (whole range, or row bands of it, in any order) into a
 * snapshot. `formats` and `formulas` are present only when some cell has one, as in the .xlsx
 * host. No parts gives an empty snapshot at A1.
 */
export function toSnapshot(name: string, parts: readonly LoadedPart[], merges: readonly Merge[] = []): SheetSnapshot {
  const snapshot: SheetSnapshot = { name, origin: { row: 0, col: 0 }, cells: [] };
  if (merges.length > 0) snapshot.merges = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  if (parts.length === 0) return snapshot;
  const sorted = [...parts].sort((a, b) => a.bounds.top - b.bounds.top);
  const first = sorted[0] as LoadedPart;
  const left = first.bounds.left;
  const width = first.bounds.right - left + 1;
  const cells: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  // Most rows have no fill: they share one all-null row (snapshots are read-only), as in the
  // .xlsx host.
  const noFill = new Array<string | null>(width).fill(null);
  const fills: (string | null)[][] = [];
  let anyFormat = false;
  let anyFormula = false;
  let anyFill = false;
  for (const part of sorted) {
    const height = part.bounds.bottom - part.bounds.top + 1;
    for (let r = 0; r < height; r++) {
      const valueRow = part.data.values?.[r] ?? [];
      const formatRow = part.data.numberFormat?.[r] ?? [];
      const formulaRow = part.data.formulas?.[r] ?? [];
      const propertyRow = part.data.cellProperties?.[r] ?? [];
      let outFills = noFill;
      for (let c = 0; c < width && c < propertyRow.length; c++) {
        const fill = toFill(propertyRow[c]);
        if (fill === null) continue;
        if (outFills === noFill) outFills = noFill.slice();
        outFills[c] = fill;
        anyFill = true;
      }
      fills.push(outFills);
      const outValues = new Array<CellValue>(width);
      const outFormats = new Array<string | null>(width);
      const outFormulas = new Array<string | null>(width);
      for (let c = 0; c < width; c++) {
        const raw = valueRow[c];
        outValues[c] = toCellValue(raw);
        const format = toFormat(formatRow[c]);
        const formula = toFormula(formulaRow[c], raw);
        outFormats[c] = format;
        outFormulas[c] = formula;
        if (format !== null) anyFormat = true;
        if (formula !== null) anyFormula = true;
      }
      cells.push(outValues);
      formats.push(outFormats);
      formulas.push(outFormulas);
    }
  }
  snapshot.origin = { row: first.bounds.top, col: left };
  snapshot.cells = cells;
  if (anyFormat) snapshot.formats = formats;
  if (anyFormula) snapshot.formulas = formulas;
  if (anyFill) snapshot.fills = fills;
  return snapshot;
}

/** Merged areas from RangeAreas bounds, without duplicates (row bands may repeat one). */
export function uniqueMerges(areas: readonly CellRange[]): Merge[] {
  const seen = new Set<string>();
  const out: Merge[] = [];
  for (const a of areas) {
    // A merged area spans at least two cells; a single cell is not one.
    if (a.top === a.bottom && a.left === a.right) continue;
    // One sheet: the same (empty) sheet name for every key.
    const key = rangeKey("", a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ top: a.top, left: a.left, bottom: a.bottom, right: a.right });
  }
  return out;
}

/**
 * A sheet's snapshot with a re-read block laid over it (live validation): the result covers
 * both, the block's cells replace the old ones, merges inside the block come from the block.
 */
export function overlayBlock(base: SheetSnapshot | undefined, block: SheetSnapshot): SheetSnapshot {
  if (!base || base.cells.length === 0) return block;
  const width = (s: SheetSnapshot): number => s.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const bTop = block.origin.row;
  const bLeft = block.origin.col;
  const bBottom = bTop + block.cells.length - 1;
  const bRight = bLeft + width(block) - 1;
  const top = Math.min(base.origin.row, bTop);
  const left = Math.min(base.origin.col, bLeft);
  const bottom = Math.max(base.origin.row + base.cells.length - 1, bBottom);
  const right = Math.max(base.origin.col + width(base) - 1, bRight);
  const height = bottom - top + 1;
  const cols = right - left + 1;
  const withFormats = base.formats !== undefined || block.formats !== undefined;
  const withFormulas = base.formulas !== undefined || block.formulas !== undefined;
  const cells: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  let anyFill = false;
  for (let r = 0; r < height; r++) {
    const row = top + r;
    const values = new Array<CellValue>(cols);
    const fmt = new Array<string | null>(cols);
    const fml = new Array<string | null>(cols);
    const fil = new Array<string | null>(cols);
    for (let c = 0; c < cols; c++) {
      const col = left + c;
      const inBlock = row >= bTop && row <= bBottom && col >= bLeft && col <= bRight;
      const src = inBlock ? block : base;
      const rr = row - src.origin.row;
      const cc = col - src.origin.col;
      values[c] = src.cells[rr]?.[cc] ?? null;
      fmt[c] = src.formats?.[rr]?.[cc] ?? null;
      fml[c] = src.formulas?.[rr]?.[cc] ?? null;
      fil[c] = src.fills?.[rr]?.[cc] ?? null;
      if (fil[c] !== null) anyFill = true;
    }
    cells.push(values);
    formats.push(fmt);
    formulas.push(fml);
    fills.push(fil);
  }
  const out: SheetSnapshot = { name: base.name, origin: { row: top, col: left }, cells };
  if (withFormats) out.formats = formats;
  if (withFormulas) out.formulas = formulas;
  // Fills are present only when some cell has one (a block whose fills were all cleared drops them).
  if (anyFill) out.fills = fills;
  const blockBounds = { top: bTop, left: bLeft, bottom: bBottom, right: bRight };
  const merges = [
    ...(base.merges ?? []).filter((m) => !(m.top <= blockBounds.bottom && blockBounds.top <= m.bottom && m.left <= blockBounds.right && blockBounds.left <= m.right)),
    ...(block.merges ?? []),
  ];
  if (merges.length > 0) out.merges = uniqueMerges(merges);
  return out;
}
