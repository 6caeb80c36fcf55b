/**
 * Reads every used range of every sheet into snapshots, honest about round trips:
 *
 * - sync 1: the sheet list (names, visibility);
 * - sync 2, for a workbook that fits in one request: every sheet's used range — address, values,
 *   numberFormat, formulas, and each cell's fill colour (`getCellProperties`, ExcelApi 1.9) —
 *   and its merged areas, all in one batch;
 * - otherwise sync 2 loads only the used-range addresses and merged areas, and `planReadChunks`
 *   packs the ranges into requests under Excel's budgets (Excel on the web: 5 MB per response;
 *   any Excel: 5 million cells per read), row bands for big sheets, one sync each.
 *
 * Used ranges are reached through sheets by name, so their addresses cannot come with the sheet
 * list in sync 1 (chaining on proxies not yet synced would need the names). Whether a workbook
 * fits is known from the sizes an earlier read saw (kept as hints); on the first read, from its
 * number of sheets (SINGLE_READ_MAX_SHEETS): a 1,000-card book (50 sheets) is planned from its
 * addresses before a single value is read and never pays for a refused request (issue 10
 * point 4). A single request that Excel refuses after all (a few huge sheets, or sheets that grew
 * since the hints) falls back to the plan.
 *
 * A used range past MAX_SHEET_CELLS (a stray value in XFD1048576) is not read densely: the cells
 * holding data are found first (`locateData`) and only their rectangle is read; the far areas go
 * to the snapshot's `outside`, as in the .xlsx host.
 */
import {
  clipMerges,
  isStateSheetName,
  rangeCellCount,
  rangesIntersect,
  STATE_SHEET,
  strayAreas,
  verifiedStateSnapshot,
  type CellRange,
  type Merge,
  type OutsideArea,
  type Progress,
  type SheetSnapshot,
} from "../../engine";
import { boundsToA1, parseAddressList, parseSheetAddress } from "./address";
import { DEFAULT_LIMITS, MAX_SHEET_CELLS, NullGridError, SINGLE_READ_MAX_SHEETS, mayBeSizeLimitError, type TransferLimits } from "./limits";
import { type ReadChunk, type ReadPart, type UsedRange, fitsInOneRequest, planReadChunks } from "./read-plan";
import { type LoadedPart, type RangeData, toSnapshot, uniqueMerges } from "./snapshot";
import { InflatedSheetError, RowTooLargeError } from "./errors";
import { runExcel } from "./run";

/**
 * The cell properties the read asks for: the fill colour only. Excel returns just what the load
 * options name ("Get only the properties requested in this load-options object", the sample in
 * https://learn.microsoft.com/javascript/api/excel/excel.cellpropertiesloadoptions), so every
 * extra property would cost bytes on every cell of every sheet.
 */
export const FILL_PROPERTIES = { format: { fill: { color: true } } } as const;

export interface ReadOptions {
  limits?: TransferLimits;
  /** Load merged areas (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** Cells per sheet seen by an earlier read, to skip a request known to be refused. */
  sizeHints?: ReadonlyMap<string, number>;
  onProgress?: (p: Progress) => void;
}

export interface ReadResult {
  snapshots: SheetSnapshot[];
  /** Used-range cells per sheet, for the next read's hints. */
  sizes: Map<string, number>;
  /** How the read went, for tests and the benchmark. */
  strategy: "single" | "chunked";
  chunks: number;
}

/** The snapshots with the state sheet's record verified against the sheets' tables (verifiedStateSnapshot). */
function verifyStateSnapshot(snapshots: SheetSnapshot[], tables: ReadonlyArray<{ name: string; worksheet: { name: string } }>): SheetSnapshot[] {
  const bySheet = new Map<string, string[]>();
  for (const t of tables) bySheet.set(t.worksheet.name.toLowerCase(), [...(bySheet.get(t.worksheet.name.toLowerCase()) ?? []), t.name]);
  const identities = snapshots.map((s) => ({ name: s.name, tables: bySheet.get(s.name.toLowerCase()) ?? [], a1: s.origin.row === 0 && s.origin.col === 0 ? (s.cells[0]?.[0] ?? null) : null }));
  return snapshots.map((s) => (isStateSheetName(s.name) ? verifiedStateSnapshot(s, identities) : s));
}

