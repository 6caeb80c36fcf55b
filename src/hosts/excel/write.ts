/**
 * Applies a WritePlan to the open workbook. Reads first what undoing the previous run needs
 * (sheets, the ownership record, current fills and notes), plans everything as data
 * (./write-plan), then queues it all in one batch — events off, calculation and screen updating
 * suspended until that sync — split into more batches only when the request would pass Excel
 * on the web's 5 MB limit.
 *
 * Round trips: 1) sheet list, tables, comments; 2) the record and the cells the plan touches;
 * 3) only when the record differs from the copy this host cached at its last read or write:
 * the cells the record's previous run touched; then the write batch(es). What to write is the
 * engine's (src/engine/write/reconcile); this file reads what it asks for and executes.
 */
import { type CellRange, type Progress, decodeOwnershipRecord, STATE_SHEET, type OwnershipRecord, type CellNow, type ExistingComment, type FillNow, type NoteNow, type SheetInfo, type StateNeeds, type WriteMode, type WriteProgram, type WriteState, cellKey, missingNeeds, noNeeds, reconcile, stateNeeds } from "../../engine";
import { boundsToA1, parseSheetAddress, qualified } from "./address";
import type { ExcelCapabilities } from "./capabilities";
import { DEFAULT_LIMITS, type TransferLimits } from "./limits";
import type { OwnWrites } from "./own-writes";
import { type Fill, type OfficeOp, cellRects, isAllNoFill, lowerOps, noFillRects, splitIntoBatches } from "./write-plan";
import { runExcel } from "./run";

export interface WriteOptions {
  capabilities: ExcelCapabilities;
  /** The record as this host last saw it, to read everything in one round trip. */
  cachedRecord: OwnershipRecord | null;
  ownWrites: OwnWrites;
  limits?: TransferLimits;
  onProgress?: (p: Progress) => void;
}

export interface WriteOutcome {
  program: WriteProgram;
  /** Number of write batches (1 unless the payload needed chunks). */
  batches: number;
}

/** Reads, plans and applies `mode` in one Excel.run. */
export async function writeWorkbook(mode: WriteMode, options: WriteOptions): Promise<WriteOutcome> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const report = options.onProgress ?? ((): void => undefined);
  const annotation = options.capabilities.annotation;
  return await runExcel(async (context) => {
    // 1) What exists.
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility,items/protection/protected");
    const tables = context.workbook.tables;
    // With their sheets: a recorded sheet is the add-in's only while it holds a recorded table.
    tables.load("items/name,items/worksheet/name");
    const comments = annotation === "fill" ? null : context.workbook.comments;
    comments?.load("items/id,items/content");
    // Structure protection (ExcelApi 1.7) refuses sheets added, deleted, moved or hidden
    // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#protect-the-workbooks-structure).
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    report({ fraction: 0.1, label: "Lettura della cartella" });

    const sheets = new Map<string, SheetInfo>();
    for (const ws of worksheets.items) {
      sheets.set(ws.name.toLowerCase(), { name: ws.name, visibility: ws.visibility, protected: ws.protection.protected, tables: [] });
    }
    for (const t of tables.items) sheets.get(t.worksheet.name.toLowerCase())?.tables?.push(t.name);
    const stateInfo = sheets.get(STATE_SHEET.toLowerCase());

    // 2) The record, and everything the plan needs to know (with the cached record's needs).
    const stateColumn = stateInfo ? context.workbook.worksheets.getItem(stateInfo.name).getRange("A:A").getUsedRangeOrNullObject(true) : null;
    stateColumn?.load("values");
    const locations = (comments?.items ?? []).map((c) => {
      const location = c.getLocation();
      location.load("address");
      return { comment: c, location };
    });
    // Which sheets hold no value: a recorded sheet a stopped write added but did not fill is still the add-in's.
    const usedRanges = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address");
      return { name: ws.name, used };
    });
    const collected = emptyCollected();
    const firstNeeds = stateNeeds(mode, options.cachedRecord, sheets, annotation);
    const pending = queueStateReads(context, firstNeeds, sheets);
    await context.sync();
    pending(collected);

    for (const { name, used } of usedRanges) {
      const info = sheets.get(name.toLowerCase());
      if (info) info.empty = used.isNullObject;
    }
    const decoded = stateColumn && !stateColumn.isNullObject ? decodeOwnershipRecord(stateColumn.values.map((row) => row[0])) : null;
    const record = decoded?.status === "ok" ? decoded.record : null;
    const commentList: ExistingComment[] = locations.map(({ comment, location }) => {
      const at = parseSheetAddress(location.address);
      return { id: comment.id, content: comment.content, sheet: at ? at.sheet : null, row: at?.top ?? 0, col: at?.left ?? 0 };
    });

    // 3) Only when the workbook's record is not the one this host knew: what it touched.
    if (JSON.stringify(record) !== JSON.stringify(options.cachedRecord)) {
      const more = missingNeeds(stateNeeds(mode, record, sheets, annotation), collected);
      if (!noNeeds(more)) {
        const extra = queueStateReads(context, more, sheets);
        await context.sync();
        extra(collected);
      }
    }

    const state: WriteState = {
      sheets,
      tables: new Set(tables.items.map((t) => t.name.toLowerCase())),
      recordStatus: decoded?.status ?? "absent",
      record,
      recordRows: stateColumn && !stateColumn.isNullObject ? stateColumn.values.length : 0,
      structureProtected: protection.protected,
      fills: collected.fills,
      notes: collected.notes,
      comments: commentList,
      cells: collected.cells,
    };
    const program = reconcile(mode, state, annotation);
    const officeOps = lowerOps(program.ops);
    report({ fraction: 0.3, label: "Scrittura nella cartella" });

    // 4) The write: one batch, or chunks under the payload budget.
    const batches = splitIntoBatches(officeOps, limits.payloadBudgetBytes);
    const end = options.ownWrites.begin(program.touched);
    try {
      let done = 0;
      for (const batch of batches) {
        queueBatch(context, batch, done === batches.length - 1);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per 5 MB chunk of the plan
        await context.sync();
        done++;
        report({ fraction: 0.3 + (0.7 * done) / batches.length, label: `Scrittura nella cartella (${done} di ${batches.length})` });
      }
    } catch (error) {
      // A failed batch leaves events off for this add-in; switch them back on before reporting.
      context.runtime.enableEvents = true;
      await context.sync().catch(() => undefined);
      throw error;
    } finally {
      end();
    }
    return { program, batches: Math.max(1, batches.length) };
  });
}

