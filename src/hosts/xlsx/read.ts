/**
 * .xlsx file → SheetSnapshot[] through ExcelJS. The only place that knows how ExcelJS represents
 * cell values; everything after this sees the plain snapshot contract (src/engine/model/snapshot).
 */
import * as ExcelJS from "exceljs";
import {
  EXCEL_COLUMNS,
  EXCEL_ROWS,
  MAX_MERGE_CELLS,
  MAX_SNAPSHOT_CELLS,
  boxCells,
  clipMerges,
  dataIslands,
  rangeToA1,
  strayAreas,
  type Box,
  type CellValue,
  type Merge,
  type OutsideArea,
  type Progress,
  type SheetSnapshot,
} from "../../engine";
import { WorkbookEmptyError, WorkbookEncryptedError, WorkbookLegacyFormatError, WorkbookTooLargeError, WorkbookUnreadableError } from "./errors";
import { fillColor, themePalette, workbookTheme } from "./fills";
import { cellTexts, normaliseSheetParts } from "./package";

/** ExcelJS.FormulaType.Shared (a const enum in its typings, a plain object at run time). */
const SHARED_FORMULA = 2 as ExcelJS.FormulaType;

// How ExcelJS moves a shared formula to another cell (lib/utils/shared-formula.js, slideFormula):
// tokens of letters and digits not followed by "(", the references among them moved unless "$".
const FORMULA_TOKEN = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_TOKEN = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * The formulas of a sheet's shared-formula cells (Excel stores a formula filled down once, with
 * its range; ExcelJS moves it to each cell on request with a regular expression over the whole
 * formula, which made reading the add-in's own sheets, filled down over thousands of rows, cost
 * more than the rest of the workbook). Each master formula is cut once at its relative row
 * numbers; a cell in the master's column gets the pieces joined with its own rows, which is
 * exactly what ExcelJS gives; cells in other columns ask ExcelJS.
 */
class SharedFormulas {
  private readonly masters = new Map<string, { row: number; col: number; texts: string[]; offsets: number[] } | null>();

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  formulaOf(cell: ExcelJS.Cell, row: number, col: number): string | undefined {
    const address = (cell.value as ExcelJS.CellSharedFormulaValue | null)?.sharedFormula;
    if (!address) return cell.formula;
    let master = this.masters.get(address);
    if (master === undefined) {
      master = this.template(address);
      this.masters.set(address, master);
    }
    if (master === null || master.col !== col) return cell.formula;
    let out = master.texts[0] as string;
    for (let k = 0; k < master.offsets.length; k++) out += String(row + (master.offsets[k] as number) + 1) + (master.texts[k + 1] as string);
    return out;
  }

  /** The master's formula cut at its relative row numbers (as distances from its row), or null. */
  private template(address: string): { row: number; col: number; texts: string[]; offsets: number[] } | null {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) return null;
    let col = 0;
    for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(m[2]);
    const formula = this.ws.getRow(row).getCell(col).formula;
    if (typeof formula !== "string") return null;
    const texts: string[] = [];
    const offsets: number[] = [];
    let text = "";
    let last = 0;
    for (const t of formula.matchAll(FORMULA_TOKEN)) {
      if (t[4]) continue;
      const cellRef = CELL_TOKEN.exec(t[3] as string);
      if (!cellRef) continue;
      const letters = (cellRef[2] as string).toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) continue;
      const start = t.index as number;
      // ExcelJS writes every moved reference back in upper case, absolute ones included.
      text += formula.slice(last, start) + (t[1] ?? "") + (cellRef[1] ?? "") + letters + (cellRef[3] ?? "");
      last = start + t[0].length;
      if (cellRef[3]) {
        text += cellRef[4] as string;
        continue;
      }
      texts.push(text);
      offsets.push(Number(cellRef[4]) - row);
      text = "";
    }
    texts.push(text + formula.slice(last));
    return { row: row - 1, col: col - 1, texts, offsets };
  }
}

/** The add-in's own state sheet: never user data, so never read as a snapshot. */
export const STATE_SHEET_NAME = "SO_Stato";

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (Excel's day 0, 1900 system) to 1970-01-01, as ExcelJS uses it. */
const EXCEL_EPOCH_OFFSET = 25_569;

/** Compound File Binary (OLE2) signature: encrypted OOXML and legacy .xls both start with it. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export interface ReadOptions {
  /** Called once per sheet converted, for a progress bar. */
  onProgress?: (p: Progress) => void;
}

