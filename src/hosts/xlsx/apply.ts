/**
 * Applies a WritePlan to an ExcelJS workbook, and takes it away again. Every run first undoes
 * what the ownership record (very hidden sheet SO_Stato) says the add-in added last time —
 * flags (each cell's own fill and note put back), review headers, generated sheets — and then
 * writes the new plan and the new record. User values are never written: flags change fills
 * and notes only, added cells go only where a cell is empty, and generated sheets are the
 * add-in's own.
 */
import type * as ExcelJS from "exceljs";
import { columnToLetters, toA1 } from "../../engine/cells/a1";
import type { SheetSnapshot } from "../../engine/model/snapshot";
import { isGeneratedSheet, lostSheetMessage, UNREADABLE_STATE_MESSAGE, UNREADABLE_STATE_CLEARED } from "../../engine/write/ownership";
import { readOverrides } from "../../engine/write/overrides";
import {
  STATE_SHEET,
  type ApplyReport,
  type CellContent,
  type CellFlag,
  type CellStyle,
  type CellWrite,
  type OwnedSheet,
  type PageSetup,
  type OwnershipRecord,
  type TableSpec,
  type WriteMessage,
  type WritePlan,
} from "../../engine/write/types";
import { WorkbookEmptyError } from "./errors";
import {
  fillFromRecord,
  fillToRecord,
  noteModelToRecord,
  noteText,
  isProtected,
  readState,
  removeState,
  sheetCell,
  restoreNote,
  sameFill,
  setFill,
  solidFill,
  stateSnapshot,
  tableNames,
  writeState,
} from "./ownership";
import { loadWorkbook, worksheetToSnapshot } from "./read";
import { flagSkippedMessage } from "../../engine/write/host-messages";

export type { ApplyReport } from "../../engine/write/types";

function newReport(messages: readonly WriteMessage[] = []): ApplyReport {
  return { sheetsRemoved: [], sheetsWritten: [], flagsRemoved: 0, flagsWritten: 0, cellsRemoved: 0, cellsWritten: 0, messages: [...messages] };
}

const TAKEN_MESSAGE: WriteMessage = {
  code: "state-sheet-taken",
  severity: "error",
  sheet: STATE_SHEET,
  message: `La cartella ha già un foglio «${STATE_SHEET}» che non è del componente: il componente usa questo nome per il suo registro. Rinominare quel foglio e ripetere; la cartella non è stata modificata.`,
};

/**
 * Applies `plan`: undoes the add-in's previous content (by the record on SO_Stato), writes the
 * plan's sheets, tables, flags and added cells, and records what it now owns. Never throws on
 * workbook content: what cannot be done (protected sheet, name taken, cell no longer empty) is
 * reported in the returned messages and left untouched.
 */
export function applyWritePlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan, onProgress?: (done: number, total: number) => void): ApplyReport {
  const report = newReport(plan.messages);
  const state = readState(wb);
  if (state.status === "taken") {
    report.messages.push(TAKEN_MESSAGE);
    return report;
  }
  // A damaged record cannot say what is the add-in's: touch nothing, tell the user.
  if (state.status === "unreadable") return newReport([{ code: "state-unreadable", severity: "error", sheet: STATE_SHEET, message: UNREADABLE_STATE_MESSAGE }]);
  const previous = state.record;
  for (const name of state.lost ?? []) report.messages.push({ code: "sheet-no-longer-owned", severity: "info", sheet: name, message: lostSheetMessage(name) });
  const keep = new Set(plan.sheets.filter((s) => s.keepIfExists).map((s) => s.name.toLowerCase()));
  // A plan built without the record took the add-in's earlier review headers for the user's and
  // did not list them again: they stay, and stay the add-in's.
  const carried = plan.ownershipSeen === false ? (previous?.addedCells ?? []) : [];
  undo(wb, previous, keep, report, carried.length > 0);

  const record: OwnershipRecord = { version: 1, sheets: [], tables: [], flags: [], addedCells: [...carried], sheetKeys: {}, keptSheets: [] };
  const previouslyOwned = new Set((previous?.sheets ?? []).map((s) => s.toLowerCase()));
  const userTables = new Set(wb.worksheets.flatMap((ws) => tableNames(ws)).map((t) => t.toLowerCase()));
  const styles = new SharedStyles();
  // Progress: the undo, each owned sheet, then the flags and added cells.
  const total = plan.sheets.length + 2;
  onProgress?.(1, total);
  plan.sheets.forEach((sheet, i) => {
    writeOwnedSheet(wb, sheet, previouslyOwned, userTables, record, report, styles);
    onProgress?.(i + 2, total);
  });
  writeFlags(wb, plan.flags, record, report);
  writeAddedCells(wb, plan.addedCells, record, report);
  writeState(wb, record);
  arrangeSheets(wb, record);
  return report;
}