interface Collected {
  fills: Map<string, FillNow>;
  notes: Map<string, NoteNow | null>;
  cells: Map<string, CellNow>;
}

const emptyCollected = (): Collected => ({ fills: new Map(), notes: new Map(), cells: new Map() });

/**
 * Queues the loads for `needs` (no sync); the returned function, called after the sync, copies
 * the results into the collected maps.
 */
function queueStateReads(context: Excel.RequestContext, needs: StateNeeds, sheets: ReadonlyMap<string, SheetInfo>): (into: Collected) => void {
  const nameOf = (sheet: string): string => sheets.get(sheet.toLowerCase())?.name ?? sheet;
  // One worksheet object per sheet, and the cells read as rectangles: every object is bytes of
  // the request (see estimateOpBytes), and one range per cell passed 5 MB for large plans.
  const worksheets = new Map<string, Excel.Worksheet>();
  const ws = (sheet: string): Excel.Worksheet => {
    const key = sheet.toLowerCase();
    let found = worksheets.get(key);
    if (!found) {
      found = context.workbook.worksheets.getItem(nameOf(sheet));
      worksheets.set(key, found);
    }
    return found;
  };
  const fillReads = needs.fillRanges.map((r) => ({
    range: r,
    result: ws(r.sheet)
      .getRange(boundsToA1(r))
      .getCellProperties({ format: { fill: { color: true, tintAndShade: true } } }),
  }));
  const noteReads = needs.noteCells.map((c) => {
    const note = ws(c.sheet).notes.getItemOrNullObject(boundsToA1(cell(c.row, c.col)));
    note.load("content");
    return { key: cellKey(c.sheet, c.row, c.col), note };
  });
  const cellsBySheet = new Map<string, { sheet: string; cells: Array<{ row: number; col: number }> }>();
  for (const c of needs.cells) {
    const entry = cellsBySheet.get(c.sheet.toLowerCase()) ?? { sheet: c.sheet, cells: [] };
    entry.cells.push({ row: c.row, col: c.col });
    cellsBySheet.set(c.sheet.toLowerCase(), entry);
  }
  const cellReads = [...cellsBySheet.values()].flatMap(({ sheet, cells }) =>
    cellRects(cells).map((rect) => {
      const range = ws(sheet).getRange(boundsToA1(rect));
      range.load("values,formulas");
      return { sheet, rect, range };
    }),
  );
  return (into) => {
    for (const { range, result } of fillReads) {
      result.value.forEach((row, r) =>
        row.forEach((p, c) => {
          const fill = originalFill(p.format?.fill);
          into.fills.set(cellKey(range.sheet, range.top + r, range.left + c), { color: fill, token: fill });
        }),
      );
    }
    for (const { key, note } of noteReads) into.notes.set(key, note.isNullObject ? null : { text: note.content });
    for (const { sheet, rect, range } of cellReads) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          into.cells.set(cellKey(sheet, r, c), { value: range.values[r - rect.top]?.[c - rect.left], formula: range.formulas[r - rect.top]?.[c - rect.left] });
        }
      }
    }
  };
}