/**
 * Reads an .xlsx file into one snapshot per sheet (hidden sheets included, the add-in's
 * "SO_Stato" state sheet excluded). Empty sheets give an empty snapshot.
 *
 * @throws WorkbookEncryptedError for a password-protected file,
 *   WorkbookUnreadableError for anything that is not a readable .xlsx,
 *   WorkbookEmptyError when no sheet holds a value.
 */
export async function readWorkbookSnapshots(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<SheetSnapshot[]> {
  const workbook = await loadWorkbook(data);
  const sheets = workbook.worksheets.filter((ws) => !isStateSheet(ws));
  const snapshots: SheetSnapshot[] = [];
  let anyValue = false;
  sheets.forEach((ws, i) => {
    const snapshot = worksheetToSnapshot(ws);
    if (snapshot.cells.length > 0) anyValue = true;
    snapshots.push(snapshot);
    options.onProgress?.({ fraction: (i + 1) / sheets.length, label: `Lettura dei fogli (${i + 1} di ${sheets.length})` });
  });
  if (!anyValue) throw new WorkbookEmptyError();
  return snapshots;
}

/**
 * Loads an .xlsx file with ExcelJS after checking what kind of file it is, so that an encrypted
 * or legacy file gets a useful message instead of a zip error.
 *
 * @throws WorkbookEncryptedError, WorkbookUnreadableError (see readWorkbookSnapshots).
 */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (startsWith(bytes, CFB_SIGNATURE)) {
    // An encrypted .xlsx is an OLE2 container with an "EncryptionInfo" stream; an old .xls is an
    // OLE2 container with a "Workbook" (or "Book") stream. Directory names are UTF-16LE.
    if (!containsUtf16(bytes, "EncryptionInfo") && (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book"))) {
      throw new WorkbookLegacyFormatError();
    }
    throw new WorkbookEncryptedError();
  }
  // Every .xlsx is a zip whose first entry starts with a local file header "PK\x03\x04".
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw new WorkbookUnreadableError();
  guardHugeMerges();
  const workbook = new ExcelJS.Workbook();
  // Sheet parts named otherwise than ExcelJS expects are renamed first (./package); a part that
  // would inflate past the limits is refused there (WorkbookTooLargeError).
  const parts = await normaliseSheetParts(bytes);
  try {
    await workbook.xlsx.load(toLoadable(parts.bytes));
  } catch (cause) {
    throw new WorkbookUnreadableError(undefined, { cause });
  }
  // A zip that is not a workbook (a .docx renamed, say) loads without sheets.
  if (workbook.worksheets.length === 0) throw new WorkbookUnreadableError();
  await restoreHugeSerials(workbook, parts.bytes);
  if (parts.unreadable.length > 0) UNREAD_SHEETS.set(workbook, parts.unreadable);
  return workbook;
}

const UNREAD_SHEETS = new WeakMap<ExcelJS.Workbook, string[]>();

const isInvalidDate = (v: unknown): boolean => v instanceof Date && Number.isNaN(v.getTime());

/**
 * ExcelJS turns a number with a date format into a Date on load (cell-xform reconcile,
 * `excelToDate`); a serial past JavaScript's dates (about 100 million days: 1e15, say) becomes an
 * invalid Date, which the snapshot cannot read and ExcelJS writes back as NaN (issue 12: `tables`
 * and `clear` wrote NaN over the user's 1e15). Such cells — values and formula results — get
 * their number back from the sheet's XML, as a number: the cell keeps its style, so the copy
 * written keeps the user's number and its date format. One pass over the loaded cells; the XML is
 * read only when one is found.
 */
async function restoreHugeSerials(workbook: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const lost = new Map<string, ExcelJS.Cell[]>();
  for (const ws of workbook.worksheets) {
    for (const row of (ws as unknown as WorksheetInternals)._rows ?? []) {
      const cells = (row as RowInternals | undefined)?._cells;
      if (!Array.isArray(cells)) continue;
      for (const cell of cells) {
        if (!cell) continue;
        const v = cell.value as unknown;
        const result = v !== null && typeof v === "object" && !(v instanceof Date) ? (v as { result?: unknown }).result : undefined;
        if (!isInvalidDate(v) && !isInvalidDate(result)) continue;
        const list = lost.get(ws.name) ?? [];
        list.push(cell);
        lost.set(ws.name, list);
      }
    }
  }
  if (lost.size === 0) return;
  const texts = await cellTexts(bytes, new Map([...lost].map(([name, cells]) => [name, new Set(cells.map((c) => c.address))])));
  for (const [name, cells] of lost) {
    for (const cell of cells) {
      const n = Number(texts.get(name)?.get(cell.address));
      if (!Number.isFinite(n)) continue;
      const v = cell.value as unknown;
      cell.value = isInvalidDate(v) ? n : ({ ...(v as object), result: n } as ExcelJS.CellValue);
    }
  }
}

/**
 * The sheets the workbook lists that could not be read (a missing part, a chart sheet): they
 * are not analysed and not in a copy written from this workbook, and the user must be told.
 */
export function unreadSheets(workbook: ExcelJS.Workbook): string[] {
  return UNREAD_SHEETS.get(workbook) ?? [];
}

/**
 * The Italian line about the sheets that could not be read, or null when there are none; it also
 * names the merged areas too large to be rebuilt (see guardHugeMerges), which a copy written from
 * this workbook does not have.
 */
export function unreadSheetsMessage(workbook: ExcelJS.Workbook): string | null {
  const names = unreadSheets(workbook);
  const merges = workbook.worksheets.flatMap((ws) => (HUGE_MERGES.get(ws) ?? []).map((m) => `${rangeToA1(m)} del foglio «${ws.name}»`));
  const mergeLine =
    merges.length === 0
      ? null
      : `Le celle unite ${merges.join(", ")} coprono più di ${MAX_MERGE_CELLS.toLocaleString("it-IT")} celle: sono lette solo dove ci sono dati e la copia scritta non le avrà unite (il valore resta nella prima cella). Se l'unione serve, rifarla in Excel su un'area più piccola.`;
  const sheetLine = names.length === 0 ? null : unreadSheetsLine(names);
  return [sheetLine, mergeLine].filter((l) => l !== null).join(" ") || null;
}

function unreadSheetsLine(names: readonly string[]): string {
  const list = names.map((n) => `«${n}»`).join(", ");
  return names.length === 1
    ? `Il foglio ${list} elencato nella cartella non ha potuto essere letto (manca il suo contenuto nel file, o è un foglio grafico): non è analizzato e non sarà nella copia scritta. Aprire il file in Excel e salvarlo di nuovo.`
    : `I fogli ${list} elencati nella cartella non hanno potuto essere letti (manca il loro contenuto nel file, o sono fogli grafici): non sono analizzati e non saranno nella copia scritta. Aprire il file in Excel e salvarlo di nuovo.`;
}

/** Merged areas past MAX_MERGE_CELLS, per worksheet: kept as data, never built cell by cell. */
const HUGE_MERGES = new WeakMap<ExcelJS.Worksheet, Merge[]>();
let mergesGuarded = false;

/**
 * ExcelJS builds a merged area on load by creating every cell in it (Worksheet
 * `_mergeCellsInternal`): a merge P300:XFD1048576 is 17 billion cells and the process dies out of
 * memory. Its loader merges through `mergeCellsWithoutStyle(range)` and nothing else calls that
 * method (lib/doc/worksheet.js `_parseMergeCells`), so it is wrapped once: a merge larger than
 * MAX_MERGE_CELLS is recorded for the snapshot (which clips it to what it reads) and not built. A
 * copy written from the workbook does not have it (ExcelJS writes merges from merged cells);
 * `unreadSheetsMessage` says so. The prototype is reached through an instance, so the wrapper
 * works on ExcelJS's Node build and on its browser bundle alike.
 */
function guardHugeMerges(): void {
  if (mergesGuarded) return;
  mergesGuarded = true;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("x")) as { mergeCellsWithoutStyle?: (...cells: unknown[]) => void };
  const original = proto.mergeCellsWithoutStyle;
  if (typeof original !== "function") return;
  proto.mergeCellsWithoutStyle = function (this: ExcelJS.Worksheet, ...cells: unknown[]): void {
    const m = cells.length === 1 && typeof cells[0] === "string" ? parseMergeRange(cells[0]) : null;
    if (m && boxCells(m) > MAX_MERGE_CELLS) {
      const list = HUGE_MERGES.get(this) ?? [];
      list.push(m);
      HUGE_MERGES.set(this, list);
      return;
    }
    original.apply(this, cells);
  };
}