/**
 * Tab order: the user's sheets as they were, then the add-in's in the plan's order, then the
 * state sheet — also when a kept Metodologia or the state sheet were there before, so that a
 * second run gives the same workbook as the first. A user's own Metodologia stays where it is.
 */
function arrangeSheets(wb: ExcelJS.Workbook, record: OwnershipRecord): void {
  const owned = record.sheets.map((s) => s.toLowerCase());
  const rank = (ws: ExcelJS.Worksheet): number => {
    const name = ws.name.toLowerCase();
    if (name === STATE_SHEET.toLowerCase()) return 2;
    return owned.includes(name) ? 1 : 0;
  };
  const sorted = [...wb.worksheets].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (ra === 1) return owned.indexOf(a.name.toLowerCase()) - owned.indexOf(b.name.toLowerCase());
    return orderOf(a) - orderOf(b);
  });
  sorted.forEach((ws, i) => {
    (ws as unknown as SheetOrder).orderNo = i + 1;
  });
}

/** ExcelJS orders tabs by `orderNo` (missing from its typings). */
interface SheetOrder {
  orderNo: number;
}

const orderOf = (ws: ExcelJS.Worksheet): number => (ws as unknown as SheetOrder).orderNo;

/**
 * Removes everything the add-in added (by its record): flags (original fills and notes back),
 * added cells still holding what it wrote, its sheets (Metodologia too when the add-in created
 * it) and the state sheet itself.
 */
export function clearAddinContent(wb: ExcelJS.Workbook): ApplyReport {
  const report = newReport();
  const state = readState(wb);
  if (state.status === "taken") {
    report.messages.push(TAKEN_MESSAGE);
    return report;
  }
  if (state.status === "unreadable") {
    // Only the damaged record goes (a very hidden sheet the Excel window cannot show): the
    // add-in's colours and sheets, which it can no longer tell from the user's, stay.
    removeState(wb);
    report.messages.push({ code: "state-unreadable", severity: "warning", sheet: STATE_SHEET, message: UNREADABLE_STATE_CLEARED });
    return report;
  }
  const record = state.record;
  for (const name of state.lost ?? []) report.messages.push({ code: "sheet-no-longer-owned", severity: "info", sheet: name, message: lostSheetMessage(name) });
  const scores = record?.sheetKeys?.scores;
  const scoresSheet = scores ? wb.getWorksheet(scores) : undefined;
  if (scoresSheet && readOverrides([worksheetToSnapshot(scoresSheet)]).length > 0) {
    report.messages.push({
      code: "overrides-removed",
      severity: "warning",
      sheet: scoresSheet.name,
      message: `Il foglio «${scoresSheet.name}» conteneva valutazioni del Nucleo: sono state rimosse con il foglio. Una copia di sicurezza le conserva.`,
    });
  }
  undo(wb, record, new Set(), report);
  removeState(wb);
  return report;
}

/** Reads an .xlsx, applies the plan, returns the new file. */
export async function annotateXlsx(input: ArrayBuffer | Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  return (await annotateXlsxWithReport(input, plan)).bytes;
}

/** Reads an .xlsx, removes the add-in's content, returns the new file. */
export async function clearXlsx(input: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  return (await clearXlsxWithReport(input)).bytes;
}

/** annotateXlsx with the report (messages for the user). */
export async function annotateXlsxWithReport(input: ArrayBuffer | Uint8Array, plan: WritePlan): Promise<{ bytes: Uint8Array; report: ApplyReport }> {
  const wb = await loadWorkbook(input);
  const report = applyWritePlanToWorkbook(wb, plan);
  return { bytes: await saveWorkbook(wb), report };
}