/**
 * A cell's fill as it must be restored later, or null for No Fill. Office.js reports "#FFFFFF"
 * for No Fill as for a white fill, and `pattern` is null for both (OfficeDev/office-js#4900,
 * #6218): only `tintAndShade` tells them apart, null for No Fill and a number for any fill (the
 * maintainers' answer in #4900). Without it (an older build not returning it), white is taken as
 * No Fill: restoring "no fill" over a white cell looks the same, while painting white over a cell
 * that had none would hide its gridlines.
 */
export function originalFill(fill: { color?: string | null; tintAndShade?: number | null } | undefined): Fill {
  if (!fill || typeof fill.color !== "string" || fill.color === "") return null;
  if (fill.tintAndShade === null) return null;
  const color = fill.color.toUpperCase();
  if (typeof fill.tintAndShade !== "number" && color === "#FFFFFF") return null;
  return color;
}

const cell = (row: number, col: number): CellRange => ({ top: row, left: col, bottom: row, right: col });

/** Queues one batch: events off, calculation and screen updating suspended until its sync. */
function queueBatch(context: Excel.RequestContext, ops: readonly OfficeOp[], last: boolean): void {
  context.runtime.enableEvents = false;
  context.application.suspendApiCalculationUntilNextSync();
  context.application.suspendScreenUpdatingUntilNextSync();
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    const key = name.toLowerCase();
    let ws = sheets.get(key);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(key, ws);
    }
    return ws;
  };
  for (const op of ops) queueOp(context, op, sheet, sheets);
  if (last) context.runtime.enableEvents = true;
}