/**
 * Per workbook: its theme palette (computed once) and the colour of each fill object seen. ExcelJS
 * shares one fill object among the cells of a style (styles-xform getStyleModel), so a sheet of
 * thousands of coloured cells resolves a handful of fills.
 */
interface FillResolver {
  palette: readonly string[];
  colors: WeakMap<object, string | null>;
}

const resolvers = new WeakMap<object, FillResolver>();

function fillResolver(ws: ExcelJS.Worksheet): FillResolver {
  const workbook = (ws as { workbook?: object }).workbook;
  const key: object = workbook ?? ws;
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = { palette: themePalette(workbookTheme(workbook)), colors: new WeakMap() };
    resolvers.set(key, resolver);
  }
  return resolver;
}

/** A cell's background as the snapshot holds it ("#RRGGBB"), null for no fill or white. */
function cellFill(cell: ExcelJS.Cell, resolver: FillResolver): string | null {
  // `cell.style` is the cell's own style object; no style or no fill is the common case.
  const fill = (cell as unknown as { style?: { fill?: unknown } }).style?.fill;
  if (fill === null || typeof fill !== "object") return null;
  let color = resolver.colors.get(fill);
  if (color === undefined) {
    color = fillColor(fill, resolver.palette);
    resolver.colors.set(fill, color);
  }
  return color;
}