/** clearXlsx with the report. */
export async function clearXlsxWithReport(input: ArrayBuffer | Uint8Array): Promise<{ bytes: Uint8Array; report: ApplyReport }> {
  const wb = await loadWorkbook(input);
  const report = clearAddinContent(wb);
  return { bytes: await saveWorkbook(wb), report };
}

/** The workbook as .xlsx bytes (notes on empty cells kept, see keepNotesOnEmptyCells). */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const escaped = keepNotesOnEmptyCells(wb);
  try {
    const buffer = await wb.xlsx.writeBuffer();
    return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  } finally {
    // The workbook in memory keeps the user's text as it was read (the page saves it again).
    for (const [cell, value] of escaped) cell.value = value;
  }
}

/**
 * ExcelJS writes no cell element for an empty cell with the default style, but does write its
 * note; reading the file back, it attaches notes only to cells it found, so the note is lost.
 * Such a cell gets Excel's default vertical alignment (bottom) written out explicitly: it looks
 * the same, the style survives a read (protection, say, would not), and so does the note.
 */
export function keepNotesOnEmptyCells(wb: ExcelJS.Workbook): Map<ExcelJS.Cell, string> {
  const escaped = new Map<ExcelJS.Cell, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.value;
        if (typeof value === "string" && XML_CONTROL_TEST.test(value)) {
          escaped.set(cell, value);
          cell.value = escapeControlChars(value);
        }
        if (cell.note === undefined || cell.type !== ExcelJSValueType.Null || cell.style?.alignment) return;
        cell.style = { ...cell.style, alignment: { vertical: "bottom" } };
      });
    });
  }
  return escaped;
}