/** Reads all sheets into snapshots (the add-in's very hidden state sheet last). */
export async function readWorkbook(options: ReadOptions): Promise<ReadResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const report = options.onProgress ?? ((): void => undefined);
  return await runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    // With their sheets: the record on the state sheet is checked against them (a recorded sheet
    // is the add-in's only while it holds a recorded table), as the file host does.
    const tables = context.workbook.tables;
    tables.load("items/name,items/worksheet/name");
    await context.sync();
    const verified = (result: ReadResult): ReadResult => ({ ...result, snapshots: verifyStateSnapshot(result.snapshots, tables.items) });
    // The add-in's state sheet (very hidden) goes last: the engine reads the ownership record
    // from it, as from the .xlsx host. A visible sheet with that name is the user's, read as such.
    const isState = (ws: { name: string; visibility: string }): boolean =>
      ws.name.toLowerCase() === STATE_SHEET.toLowerCase() && ws.visibility === "VeryHidden";
    const names = [...worksheets.items.filter((ws) => !isState(ws)), ...worksheets.items.filter(isState)].map((ws) => ws.name);
    report({ fraction: 0.1, label: `Lettura dei fogli (${names.length})` });

    // One request for everything (2 syncs in all) when an earlier read says it fits, or, with no
    // sizes known, when the workbook has only a few sheets (SINGLE_READ_MAX_SHEETS). Otherwise the
    // addresses come first, so that a workbook too big for one request is planned before a single
    // value is read instead of paying for a refused request (issue 10 point 4).
    const hints = options.sizeHints;
    const hinted = hints !== undefined && names.every((n) => hints.has(n));
    const trySingle = hinted
      ? fitsInOneRequest(
          names.reduce((sum, n) => sum + (hints.get(n) ?? 0), 0),
          limits,
        )
      : names.length <= SINGLE_READ_MAX_SHEETS;

    if (trySingle) {
      // Every used range in one batch. A null used range (an empty sheet) still loads fine:
      // its properties come back empty and isNullObject says so.
      const perSheet = names.map((name) => {
        const ws = context.workbook.worksheets.getItem(name);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("address,values,numberFormat,formulas");
        // The fills of the same range in the same batch. A method on a null object would fail the
        // batch, so they come from getUsedRange(true), which gives A1 for a blank sheet instead
        // of a null object (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1));
        // for a sheet with values both name the same cells.
        const properties = ws.getUsedRange(true).getCellProperties(FILL_PROPERTIES);
        const merged = options.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : null;
        merged?.load("address");
        return { name, used, properties, merged };
      });
      try {
        await context.sync();
        // Grids that came back null (past the cell limit, without an error) mean "too big" too.
        for (const { used, properties } of perSheet) if (!used.isNullObject) requireGrids(used, properties.value);
        const sizes = new Map<string, number>();
        const snapshots = perSheet.map(({ name, used, properties, merged }) => {
          const merges = merged && !merged.isNullObject ? mergesFrom(merged.address) : [];
          if (used.isNullObject) {
            sizes.set(name, 0);
            return toSnapshot(name, [], clipMerges(merges, null));
          }
          const bounds = parseSheetAddress(used.address);
          if (!bounds) return toSnapshot(name, [], clipMerges(merges, null));
          sizes.set(name, rangeCellCount(bounds));
          const data: RangeData = { values: used.values, numberFormat: used.numberFormat, formulas: used.formulas, cellProperties: properties.value };
          return toSnapshot(name, [{ bounds, data }], clipMerges(merges, bounds));
        });
        report({ fraction: 1, label: "Lettura completata" });
        return verified({ snapshots, sizes, strategy: "single", chunks: 1 });
      } catch (error) {
        // The sheets grew since the hints (or a GeneralException, which the web gives for a size
        // problem too): plan from the addresses below. Anything else is a real failure.
        if (!mayBeSizeLimitError(error)) throw error;
      }
    }

    // Addresses first: nothing but the used-range addresses and merged areas.
    const probes = names.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address");
      const merged = options.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : null;
      merged?.load("address");
      return { name, used, merged };
    });
    await context.sync();
    const ranges: UsedRange[] = [];
    const merges = new Map<string, Merge[]>();
    const sizes = new Map<string, number>();
    const outside = new Map<string, OutsideArea[]>();
    for (const { name, used, merged } of probes) {
      merges.set(name, merged && !merged.isNullObject ? mergesFrom(merged.address) : []);
      const bounds = used.isNullObject ? null : parseSheetAddress(used.address);
      sizes.set(name, bounds ? rangeCellCount(bounds) : 0);
      if (bounds) ranges.push({ sheet: name, bounds });
    }
    // An inflated used range: the data is found first (one sync, addresses only) and only its
    // rectangle is read; the far areas are named in the snapshot's `outside`.
    const inflated = ranges.filter((r) => rangeCellCount(r.bounds) > MAX_SHEET_CELLS);
    if (inflated.length > 0) {
      for (const [range, found] of await locateData(context, inflated)) {
        range.bounds = found.bounds;
        if (found.outside.length > 0) outside.set(range.sheet, found.outside);
      }
    }
    const chunks = planReadChunks(ranges, limits);
    const loaded = new Map<string, LoadedPart[]>();
    let done = 0;
    // One sync per planned chunk is the point of chunking: each stays under Excel's limits.
    for (const chunk of chunks) {
      await loadChunk(context, chunk, loaded);
      done++;
      report({ fraction: 0.2 + (0.8 * done) / chunks.length, label: `Lettura dei fogli (parte ${done} di ${chunks.length})` });
    }
    const read = new Map(ranges.map((r) => [r.sheet, r.bounds]));
    const snapshots = names.map((name) => {
      const snapshot = toSnapshot(name, loaded.get(name) ?? [], clipMerges(merges.get(name) ?? [], read.get(name) ?? null));
      const far = outside.get(name);
      if (far) snapshot.outside = far;
      return snapshot;
    });
    return verified({ snapshots, sizes, strategy: chunks.length <= 1 ? "single" : "chunked", chunks: Math.max(1, chunks.length) });
  });
}