/**
 * One worksheet → snapshot: values of the used rectangle (the smallest one holding every value or
 * formula), number formats and formulas when any cell has one, fills when any cell of the
 * rectangle has one, merges (zero-based, absolute). Rows of `formats` / `formulas` / `fills`
 * without any entry may be one shared array: treat the snapshot as read-only.
 *
 * Fills are read inside the value rectangle only, from the cells' own styles: an empty cell that
 * is only coloured (a Gantt bar in a cronoprogramma, which ExcelJS loads as a Null cell with a
 * style) gets its fill, but a coloured cell never widens the rectangle. A cronoprogramma's
 * coloured months sit under a month header and beside a phase label, both values, so they are
 * inside it; a fill beyond every value has nothing to tie it to a month or a phase, and letting
 * fills widen the rectangle would let a sheet formatted down whole columns or along whole rows
 * (16,384 columns, 1,048,576 rows) become millions of cells. It also keeps both hosts equal: the
 * Excel host reads fills over the used range of values (`getUsedRange(true)`), the same
 * rectangle. Row and column styles (a whole row or column coloured, stored once for the row or
 * column and not per cell) are not read.
 *
 * The rectangle never spans more than MAX_SNAPSHOT_CELLS, and never leaves Excel's grid: values
 * past its last row or column, and islands of values far from the rest (one value in XFD1048576
 * would otherwise make the grid 17 billion cells), are left out and listed in `outside`
 * (`locateData`), and the engine names them in a `cells-outside-read` warning. Merges larger
 * than MAX_MERGE_CELLS are clipped to the rectangle (`clipMerges`).
 */