// eslint-disable-next-line no-control-regex
const XML_CONTROL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const XML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * A user's text with the control characters XML cannot hold written as Excel writes them,
 * `_x0001_` (ExcelJS would drop them on save and the user's value would change): Excel reads
 * the character back. (An "_x" already in the text is Excel's own escape, kept as it is.)
 */
export function escapeControlChars(text: string): string {
  return text.replace(XML_CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** ExcelJS's ValueType.Null (the enum is not reachable through a type-only import). */
const ExcelJSValueType = { Null: 0 } as const;

/**
 * Snapshots for the engine from a loaded workbook: every sheet, plus SO_Stato (which
 * readWorkbookSnapshots leaves out) so that buildWritePlan knows what the add-in owns.
 *
 * @throws WorkbookEmptyError when no sheet holds a value.
 */
export function workbookSnapshots(wb: ExcelJS.Workbook, onProgress?: (done: number, total: number) => void): SheetSnapshot[] {
  const state = stateSnapshot(wb);
  const sheets = wb.worksheets.filter((ws) => ws.name.toLowerCase() !== STATE_SHEET.toLowerCase());
  const snapshots = sheets.map((ws, i) => {
    const snapshot = worksheetToSnapshot(ws);
    onProgress?.(i + 1, sheets.length);
    return snapshot;
  });
  if (!snapshots.some((s) => s.cells.length > 0)) throw new WorkbookEmptyError();
  return state ? [...snapshots, state] : snapshots;
}

/** Reads an .xlsx into snapshots for `analyse`, SO_Stato included (see workbookSnapshots). */
export async function readAnalysisSnapshots(data: ArrayBuffer | Uint8Array): Promise<SheetSnapshot[]> {
  return workbookSnapshots(await loadWorkbook(data));
}

// ---------------------------------------------------------------------------------------------
// Undo.

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(name) ?? wb.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

function undo(wb: ExcelJS.Workbook, record: OwnershipRecord | null, keep: ReadonlySet<string>, report: ApplyReport, keepAddedCells = false): void {
  if (!record) return;
  const offsets = flagOffsets(wb, record.flags);
  const lost = new Set<string>();
  // Later flags were written last: undo them first, so each cell ends with its original.
  for (const flag of [...record.flags].reverse()) {
    const ws = findSheet(wb, flag.sheet);
    if (!ws) continue;
    const offset = offsets.get(anchorKey(flag));
    if (offset === null || offset === undefined) {
      // Not where it was and not found by its note: its cells are left as they are.
      if (!lost.has(ws.name)) {
        lost.add(ws.name);
        report.messages.push({
          code: "flag-not-found",
          severity: "warning",
          sheet: ws.name,
          message: `Alcune celle segnalate dal componente nel foglio «${ws.name}» non sono più dove erano e non sono state ritrovate (righe o colonne inserite?): i loro colori restano come sono e vanno tolti a mano.`,
        });
      }
      continue;
    }
    const ours = flag.fill ? solidFill(flag.fill) : undefined;
    let i = 0;
    for (let r = flag.top + offset.rows; r <= flag.bottom + offset.rows; r++) {
      for (let c = flag.left + offset.cols; c <= flag.right + offset.cols; c++, i++) {
        const cell = sheetCell(ws, r + 1, c + 1);
        // A cell the user re-coloured since keeps the user's colour.
        if (ours !== undefined && !sameFill(cell.fill, ours)) continue;
        const style = flag.originalStyleModels?.[i] ?? null;
        // A cell still empty gets its whole style back (the alignment that kept the note, say).
        if (style !== null && cell.type === ExcelJSValueType.Null) cell.style = parseStyle(style) ?? cell.style;
        else setFill(cell, fillFromRecord(flag.originalFills[i] ?? null));
      }
    }
    const anchor = sheetCell(ws, flag.top + offset.rows + 1, flag.left + offset.cols + 1);
    if (flag.note !== undefined && flag.note !== "" && noteText(anchor.note) === flag.note) {
      restoreNote(anchor, flag.originalNoteModels?.[0] ?? null, flag.originalNotes[0] ?? null);
    }
    report.flagsRemoved += 1;
  }
  for (const added of keepAddedCells ? [] : record.addedCells) {
    const ws = findSheet(wb, added.sheet);
    if (!ws) continue;
    const cell = sheetCell(ws, added.row + 1, added.col + 1);
    if (added.written === undefined || plainCellValue(cell.value) === added.written) {
      cell.value = null;
      report.cellsRemoved += 1;
    } else {
      report.messages.push({
        code: "added-cell-kept",
        severity: "info",
        sheet: ws.name,
        range: toA1({ row: added.row, col: added.col }),
        message: `La cella ${toA1({ row: added.row, col: added.col })} del foglio «${ws.name}», aggiunta dal componente, è stata modificata dall'utente e viene lasciata com'è.`,
      });
    }
  }
  for (const name of record.sheets) {
    if (keep.has(name.toLowerCase())) continue;
    const ws = findSheet(wb, name);
    if (!ws) continue;
    wb.removeWorksheet(ws.id);
    report.sheetsRemoved.push(ws.name);
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

type RecordFlag = OwnershipRecord["flags"][number];

const anchorKey = (f: RecordFlag): string => `${f.sheet.toLowerCase()}\u0000${f.top}:${f.left}`;

/**
 * Where each flag's cells are now, by its top-left cell: rows or columns inserted above or left
 * of a flag move it, and undoing it at the recorded place would paint another cell. The note the
 * add-in wrote there tells: still on the recorded cell → no offset; else the one cell of the sheet
 * that holds exactly that note → its offset; else, when the cell shows the note of another flag,
 * null (moved, left alone); else (the user edited or removed the note) no offset. Flags that
 * never had a note (written by a host without notes) are undone where recorded, by fill only.
 */
function flagOffsets(wb: ExcelJS.Workbook, flags: readonly RecordFlag[]): Map<string, { rows: number; cols: number } | null> {
  const notes = new Map<string, string[]>();
  for (const f of flags) {
    const k = anchorKey(f);
    if (!notes.has(k)) notes.set(k, []);
    if (f.note !== undefined && f.note !== "") notes.get(k)?.push(f.note);
  }
  const allNotes = new Set([...notes.values()].flat());
  const indexes = new Map<ExcelJS.Worksheet, Map<string, Array<{ row: number; col: number }>>>();
  const out = new Map<string, { rows: number; cols: number } | null>();
  for (const f of flags) {
    const k = anchorKey(f);
    if (out.has(k)) continue;
    const recorded = notes.get(k) ?? [];
    const ws = findSheet(wb, f.sheet);
    if (!ws || recorded.length === 0) {
      out.set(k, { rows: 0, cols: 0 });
      continue;
    }
    const now = noteText(sheetCell(ws, f.top + 1, f.left + 1).note);
    if (now !== null && recorded.includes(now)) {
      out.set(k, { rows: 0, cols: 0 });
      continue;
    }
    let index = indexes.get(ws);
    if (!index) {
      index = notesIndex(ws);
      indexes.set(ws, index);
    }
    const found = recorded.flatMap((n) => index.get(n) ?? []);
    if (found.length === 1) out.set(k, { rows: (found[0] as { row: number }).row - f.top, cols: (found[0] as { col: number }).col - f.left });
    // Not found, and the cell shows another flag's note: it moved, and where is not known.
    else if (now !== null && allNotes.has(now)) out.set(k, null);
    // The user edited or removed the note: undone in place (fills only where still the add-in's).
    else out.set(k, { rows: 0, cols: 0 });
  }
  return out;
}

/** Every note of a sheet by its text, with the (zero-based) cells that hold it. */
function notesIndex(ws: ExcelJS.Worksheet): Map<string, Array<{ row: number; col: number }>> {
  const index = new Map<string, Array<{ row: number; col: number }>>();
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const text = noteText(cell.note);
      if (text === null) return;
      const list = index.get(text) ?? [];
      list.push({ row: rowNumber - 1, col: colNumber - 1 });
      index.set(text, list);
    });
  });
  return index;
}

function plainCellValue(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Owned sheets.

function writeOwnedSheet(
  wb: ExcelJS.Workbook,
  sheet: OwnedSheet,
  previouslyOwned: ReadonlySet<string>,
  userTables: Set<string>,
  record: OwnershipRecord,
  report: ApplyReport,
  styles: SharedStyles,
): void {
  const existing = findSheet(wb, sheet.name);
  if (existing && sheet.keepIfExists) {
    // The add-in's own (by the record, or by its marker when the record was lost), or the user's.
    if (previouslyOwned.has(existing.name.toLowerCase()) || generated(existing)) {
      record.sheets.push(existing.name);
      for (const t of tableNames(existing)) record.tables.push(t);
    } else record.keptSheets?.push(existing.name);
    if (sheet.key) (record.sheetKeys ??= {})[sheet.key] = existing.name;
    return;
  }
  if (existing) {
    // A generated sheet whose record was lost (copied workbook, older state): still the add-in's.
    if (generated(existing)) {
      wb.removeWorksheet(existing.id);
      report.sheetsRemoved.push(existing.name);
    } else {
      report.messages.push({
        code: "sheet-name-taken",
        severity: "error",
        sheet: sheet.name,
        message: `Il foglio «${sheet.name}» esiste già ed è dell'utente: le tabelle di questo foglio non sono state scritte. Ripetere l'analisi sulla cartella attuale.`,
      });
      return;
    }
  }
  const ws = wb.addWorksheet(sheet.name);
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  for (const [col, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
  for (const table of sheet.tables) {
    const name = writeTable(ws, table, userTables, styles);
    record.tables.push(name);
    if (name !== table.name) {
      report.messages.push({
        code: "table-name-taken",
        severity: "info",
        sheet: sheet.name,
        message: `La cartella ha già una tabella «${table.name}»: la tabella del componente si chiama «${name}».`,
      });
    }
  }
  for (const cell of sheet.cells) writeCell(ws, cell, styles);
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
  record.sheets.push(ws.name);
  if (sheet.key) (record.sheetKeys ??= {})[sheet.key] = ws.name;
  report.sheetsWritten.push(ws.name);
}

/** A generated sheet that lost its record: the A1 marker and one of the add-in's tables. */
const generated = (ws: ExcelJS.Worksheet): boolean => isGeneratedSheet(sheetCell(ws, 1, 1).value, tableNames(ws));

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

/** Writes a table; returns the name used (the plan's, or with "_SO" when a user table has it). */
function writeTable(ws: ExcelJS.Worksheet, spec: TableSpec, userTables: Set<string>, styles: SharedStyles): string {
  let name = spec.name;
  for (let i = 2; userTables.has(name.toLowerCase()); i++) name = `${spec.name}_SO${i === 2 ? "" : i}`;
  userTables.add(name.toLowerCase());
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
  return name;
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

function writeCell(ws: ExcelJS.Worksheet, w: CellWrite, styles: SharedStyles): void {
  const cell = sheetCell(ws, w.row + 1, w.col + 1);
  const value = excelValue(w.content);
  cell.value = w.link ? { text: value === null ? w.link : String(value), hyperlink: `#${w.link}` } : value;
  const style = cellStyle(cell.style, w.style, w.content.kind === "date");
  if (w.link) style.font = { ...style.font, ...LINK_FONT };
  cell.style = styles.get(style);
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

// ---------------------------------------------------------------------------------------------
// Flags and added cells.

function writeFlags(wb: ExcelJS.Workbook, flags: readonly CellFlag[], record: OwnershipRecord, report: ApplyReport): void {
  const skipped = new Set<string>();
  const usable: { flag: CellFlag; ws: ExcelJS.Worksheet; entry: OwnershipRecord["flags"][number] }[] = [];
  // Every original is read before any flag is written: where flags overlap, both keep the true original.
  for (const flag of flags) {
    const ws = findSheet(wb, flag.sheet);
    if (!ws || isProtected(ws)) {
      if (!skipped.has(flag.sheet)) {
        skipped.add(flag.sheet);
        report.messages.push(flagSkippedMessage(flag.sheet, ws ? ws.name : null));
      }
      continue;
    }
    const originalFills: (string | null)[] = [];
    const originalNotes: (string | null)[] = [];
    const originalNoteModels: (string | null)[] = [];
    const originalStyleModels: (string | null)[] = [];
    for (let r = flag.top; r <= flag.bottom; r++) {
      for (let c = flag.left; c <= flag.right; c++) {
        const cell = sheetCell(ws, r + 1, c + 1);
        originalFills.push(fillToRecord(cell.fill));
        originalNotes.push(noteText(cell.note));
        originalNoteModels.push(noteModelToRecord(cell.note));
        originalStyleModels.push(cell.type === ExcelJSValueType.Null ? JSON.stringify(cell.style ?? {}) : null);
      }
    }
    usable.push({
      flag,
      ws,
      entry: {
        sheet: ws.name,
        top: flag.top,
        left: flag.left,
        bottom: flag.bottom,
        right: flag.right,
        originalFills,
        originalNotes,
        originalNoteModels,
        ...(originalStyleModels.some((m) => m !== null) ? { originalStyleModels } : {}),
        fill: flag.fill,
      },
    });
  }
  for (const { flag, ws, entry } of usable) {
    const fill = solidFill(flag.fill);
    for (let r = flag.top; r <= flag.bottom; r++) {
      for (let c = flag.left; c <= flag.right; c++) setFill(sheetCell(ws, r + 1, c + 1), fill);
    }
    if (flag.note !== "") {
      const anchor = sheetCell(ws, flag.top + 1, flag.left + 1);
      const original = entry.originalNotes[0] ?? null;
      // The user's own note stays readable under the add-in's message.
      const note = original ? `${flag.note}\n\n— Nota originale —\n${original}` : flag.note;
      anchor.note = note;
      entry.note = note;
    }
    record.flags.push(entry);
    report.flagsWritten += 1;
  }
}

function writeAddedCells(wb: ExcelJS.Workbook, cells: readonly CellWrite[], record: OwnershipRecord, report: ApplyReport): void {
  for (const w of cells) {
    const ws = findSheet(wb, w.sheet);
    const at = `${columnToLetters(w.col)}${w.row + 1}`;
    if (!ws || isProtected(ws)) {
      report.messages.push({
        code: "added-cell-skipped",
        severity: "warning",
        sheet: w.sheet,
        range: at,
        message: ws
          ? `Il foglio «${ws.name}» è protetto: la colonna «${w.content.kind === "text" ? w.content.text : ""}» (cella ${at}) non è stata aggiunta.`
          : `Il foglio «${w.sheet}» non esiste più: la cella ${at} non è stata aggiunta.`,
      });
      continue;
    }
    const cell = sheetCell(ws, w.row + 1, w.col + 1);
    const value = excelValue(w.content);
    // Only an empty cell outside merged areas: the add-in never writes over what people typed.
    if ((cell.value !== null && cell.value !== undefined && cell.value !== "") || cell.isMerged || value === null) {
      report.messages.push({
        code: "added-cell-skipped",
        severity: "info",
        sheet: ws.name,
        range: at,
        message: `La cella ${at} del foglio «${ws.name}» non è vuota: la colonna non è stata aggiunta.`,
      });
      continue;
    }
    cell.value = value;
    record.addedCells.push({ sheet: ws.name, row: w.row, col: w.col, written: plainCellValue(value) });
    report.cellsWritten += 1;
  }
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