function queueOp(
  context: Excel.RequestContext,
  op: OfficeOp,
  sheet: (name: string) => Excel.Worksheet,
  cache: Map<string, Excel.Worksheet>,
): void {
  switch (op.kind) {
    case "deleteSheet":
      sheet(op.sheet).delete();
      cache.delete(op.sheet.toLowerCase());
      return;
    case "moveSheet":
      sheet(op.sheet).position = op.position;
      return;
    case "visibility":
      sheet(op.sheet).visibility = op.visibility;
      return;
    case "addSheet": {
      const ws = context.workbook.worksheets.add(op.sheet);
      if (op.veryHidden) ws.visibility = "VeryHidden";
      if (op.tabColor) ws.tabColor = op.tabColor;
      cache.set(op.sheet.toLowerCase(), ws);
      return;
    }
    case "clear": {
      const range = sheet(op.sheet).getRange(boundsToA1(op.bounds));
      range.clear("Contents");
      if (op.applyTo === "ContentsAndFormats") range.clear("Formats");
      return;
    }
    case "formulas":
      sheet(op.sheet).getRange(boundsToA1(op.bounds)).formulas = op.formulas;
      return;
    case "numberFormat":
      sheet(op.sheet).getRange(boundsToA1(op.bounds)).numberFormat = op.formats;
      return;
    case "style": {
      const format = sheet(op.sheet).getRange(boundsToA1(op.bounds)).format;
      if (op.style.bold !== undefined) format.font.bold = op.style.bold;
      if (op.style.italic !== undefined) format.font.italic = op.style.italic;
      if (op.style.fontColor !== undefined) format.font.color = op.style.fontColor;
      if (op.style.wrap !== undefined) format.wrapText = op.style.wrap;
      return;
    }
    case "fill":
      sheet(op.sheet).getRange(boundsToA1(op.bounds)).format.fill.color = op.color;
      return;
    case "restoreFills": {
      const ws = sheet(op.sheet);
      const range = ws.getRange(boundsToA1(op.bounds));
      // Each cell gets one call: a cell to recolour is never cleared first, so a batch that
      // stops in between leaves it with the add-in's fill (still undoable) or its original.
      if (isAllNoFill(op.fills)) range.format.fill.clear();
      else {
        // One range per rectangle of cells to clear, not one per cell: each range is objects in
        // the request (see estimateOpBytes), and per-cell ranges passed 5 MB on large undos.
        for (const rect of noFillRects(op.fills)) {
          ws.getRangeByIndexes(op.bounds.top + rect.top, op.bounds.left + rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1).format.fill.clear();
        }
      }
      if (op.fills.some((row) => row.some((f) => typeof f === "string"))) {
        range.setCellProperties(op.fills.map((row) => row.map((f) => (typeof f === "string" ? { format: { fill: { color: f } } } : {}))));
      }
      return;
    }
    case "columnWidth":
      sheet(op.sheet).getRangeByIndexes(0, op.col, 1, 1).format.columnWidth = op.points;
      return;
    case "pageLayout": {
      const layout = sheet(op.sheet).pageLayout;
      layout.orientation = op.setup.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.zoom = op.setup.fitToWidth !== null ? { horizontalFitToPages: op.setup.fitToWidth } : { scale: op.setup.scale ?? 100 };
      if (op.setup.titleRows) layout.setPrintTitleRows(`$${op.setup.titleRows.first + 1}:$${op.setup.titleRows.last + 1}`);
      const pages = layout.headersFooters.defaultForAllPages;
      pages.leftHeader = op.setup.header.left;
      pages.centerHeader = op.setup.header.center;
      pages.rightHeader = op.setup.header.right;
      pages.leftFooter = op.setup.footer.left;
      pages.centerFooter = op.setup.footer.center;
      pages.rightFooter = op.setup.footer.right;
      return;
    }
    case "dataBar": {
      const { top, left, bottom, right } = op.bounds;
      const format = sheet(op.sheet).getRangeByIndexes(top, left, bottom - top + 1, right - left + 1).conditionalFormats.add("DataBar");
      format.dataBar.lowerBoundRule = { type: "Number", formula: String(op.min) };
      format.dataBar.upperBoundRule = { type: "Number", formula: String(op.max) };
      format.dataBar.positiveFormat.fillColor = op.color;
      return;
    }
    case "pageBreak":
      sheet(op.sheet).horizontalPageBreaks.add(sheet(op.sheet).getRangeByIndexes(op.row, 0, 1, 1));
      return;
    case "freeze": {
      const panes = sheet(op.sheet).freezePanes;
      if (op.rows > 0 && op.cols > 0) panes.freezeAt(sheet(op.sheet).getRangeByIndexes(0, 0, op.rows, op.cols));
      else if (op.rows > 0) panes.freezeRows(op.rows);
      else panes.freezeColumns(op.cols);
      return;
    }
    case "table": {
      // A Range, not an address: an address without a sheet name is taken on the active sheet
      // (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
      const ws = sheet(op.sheet);
      const table = ws.tables.add(ws.getRange(boundsToA1(op.bounds)), true);
      table.name = op.name;
      table.style = op.style;
      table.showBandedRows = op.bandedRows;
      return;
    }
    case "link":
      sheet(op.sheet).getRange(boundsToA1(cell(op.row, op.col))).hyperlink = { documentReference: op.target, textToDisplay: op.text };
      return;
    case "addNote": {
      const ws = sheet(op.sheet);
      ws.notes.add(ws.getRange(boundsToA1(cell(op.row, op.col))), op.text);
      return;
    }
    case "setNote":
      sheet(op.sheet).notes.getItem(boundsToA1(cell(op.row, op.col))).content = op.text;
      return;
    case "deleteNote":
      sheet(op.sheet).notes.getItem(boundsToA1(cell(op.row, op.col))).delete();
      return;
    case "addComment":
      context.workbook.comments.add(qualified(op.sheet, cell(op.row, op.col)), op.text);
      return;
    case "deleteComment":
      context.workbook.comments.getItem(op.id).delete();
      return;
  }
}