export function worksheetToSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  // One pass collects the used cells in flat arrays; the rectangle is only known at the end.
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  const formats: (string | null)[] = [];
  const formulas: (string | null)[] = [];
  // Every cell with a fill, wherever it is: the rectangle is only known at the end.
  const fillRows: number[] = [];
  const fillCols: number[] = [];
  const fillColors: string[] = [];
  const resolver = fillResolver(ws);
  let anyFormat = false;
  let anyFormula = false;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;

  const shared = new SharedFormulas(ws);
  const visit = (cell: ExcelJS.Cell, r: number, colNumber: number): void => {
    const type = cell.type;
    // Null cells with a style (a coloured empty cell) and the other cells of a merged area have
    // a fill of their own, as in Excel, even though they hold no value.
    const fill = cellFill(cell, resolver);
    if (fill !== null) {
      fillRows.push(r);
      fillCols.push(colNumber - 1);
      fillColors.push(fill);
    }
    // The other cells of a merged area report the top-left value; Excel keeps it there only.
    if (type === ExcelJS.ValueType.Merge || type === ExcelJS.ValueType.Null) return;
    let value: CellValue;
    let formula: string | null = null;
    if (type === ExcelJS.ValueType.Formula) {
      formula = (cell.formulaType === SHARED_FORMULA ? shared.formulaOf(cell, r, colNumber - 1) : cell.formula) ?? null;
      value = plainValue(cell.result);
    } else {
      value = plainValue(cell.value);
    }
    if (value === null && formula === null) return;
    const c = colNumber - 1;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
    const numFmt = cell.numFmt;
    const format = numFmt && numFmt !== "General" ? numFmt : null;
    rows.push(r);
    cols.push(c);
    values.push(value);
    formats.push(format);
    formulas.push(formula);
    if (format !== null) anyFormat = true;
    if (formula !== null) anyFormula = true;
  };
  // ExcelJS's eachRow / eachCell go through a closure and a "row has values" scan per row; its
  // row and cell arrays, when present, are walked directly (a large share of `check` otherwise).
  const internalRows = (ws as unknown as WorksheetInternals)._rows;
  if (Array.isArray(internalRows)) {
    for (const row of internalRows) {
      const cells = (row as RowInternals | undefined)?._cells;
      if (!row || !Array.isArray(cells)) continue;
      const r = row.number - 1;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell) visit(cell, r, i + 1);
      }
    }
  } else {
    // Empty cells too: a coloured empty cell has a fill. (Rows holding no value at all are skipped
    // by eachRow; their fills lie outside the value rectangle anyway unless between value rows.)
    ws.eachRow((row, rowNumber) => row.eachCell({ includeEmpty: true }, (cell, colNumber) => visit(cell, rowNumber - 1, colNumber)));
  }

  const snapshot: SheetSnapshot = { name: ws.name, origin: { row: 0, col: 0 }, cells: [] };
  // Far from the data or past Excel's grid: left out of the rectangle, named in `outside`.
  const located = bottom < 0 ? null : locateData(ws.name, rows, cols);
  if (located?.keep) {
    const keep = located.keep;
    let k = 0;
    for (let i = 0; i < rows.length; i++) {
      if (!keep[i]) continue;
      rows[k] = rows[i] as number;
      cols[k] = cols[i] as number;
      values[k] = values[i] as CellValue;
      formats[k] = formats[i] as string | null;
      formulas[k] = formulas[i] as string | null;
      k++;
    }
    rows.length = cols.length = values.length = formats.length = formulas.length = k;
  }
  if (located && located.outside.length > 0) snapshot.outside = located.outside;
  const box = located?.box ?? null;
  const huge = HUGE_MERGES.get(ws);
  const merges = clipMerges(huge ? [...readMerges(ws), ...huge].sort((a, b) => a.top - b.top || a.left - b.left) : readMerges(ws), box);
  if (merges.length > 0) snapshot.merges = merges;
  if (!box) return snapshot;
  ({ top, left, bottom, right } = box);

  const height = bottom - top + 1;
  const width = right - left + 1;
  const cells = new Array<CellValue[]>(height);
  // Copies of one row of nulls: packed arrays, cheaper to make and to read than new Array(width).
  const blank: CellValue[] = [];
  for (let c = 0; c < width; c++) blank.push(null);
  for (let r = 0; r < height; r++) cells[r] = blank.slice();
  // Most rows have no format and no formula: they share one all-null row (snapshots are read-only).
  const noneRow = new Array<string | null>(width).fill(null);
  const formatGrid = anyFormat ? new Array<(string | null)[]>(height).fill(noneRow) : null;
  const formulaGrid = anyFormula ? new Array<(string | null)[]>(height).fill(noneRow) : null;
  for (let i = 0; i < values.length; i++) {
    const r = (rows[i] as number) - top;
    const c = (cols[i] as number) - left;
    (cells[r] as CellValue[])[c] = values[i] as CellValue;
    const format = formats[i] as string | null;
    if (formatGrid && format !== null) ownRow(formatGrid, r, noneRow)[c] = format;
    const formula = formulas[i] as string | null;
    if (formulaGrid && formula !== null) ownRow(formulaGrid, r, noneRow)[c] = formula;
  }
  let fillGrid: (string | null)[][] | null = null;
  for (let i = 0; i < fillColors.length; i++) {
    const r = (fillRows[i] as number) - top;
    const c = (fillCols[i] as number) - left;
    if (r < 0 || r >= height || c < 0 || c >= width) continue;
    fillGrid ??= new Array<(string | null)[]>(height).fill(noneRow);
    ownRow(fillGrid, r, noneRow)[c] = fillColors[i] as string;
  }
  snapshot.origin = { row: top, col: left };
  snapshot.cells = cells;
  if (formatGrid) snapshot.formats = formatGrid;
  if (formulaGrid) snapshot.formulas = formulaGrid;
  // No fill inside the rectangle: no grid at all (snapshots of big books stay small).
  if (fillGrid) snapshot.fills = fillGrid;
  return snapshot;
}

