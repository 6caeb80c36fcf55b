/**
 * Plans how to read used ranges within Excel's transfer limits. Pure: it sees only addresses,
 * so it is planned before a single value is loaded, and tested without Office.
 */
import type { CellRange } from "../../engine";
import { READS_PER_CELL, type TransferLimits } from "./limits";

/** A sheet's used range (zero-based bounds). */
export interface UsedRange {
  sheet: string;
  bounds: CellRange;
}

/** A rectangle to load in one request: a whole used range, or a band of its rows. */
export interface ReadPart {
  sheet: string;
  bounds: CellRange;
}

/** The parts loaded by one `context.sync()`. */
export type ReadChunk = ReadPart[];

/**
 * Cells one request may return under both the payload and the cell budget (each cell is read
 * twice: its grids and its cell properties, see READS_PER_CELL).
 */
export function cellsPerRequest(limits: TransferLimits): number {
  return Math.max(1, Math.min(Math.floor(limits.readCellBudget / READS_PER_CELL), Math.floor(limits.payloadBudgetBytes / limits.readBytesPerCell)));
}

/** Estimated response size of loading values, numberFormat, formulas and fills for `cells` cells. */
export function estimateReadBytes(cells: number, limits: TransferLimits): number {
  return cells * limits.readBytesPerCell;
}

/** Whether ranges totalling `cells` cells can be read in one request. */
export function fitsInOneRequest(cells: number, limits: TransferLimits): boolean {
  return cells <= cellsPerRequest(limits);
}

/**
 * Packs the used ranges into as few requests as the budgets allow, in sheet order. A range
 * that does not fit in what is left of a request is split into bands of whole rows (every band
 * keeps the range's columns, so bands of a sheet stack back into one grid); a single row wider
 * than the budget still gets a request of its own.
 */
export function planReadChunks(ranges: readonly UsedRange[], limits: TransferLimits): ReadChunk[] {
  const budget = cellsPerRequest(limits);
  const chunks: ReadChunk[] = [];
  let current: ReadChunk = [];
  let used = 0;
  const flush = (): void => {
    if (current.length > 0) chunks.push(current);
    current = [];
    used = 0;
  };
  for (const range of ranges) {
    const { top, left, bottom, right } = range.bounds;
    const width = right - left + 1;
    let next = top;
    while (next <= bottom) {
      const rowsLeft = bottom - next + 1;
      const room = budget - used;
      if (rowsLeft * width <= room) {
        current.push({ sheet: range.sheet, bounds: { top: next, left, bottom, right } });
        used += rowsLeft * width;
        break;
      }
      let rows = Math.floor(room / width);
      if (rows === 0) {
        if (current.length > 0) {
          flush();
          continue;
        }
        rows = 1;
      }
      current.push({ sheet: range.sheet, bounds: { top: next, left, bottom: next + rows - 1, right } });
      next += rows;
      flush();
    }
  }
  flush();
  return chunks;
}
