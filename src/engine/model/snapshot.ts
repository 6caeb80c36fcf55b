import { z } from "zod";
import type { CellRange } from "../cells/range";

/**
 * A cell value as Excel gives it: text, number (dates are Excel serial numbers with a date
 * number format), boolean, or null for an empty cell. Hosts normalise "" to null.
 */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

/** A cell's background colour, "#RRGGBB" in upper case. */
export const FillSchema = z.string().regex(/^#[0-9A-F]{6}$/);

/** Excel's default background: a cell filled white looks like one with no fill. */
export const DEFAULT_FILL = "#FFFFFF";

/**
 * A host's colour → the snapshot's fill: "#rrggbb" / "rrggbb" / "FFrrggbb" (ARGB) in upper case
 * with "#", null for no colour, white, or anything that is not a colour.
 */
export function normalizeFill(color: string | null | undefined): string | null {
  if (typeof color !== "string") return null;
  const hex = color.trim().replace(/^#/, "");
  const rgb = /^[0-9a-f]{8}$/i.test(hex) ? hex.slice(2) : /^[0-9a-f]{6}$/i.test(hex) ? hex : null;
  if (rgb === null) return null;
  const fill = `#${rgb.toUpperCase()}`;
  return fill === DEFAULT_FILL ? null : fill;
}

/** Zero-based bounds of a merged area, absolute on the sheet: a `CellRange`. */
export const MergeSchema = z.object({
  top: z.number().int().min(0),
  left: z.number().int().min(0),
  bottom: z.number().int().min(0),
  right: z.number().int().min(0),
}) satisfies z.ZodType<CellRange>;
/** A merged area: a `CellRange` (cells/range.ts). */
export type Merge = CellRange;

/** Excel's grid: 1,048,576 rows by 16,384 columns (A1:XFD1048576). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/**
 * Largest grid a host puts in one snapshot (rows × columns of the rectangle it reads densely).
 * A used range past it is nearly always inflated by a stray value far from the data (Ctrl+End on
 * row 1,048,576): the host then reads the data's rectangle without the far areas and lists them
 * in `outside` (see `strayAreas`). Both hosts use this figure.
 */
export const MAX_SNAPSHOT_CELLS = 5_000_000;

/**
 * Non-empty cells a host did not put in the snapshot's grid, as one rectangle (zero-based,
 * absolute) with the number of cells holding a value or formula in it: `far` when the area lies
 * far from the rest of the data (the grid would otherwise span millions of empty cells),
 * `beyond-limits` when it lies past Excel's last row or column (a file written by another
 * program). The engine names each one in a `cells-outside-read` finding, so nothing is dropped
 * without a word.
 */
export const OutsideAreaSchema = MergeSchema.extend({
  cells: z.number().int().min(1),
  reason: z.enum(["far", "beyond-limits"]),
});
export type OutsideArea = z.infer<typeof OutsideAreaSchema>;

/**
 * One sheet's used range as the engine sees it. `cells[r][c]` is the cell at absolute
 * row `origin.row + r`, column `origin.col + c`. `formats`, `formulas` and `fills`, when present,
 * have the same shape (null where the cell has no format / formula / fill). Merged areas keep
 * their value in the top-left cell only, as Excel does.
 *
 * `fills` is each cell's background as Excel shows it, "#RRGGBB" (theme and indexed colours
 * resolved by the host), null for no fill and for white (the sheet's default: a white cell looks
 * like an empty one). People mark a cronoprogramma by colouring cells, so the reader needs it.
 *
 * The grid never spans more than MAX_SNAPSHOT_CELLS: values far from the data are left out of it
 * and listed in `outside`, and merges larger than the grid's rectangle allows are clipped to it.
 */
export const SheetSnapshotSchema = z.object({
  name: z.string().min(1),
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }),
  cells: z.array(z.array(CellValueSchema)),
  formats: z.array(z.array(z.string().nullable())).optional(),
  formulas: z.array(z.array(z.string().nullable())).optional(),
  fills: z.array(z.array(FillSchema.nullable())).optional(),
  merges: z.array(MergeSchema).optional(),
  /** Areas holding values that are not in `cells` (see OutsideAreaSchema); absent when none. */
  outside: z.array(OutsideAreaSchema).optional(),
});
export type SheetSnapshot = z.infer<typeof SheetSnapshotSchema>;

/** The value at an absolute position, or null outside the snapshot. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.cells[row - sheet.origin.row];
  if (!r) return null;
  const v = r[col - sheet.origin.col];
  return v === undefined ? null : v;
}

/** The number format at an absolute position, or null. */
export function formatAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.formats?.[row - sheet.origin.row];
  return r?.[col - sheet.origin.col] ?? null;
}

/** The formula at an absolute position (without the leading "="), or null. */
export function formulaAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.formulas?.[row - sheet.origin.row];
  return r?.[col - sheet.origin.col] ?? null;
}

/** The fill at an absolute position ("#RRGGBB"), or null. */
export function fillAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.fills?.[row - sheet.origin.row];
  return r?.[col - sheet.origin.col] ?? null;
}

/** Absolute bounds of the snapshot (inclusive); bottom < top when empty. */
export function snapshotBounds(sheet: SheetSnapshot): CellRange {
  const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    top: sheet.origin.row,
    left: sheet.origin.col,
    bottom: sheet.origin.row + sheet.cells.length - 1,
    right: sheet.origin.col + width - 1,
  };
}