/**
 * Where a sheet's values are read from: the rectangle holding them all when it has at most
 * MAX_SNAPSHOT_CELLS cells and lies inside Excel's grid (nearly always; `keep` is then null).
 * Otherwise cells past Excel's last row or column are left out, and when the rest still spans too
 * many cells the data islands far from the others (`strayAreas` over `dataIslands`) are too:
 * `keep` marks the cells read, `outside` names the others, so that the engine reports them.
 *
 * @throws WorkbookTooLargeError when no handful of far islands explains the size (the data
 *   itself spans more than MAX_SNAPSHOT_CELLS cells).
 */
function locateData(sheet: string, rows: readonly number[], cols: readonly number[]): { box: Box | null; keep: Uint8Array | null; outside: OutsideArea[] } {
  const n = rows.length;
  let box: Box | null = null;
  let beyond: Box | null = null;
  let beyondCells = 0;
  const grow = (b: Box | null, r: number, c: number): Box => {
    if (!b) return { top: r, left: c, bottom: r, right: c };
    if (r < b.top) b.top = r;
    if (r > b.bottom) b.bottom = r;
    if (c < b.left) b.left = c;
    if (c > b.right) b.right = c;
    return b;
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    const c = cols[i] as number;
    if (r >= EXCEL_ROWS || c >= EXCEL_COLUMNS) {
      beyond = grow(beyond, r, c);
      beyondCells++;
    } else box = grow(box, r, c);
  }
  if (!beyond && (!box || boxCells(box) <= MAX_SNAPSHOT_CELLS)) return { box, keep: null, outside: [] };
  const keep = new Uint8Array(n);
  const outside: OutsideArea[] = [];
  const inside: number[] = [];
  for (let i = 0; i < n; i++) if ((rows[i] as number) < EXCEL_ROWS && (cols[i] as number) < EXCEL_COLUMNS) inside.push(i);
  let kept = box;
  if (box && boxCells(box) > MAX_SNAPSHOT_CELLS) {
    const { islands, islandOf } = dataIslands(
      inside.map((i) => rows[i] as number),
      inside.map((i) => cols[i] as number),
    );
    const stray = new Set(strayAreas(islands, MAX_SNAPSHOT_CELLS));
    if (stray.size === 0) {
      throw new WorkbookTooLargeError(
        `Il foglio «${sheet}» ha dati sparsi su un'area troppo grande per essere letta (${rangeToA1(box)}, ${boxCells(box).toLocaleString("it-IT")} celle; il limite è ${MAX_SNAPSHOT_CELLS.toLocaleString("it-IT")}). Cancellare le celle lontane dalle schede (Ctrl+Fine mostra l'ultima cella usata) o dividere il foglio, e ripetere.`,
      );
    }
    kept = null;
    for (const island of islands) if (!stray.has(island)) kept = kept ? { top: Math.min(kept.top, island.top), left: Math.min(kept.left, island.left), bottom: Math.max(kept.bottom, island.bottom), right: Math.max(kept.right, island.right) } : { top: island.top, left: island.left, bottom: island.bottom, right: island.right };
    const left = new Map<number, number>();
    for (let k = 0; k < inside.length; k++) {
      const i = inside[k] as number;
      const r = rows[i] as number;
      const c = cols[i] as number;
      if (kept && r >= kept.top && r <= kept.bottom && c >= kept.left && c <= kept.right) keep[i] = 1;
      else left.set(islandOf[k] as number, (left.get(islandOf[k] as number) ?? 0) + 1);
    }
    for (const [id, cells] of [...left].sort((a, b) => a[0] - b[0])) {
      const island = islands[id];
      if (island) outside.push({ top: island.top, left: island.left, bottom: island.bottom, right: island.right, cells, reason: "far" });
    }
  } else for (const i of inside) keep[i] = 1;
  if (beyond) outside.push({ ...beyond, cells: beyondCells, reason: "beyond-limits" });
  return { box: kept, keep, outside };
}