/**
 * Loads one planned chunk in one sync. If Excel still refuses it (the per-cell estimate was
 * beaten by very long texts), the chunk is halved and each half loaded in turn.
 */
async function loadChunk(context: Excel.RequestContext, chunk: ReadChunk, into: Map<string, LoadedPart[]>): Promise<void> {
  const ranges = chunk.map((part) => {
    const range = context.workbook.worksheets.getItem(part.sheet).getRange(boundsToA1(part.bounds));
    range.load("values,numberFormat,formulas");
    return { part, range, properties: range.getCellProperties(FILL_PROPERTIES) };
  });
  try {
    await context.sync();
    for (const { range, properties } of ranges) requireGrids(range, properties.value);
  } catch (error) {
    if (!mayBeSizeLimitError(error)) throw error;
    // A single row that still gets a GeneralException is not a size problem: Excel's own error.
    const part = chunk[0] as ReadPart;
    if (chunk.length === 1 && part.bounds.top === part.bounds.bottom && !(error instanceof NullGridError) && (error as { code?: unknown }).code === "GeneralException") throw error;
    const [a, b] = halve(chunk);
    await loadChunk(context, a, into);
    await loadChunk(context, b, into);
    return;
  }
  for (const { part, range, properties } of ranges) {
    const list = into.get(part.sheet) ?? [];
    list.push({ bounds: part.bounds, data: { values: range.values, numberFormat: range.numberFormat, formulas: range.formulas, cellProperties: properties.value } });
    into.set(part.sheet, list);
  }
}

/** Throws NullGridError when a loaded range's grids (or its cell properties) came back null. */
function requireGrids(range: { values: unknown; numberFormat: unknown; formulas: unknown }, properties: unknown): void {
  if (!Array.isArray(range.values) || !Array.isArray(range.numberFormat) || !Array.isArray(range.formulas) || !Array.isArray(properties)) throw new NullGridError();
}

/** Two halves of a chunk: by parts when it has several, else by the rows of its one part. */
function halve(chunk: ReadChunk): [ReadChunk, ReadChunk] {
  if (chunk.length > 1) {
    const mid = Math.ceil(chunk.length / 2);
    return [chunk.slice(0, mid), chunk.slice(mid)];
  }
  const part = chunk[0] as ReadPart;
  const { top, bottom } = part.bounds;
  if (top === bottom) throw new RowTooLargeError(part.sheet, top);
  const mid = top + Math.floor((bottom - top) / 2);
  return [[{ sheet: part.sheet, bounds: { ...part.bounds, bottom: mid } }], [{ sheet: part.sheet, bounds: { ...part.bounds, top: mid + 1 } }]];
}

