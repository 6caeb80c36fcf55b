/**
 * Excel's data-transfer limits and the budgets the host plans with. Excel on the web rejects a
 * request or a response larger than 5 MB, and any platform refuses to read more than 5 million
 * cells at once; the budgets keep a margin because the sizes are estimated before loading.
 */
import { MAX_SNAPSHOT_CELLS } from "../../engine";

/** Excel on the web: largest request or response payload. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Largest number of cells one read may return. */
export const READ_CELL_LIMIT = 5_000_000;

/** What one planned request may carry: 80 % of the limit, for the JSON envelope and estimate error. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/**
 * Largest used range of one sheet the host reads densely (over several requests if need be),
 * the engine's MAX_SNAPSHOT_CELLS, as in the .xlsx host. Past it the used range is almost always
 * inflated by a stray value far from the data (Ctrl+End on row 1,048,576): the host then finds
 * the data with `getSpecialCellsOrNullObject` and reads only its rectangle instead of planning
 * thousands of requests.
 */
export const MAX_SHEET_CELLS = MAX_SNAPSHOT_CELLS;

/**
 * Sheets a workbook may have for its first read (no sizes known yet) to be tried in one request.
 * One card sheet is a few thousand cells and one request carries about 44,000 (4 MB at 90 bytes a
 * cell): a workbook of a few sheets usually fits, and reading it in 2 syncs is worth the rare
 * refusal; past that the addresses are loaded first and the read planned from them, so that a
 * 1,000-card book (50 sheets) never pays for a refused request.
 */
export const SINGLE_READ_MAX_SHEETS = 5;

/** What one planned read may return, in cells. */
export const READ_CELL_BUDGET = 4_000_000;

/**
 * Estimated response bytes per cell when values, numberFormat and formulas are loaded, plus the
 * cell's fill from `getCellProperties`. The three grids: an empty cell costs about 16 bytes
 * (`"",` twice and `"General",`), a cell with a short Italian text about 60; cards are mostly
 * short labels and blanks, and 48 leaves room for longer descriptions. `getCellProperties`
 * returns one object per cell whatever the cell holds, and Office.js gives a colour even for no
 * fill ("#FFFFFF", OfficeDev/office-js#6218): `{"format":{"fill":{"color":"#FFFFFF"}}},` is 42
 * bytes on every cell, blank ones included. 48 + 42 = 90.
 */
export const READ_BYTES_PER_CELL = 90;

/**
 * How many times a read counts each cell against the 5 million cell limit: the range's grids,
 * then its cell properties (`getCellProperties` on the same cells, a second read of them in the
 * same request). Counting both keeps a planned chunk under the limit even if Excel counts the
 * two reads together.
 */
export const READS_PER_CELL = 2;

/** Overhead of one queued Office.js action in a request (object path, action, ids), in bytes. */
export const ACTION_OVERHEAD_BYTES = 200;

/**
 * Request bytes of one object the batch reaches (`getRangeByIndexes`, `format`, `fill`): Office
 * sends each as an object path plus an instantiate action, about 150 bytes
 * (`{"Id":12,"ObjectPathType":3,"Name":"getCell","ParentObjectPathId":11,"ArgumentInfo":{"Arguments":[3,4]}}`
 * and `{"Id":13,"ActionType":1,"Name":"","ObjectPathId":12}`); "Minimize object creation"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance).
 */
export const OBJECT_BYTES = 150;

/** Planning limits, injectable so that tests can use small workbooks. */
export interface TransferLimits {
  payloadBudgetBytes: number;
  readCellBudget: number;
  readBytesPerCell: number;
}

export const DEFAULT_LIMITS: TransferLimits = {
  payloadBudgetBytes: PAYLOAD_BUDGET_BYTES,
  readCellBudget: READ_CELL_BUDGET,
  readBytesPerCell: READ_BYTES_PER_CELL,
};

/**
 * Error codes with which Excel refuses a request because of its size. Excel on the web reports
 * `ResponsePayloadSizeLimitExceeded` / `RequestPayloadSizeLimitExceeded`; a read over the cell
 * limit is reported as `RangeExceedsLimit` or `OperationCellsExceedLimit` depending on the build.
 */
export const SIZE_ERROR_CODES: ReadonlySet<string> = new Set([
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

/** Whether an Office.js error means "too much in one request". */
export function isSizeLimitError(error: unknown): boolean {
  if (error instanceof NullGridError) return true;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && SIZE_ERROR_CODES.has(code);
}

/**
 * Whether an error may mean "too much in one request" on Excel on the web, which often answers
 * an oversized response with `GeneralException` ("An internal error has occurred") instead of
 * its size codes (OfficeDev/office-js-docs#1247, OfficeDev/office-js#1314, #1012). A read that
 * gets it is retried smaller; one that still gets it when small fails with Excel's own error.
 */
export function mayBeSizeLimitError(error: unknown): boolean {
  if (isSizeLimitError(error)) return true;
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "GeneralException";
}

/**
 * Past the 5 million cell read limit Excel does not always throw: "In some cases, Range.values
 * returns null instead" (OfficeDev/office-js-docs-pr#5821, docs/excel/performance.md). A read
 * whose grids came back null is treated as refused for its size.
 */
export class NullGridError extends Error {
  readonly code = "NullGrid";
  constructor() {
    super("Excel returned no values for a range (over its read limit)");
  }
}