/** The grid's own row `r`, replacing the shared all-null row on first write. */
function ownRow(grid: (string | null)[][], r: number, shared: (string | null)[]): (string | null)[] {
  let row = grid[r] as (string | null)[];
  if (row === shared) {
    row = shared.slice();
    grid[r] = row;
  }
  return row;
}

/**
 * An ExcelJS value (or formula result) → snapshot value. Rich text and hyperlinks become their
 * text, errors their text ("#DIV/0!"), dates the Excel serial number, "" null.
 */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "string":
      return v === "" ? null : v;
    case "number":
      return Number.isFinite(v) ? v : null;
    case "boolean":
      return v;
    case "object":
      break;
    default:
      return null;
  }
  if (v instanceof Date) return dateToSerial(v);
  const o = v as { richText?: unknown; text?: unknown; error?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown };
  if (Array.isArray(o.richText)) return richTextToString(o.richText);
  if (typeof o.error === "string") return o.error;
  // Hyperlink: { text, hyperlink }, where text may itself be rich text.
  if (o.text !== undefined) return plainValue(o.text);
  // A formula object reached through a path other than the formula branch: use its result.
  if (o.formula !== undefined || o.sharedFormula !== undefined) return plainValue(o.result);
  return null;
}

function richTextToString(runs: unknown[]): CellValue {
  let text = "";
  for (const run of runs) {
    const t = (run as { text?: unknown } | null)?.text;
    if (typeof t === "string") text += t;
  }
  return text === "" ? null : text;
}

/**
 * JS Date (as ExcelJS builds it: the serial read as UTC) → Excel serial in the 1900 system.
 * The inverse of ExcelJS's own conversion, so a serial read back is the serial stored.
 */
export function dateToSerial(d: Date): number | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = ms / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
  const whole = Math.round(serial);
  // Millisecond rounding in ExcelJS leaves noise such as 45291.00000000001 on whole days.
  return Math.abs(serial - whole) < 1e-9 ? whole : serial;
}

interface WorksheetInternals {
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
  _rows?: (ExcelJS.Row | undefined)[];
}

interface RowInternals {
  _cells?: (ExcelJS.Cell | undefined)[];
}

/** Merged areas, zero-based, sorted top to bottom then left to right. */
function readMerges(ws: ExcelJS.Worksheet): Merge[] {
  const out: Merge[] = [];
  // ExcelJS keeps merges in a private map; `ws.model.merges` would rebuild the whole sheet model.
  const internal = (ws as unknown as WorksheetInternals)._merges;
  if (internal) {
    for (const key of Object.keys(internal)) {
      const m = internal[key];
      if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
  } else {
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const m = parseMergeRange(range);
      if (m) out.push(m);
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

function parseMergeRange(range: string): Merge | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/i.exec(range);
  if (!m) return null;
  const col = (letters: string): number => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const r1 = Number(m[2]) - 1;
  const r2 = Number(m[4]) - 1;
  const c1 = col(m[1] as string);
  const c2 = col(m[3] as string);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function isStateSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.state === "veryHidden" && ws.name === STATE_SHEET_NAME;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Whether the bytes contain `text` encoded as UTF-16LE (how OLE2 directory entries are named). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = text.length;
  outer: for (let i = 0; i + 2 * n <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < n; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** What ExcelJS's typings ask for (their own `Buffer`, an ArrayBuffer look-alike). */
type LoadInput = Parameters<ExcelJS.Xlsx["load"]>[0];

/**
 * JSZip under ExcelJS takes any Uint8Array. In Node, wrap the bytes in a Buffer without copying
 * (ExcelJS's Node code paths expect one); in the browser pass them as they are.
 */
function toLoadable(bytes: Uint8Array): LoadInput {
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as LoadInput;
  return bytes as unknown as LoadInput;
}