/**
 * Used ranges past MAX_SHEET_CELLS (nearly always a stray value far from the data, Ctrl+End on
 * row 1,048,576): finds where the data is — the cells with constants and with formulas
 * (`Range.getSpecialCellsOrNullObject`, ExcelApi 1.9,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells and
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspecialcellsornullobject-member(1))
 * — in one sync for all of them, addresses only, and gives each the rectangle of its data without
 * the few areas far from it (`strayAreas`, the same choice as the .xlsx host), which are named in
 * `outside`.
 *
 * @throws InflatedSheetError when no handful of areas explains the size (the data itself is that
 *   large).
 */
async function locateData(context: Excel.RequestContext, ranges: readonly UsedRange[]): Promise<Map<UsedRange, { bounds: CellRange; outside: OutsideArea[] }>> {
  const queued = ranges.map((range) => {
    const used = context.workbook.worksheets.getItem(range.sheet).getRange(boundsToA1(range.bounds));
    const constants = used.getSpecialCellsOrNullObject("Constants");
    constants.load("address");
    const formulas = used.getSpecialCellsOrNullObject("Formulas");
    formulas.load("address");
    return { range, constants, formulas };
  });
  // One sync for every inflated sheet: addresses only.
  await context.sync();
  const out = new Map<UsedRange, { bounds: CellRange; outside: OutsideArea[] }>();
  for (const { range, constants, formulas } of queued) {
    const areas = [constants, formulas].flatMap((a) => (a.isNullObject ? [] : parseAddressList(a.address)));
    const stray = new Set(strayAreas(areas, MAX_SHEET_CELLS));
    const kept = areas.filter((a) => !stray.has(a));
    if (stray.size === 0 || kept.length === 0) throw new InflatedSheetError(range.sheet, boundsToA1(range.bounds), []);
    // Loops, not Math.min(...areas): a big sheet's constants may be tens of thousands of areas.
    const bounds = { ...(kept[0] as CellRange) };
    for (const a of kept) {
      if (a.top < bounds.top) bounds.top = a.top;
      if (a.left < bounds.left) bounds.left = a.left;
      if (a.bottom > bounds.bottom) bounds.bottom = a.bottom;
      if (a.right > bounds.right) bounds.right = a.right;
    }
    const outside: OutsideArea[] = [...stray].map((a) => ({ top: a.top, left: a.left, bottom: a.bottom, right: a.right, cells: rangeCellCount(a), reason: "far" as const }));
    out.set(range, { bounds, outside });
  }
  return out;
}

/** Where both hosts decide which areas are far from the data (src/engine/model/islands). */
export { strayAreas };

/** Merges from a RangeAreas address. */
function mergesFrom(address: string): Merge[] {
  return uniqueMerges(parseAddressList(address));
}

/**
 * Reads one rectangle of one sheet (a card's block) in one sync, for live validation: values,
 * formats, formulas and fills, as the full read. The snapshot's origin is the block's top-left cell.
 */
export async function readBlock(sheet: string, bounds: CellRange, mergedAreas: boolean): Promise<SheetSnapshot> {
  return await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const range = ws.getRange(boundsToA1(bounds));
    range.load("values,numberFormat,formulas");
    const properties = range.getCellProperties(FILL_PROPERTIES);
    // getMergedAreasOrNullObject returns only the merges whose top-left cell is inside the range
    // (OfficeDev/office-js#3611): asked of the block, it would miss a merge starting above or
    // left of it. The whole sheet's merges (addresses only) are asked instead, and those that
    // overlap the block kept.
    const merged = mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("address");
    await context.sync();
    const merges = merged && !merged.isNullObject ? mergesFrom(merged.address).filter((m) => rangesIntersect(m, bounds)) : [];
    // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult (getCellProperties) has no load(): its value is there after the sync
    const data: RangeData = { values: range.values, numberFormat: range.numberFormat, formulas: range.formulas, cellProperties: properties.value };
    requireGrids(range, data.cellProperties);
    return toSnapshot(sheet, [{ bounds, data }], merges);
  });
}
