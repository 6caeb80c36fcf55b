/**
 * WritePlan + what is in the workbook now → the list of Office.js operations to queue, and the
 * ownership record to store. Pure, so that every rule of "write back without losing anything"
 * is tested without Office:
 *
 * - the previous run is undone first (later flags first): a flagged cell that still shows the
 *   add-in's fill gets its original fill back (a cell the user re-coloured keeps its colour),
 *   a note the add-in wrote gets the user's original back only if nobody changed it, an added
 *   cell is cleared only if it still holds what the add-in wrote, the add-in's sheets go;
 * - a user value is never overwritten: added cells go only where the cell is empty, a sheet the
 *   add-in does not own (by the record, or the generated-sheet marker in A1) is never replaced;
 * - a flag's note goes on its top-left cell; a user note already there stays under it;
 * - the record is written first, so that a write interrupted halfway can still be undone.
 *
 * These are the ExcelJS host's rules (src/hosts/xlsx/apply.ts), so that either host can undo
 * what the other wrote.
 */
import {
  OWNED_SHEET_MARKER,
  UNREADABLE_STATE_CLEARED,
  UNREADABLE_STATE_MESSAGE,
  encodeOwnershipRecord,
  isGeneratedSheet,
  isStateSheetName,
  lostSheetMessage,
  verifyOwnershipRecord,
} from "../../engine/write/ownership";
import {
  STATE_SHEET,
  type ApplyReport,
  type CellFlag,
  type CellStyle,
  type CellWrite,
  type OwnedSheet,
  type OwnershipRecord,
  type PageSetup,
  type TableSpec,
  type WriteMessage,
  type WritePlan,
} from "../../engine/write/types";
import { toA1 } from "../../engine/cells/a1";
import { type Bounds, type SheetBounds, cellCount, intersects } from "./address";
import type { AnnotationMode } from "./capabilities";
import { type CellInput, charsToPoints, literalText, toCellInput } from "./cell-input";
import { ACTION_OVERHEAD_BYTES, OBJECT_BYTES } from "./limits";
import { flagSkippedMessage } from "../../engine/write/host-messages";

/** A fill as Office.js reports it: "#RRGGBB", or null for no fill. */
export type Fill = string | null;

/** One Office.js operation, as data. */
export type WriteOp =
  | { kind: "deleteSheet"; sheet: string }
  | { kind: "addSheet"; sheet: string; veryHidden?: boolean; tabColor?: string }
  | { kind: "hideSheet"; sheet: string }
  /** Moves a sheet to a tab position (zero-based). */
  | { kind: "moveSheet"; sheet: string; position: number }
  | { kind: "clear"; sheet: string; bounds: Bounds; applyTo: "Contents" | "ContentsAndFormats" }
  | { kind: "formulas"; sheet: string; bounds: Bounds; formulas: CellInput[][] }
  | { kind: "numberFormat"; sheet: string; bounds: Bounds; formats: string[][] }
  | { kind: "style"; sheet: string; bounds: Bounds; style: Omit<CellStyle, "numberFormat" | "fill"> }
  | { kind: "fill"; sheet: string; bounds: Bounds; color: string }
  /** Per-cell fills, row-major; undefined leaves a cell as it is. */
  | { kind: "restoreFills"; sheet: string; bounds: Bounds; fills: (Fill | undefined)[][] }
  | { kind: "columnWidth"; sheet: string; col: number; points: number }
  | { kind: "freeze"; sheet: string; rows: number; cols: number }
  /** Print settings (ExcelApi 1.9 pageLayout). */
  | { kind: "pageLayout"; sheet: string; setup: PageSetup }
  /** A conditional-format data bar from min to max (numbers). */
  | { kind: "dataBar"; sheet: string; bounds: Bounds; min: number; max: number; color: string }
  /** A page break above zero-based `row`. */
  | { kind: "pageBreak"; sheet: string; row: number }
  | { kind: "table"; sheet: string; bounds: Bounds; name: string; style: string; bandedRows: boolean }
  | { kind: "link"; sheet: string; row: number; col: number; target: string; text: string }
  | { kind: "addNote"; sheet: string; row: number; col: number; text: string }
  | { kind: "setNote"; sheet: string; row: number; col: number; text: string }
  | { kind: "deleteNote"; sheet: string; row: number; col: number }
  | { kind: "addComment"; sheet: string; row: number; col: number; text: string }
  | { kind: "deleteComment"; id: string };

/** Where a sheet stands, as far as writing goes. */
export interface SheetInfo {
  name: string;
  visibility: string;
  protected: boolean;
  /**
   * Names of the Excel tables on the sheet: the add-in's identity on its sheets (see
   * verifyOwnershipRecord). Absent: not known, the record's names are trusted as they are.
   */
  tables?: string[];
}

/** A threaded comment found in the workbook (comments mode). */
export interface ExistingComment {
  id: string;
  content: string;
  /** Location; null when it could not be read. */
  sheet: string | null;
  row: number;
  col: number;
}

/** What a cell holds now. */
export interface CellNow {
  value: unknown;
  formula: unknown;
}

/** What the planner needs to know about the workbook, read by the host just before writing. */
export interface WriteState {
  /** Sheets by lower-case name (Excel compares sheet names ignoring case). */
  sheets: ReadonlyMap<string, SheetInfo>;
  /** Table names in the workbook, lower case. */
  tables: ReadonlySet<string>;
  /** The previous run's record; null when there is none or it is unreadable. */
  record: OwnershipRecord | null;
  recordUnreadable: boolean;
  /** Current fills of each new flag's cells, row-major, by `rangeKey`. */
  fills: ReadonlyMap<string, readonly Fill[]>;
  /** Current note at a cell (notes mode), by `cellKey`; cells not read are absent. */
  notes: ReadonlyMap<string, string | null>;
  comments: readonly ExistingComment[];
  /** Current value and formula of cells, by `cellKey`. */
  cells: ReadonlyMap<string, CellNow>;
}

/** What to write: a whole plan, nothing (remove everything), or one card's flags. */
export type WriteMode =
  | { kind: "apply"; plan: WritePlan }
  | { kind: "clear" }
  | { kind: "flags"; scope: SheetBounds; flags: CellFlag[] };

export interface WriteProgram {
  ops: WriteOp[];
  /** The record to store; null means "remove the state sheet" (nothing is owned any more). */
  record: OwnershipRecord | null;
  report: ApplyReport;
  /** Ranges whose cells the program changes (to ignore their change events). */
  touched: SheetBounds[];
}

/** Text the add-in's notes and comments start with (see engine/write/flags noteText). */
export const ANNOTATION_MARKER = "Schede Obiettivo ·";

/** Put between the add-in's note and the user's note kept under it (as the ExcelJS host does). */
export const ORIGINAL_NOTE_HEADING = "\n\n— Nota originale —\n";

export const cellKey = (sheet: string, row: number, col: number): string => `${sheet.toLowerCase()}\u0000${row}:${col}`;
export const rangeKey = (sheet: string, b: Bounds): string => `${sheet.toLowerCase()}\u0000${b.top}:${b.left}:${b.bottom}:${b.right}`;

/** What the host must read before planning: computed from the plan and a (cached) record. */
export interface StateNeeds {
  /** Ranges whose current per-cell fills are needed: new flags, and previous flags to undo. */
  fillRanges: SheetBounds[];
  /** Cells whose current note is needed (notes mode). */
  noteCells: Array<{ sheet: string; row: number; col: number }>;
  /** Cells whose current value and formula are needed (added cells, A1 of sheets in the way). */
  cells: Array<{ sheet: string; row: number; col: number }>;
}

type RecordFlag = OwnershipRecord["flags"][number];
type RecordCell = OwnershipRecord["addedCells"][number];

/**
 * The reads needed to plan `mode` given `record` (the previous run's, or the host's cached copy
 * of it) on the sheets that exist and are not protected.
 */
export function stateNeeds(
  mode: WriteMode,
  record: OwnershipRecord | null,
  sheets: ReadonlyMap<string, SheetInfo>,
  annotation: AnnotationMode,
): StateNeeds {
  const writable = (sheet: string): boolean => {
    const info = sheets.get(sheet.toLowerCase());
    return info !== undefined && !info.protected;
  };
  const needs: StateNeeds = { fillRanges: [], noteCells: [], cells: [] };
  const seenRanges = new Set<string>();
  const addRange = (sheet: string, b: Bounds): void => {
    const k = rangeKey(sheet, b);
    if (seenRanges.has(k) || !writable(sheet)) return;
    seenRanges.add(k);
    needs.fillRanges.push({ sheet, ...boundsOf(b) });
  };
  const seenNotes = new Set<string>();
  const addNote = (sheet: string, row: number, col: number): void => {
    const k = cellKey(sheet, row, col);
    if (seenNotes.has(k) || !writable(sheet)) return;
    seenNotes.add(k);
    needs.noteCells.push({ sheet, row, col });
  };
  const seenCells = new Set<string>();
  const addCell = (sheet: string, row: number, col: number, evenIfProtected = false): void => {
    const k = cellKey(sheet, row, col);
    if (seenCells.has(k) || (!evenIfProtected && !writable(sheet)) || !sheets.has(sheet.toLowerCase())) return;
    seenCells.add(k);
    needs.cells.push({ sheet, row, col });
  };
  for (const f of newFlagsOf(mode)) {
    addRange(f.sheet, f);
    if (annotation === "note" && f.note !== "") addNote(f.sheet, f.top, f.left);
  }
  for (const f of undoneFlags(mode, record)) {
    addRange(f.sheet, f);
    if (annotation === "note" && f.note !== undefined && f.originalNotes.length > 0) addNote(f.sheet, f.top, f.left);
  }
  if (mode.kind === "apply") {
    for (const c of mode.plan.addedCells) addCell(c.sheet, c.row, c.col);
    const owned = new Set((record?.sheets ?? []).map((n) => n.toLowerCase()));
    // A sheet in the way that is not in the record may still be a generated one (marker in A1).
    for (const sheet of mode.plan.sheets) if (!owned.has(sheet.name.toLowerCase())) addCell(sheet.name, 0, 0, true);
  }
  if (mode.kind !== "flags" && !keepsAddedCells(mode)) for (const c of record?.addedCells ?? []) addCell(c.sheet, c.row, c.col);
  return needs;
}

/**
 * A plan built without the ownership record (`ownershipSeen: false`, snapshots without SO_Stato)
 * took the add-in's earlier review headers for the user's and did not list them again: they stay
 * where they are, and stay the add-in's (as src/hosts/xlsx/apply.ts does), so `clear` still
 * removes them.
 */
const keepsAddedCells = (mode: WriteMode): boolean => mode.kind === "apply" && mode.plan.ownershipSeen === false;

const newFlagsOf = (mode: WriteMode): readonly CellFlag[] => (mode.kind === "apply" ? mode.plan.flags : mode.kind === "flags" ? mode.flags : []);

/** The previous flags a mode undoes: all of them, or those touching the card being refreshed. */
function undoneFlags(mode: WriteMode, record: OwnershipRecord | null): RecordFlag[] {
  const flags = record?.flags ?? [];
  if (mode.kind !== "flags") return flags;
  return flags.filter((f) => sameSheet(f.sheet, mode.scope.sheet) && intersects(f, mode.scope));
}

const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const sameFill = (a: Fill | undefined, b: Fill | undefined): boolean => (a ?? null)?.toUpperCase() === (b ?? null)?.toUpperCase();

/**
 * An originalFills entry → an Office.js fill. "#RRGGBB" is a solid colour; a JSON object is the
 * ExcelJS fill model (a file annotated by the CLI): its solid fgColor, or no fill otherwise.
 */
export function parseRecordedFill(entry: string | null | undefined): Fill {
  if (entry === null || entry === undefined) return null;
  if (/^#[0-9A-Fa-f]{6}$/.test(entry)) return entry.toUpperCase();
  if (!entry.startsWith("{")) return null;
  try {
    const model = JSON.parse(entry) as { type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } };
    const argb = model.fgColor?.argb;
    if (model.type === "pattern" && model.pattern === "solid" && typeof argb === "string" && /^[0-9A-Fa-f]{8}$/.test(argb)) {
      return `#${argb.slice(2).toUpperCase()}`;
    }
  } catch {
    // A damaged entry restores to "no fill", never to a made-up colour.
  }
  return null;
}

/** The plain value of a cell now, as the record's `written` compares it. */
function plainNow(now: CellNow | undefined): string | number | boolean | null {
  if (now === undefined) return null;
  if (typeof now.formula === "string" && now.formula.startsWith("=") && now.formula !== now.value) return now.formula;
  const v = now.value;
  if (v === "" || v === null || v === undefined) return null;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

/** Whether a cell still holds what the add-in wrote (`written` as in the record; absent: yes). */
export function stillWritten(now: CellNow | undefined, written: RecordCell["written"]): boolean {
  if (written === undefined) return true;
  return plainNow(now) === written;
}

function isEmpty(now: CellNow | undefined): boolean {
  return now !== undefined && plainNow(now) === null;
}

/** What the record says the add-in wrote for a content (text as text, a formula with "="). */
function writtenOf(content: CellWrite["content"]): RecordCell["written"] {
  if (content.kind === "text") return content.text === "" ? null : content.text;
  const { input } = toCellInput(content);
  return input === "" ? null : input;
}

/** Per-cell current fills from the reads of whole ranges. */
function fillsByCell(state: WriteState): Map<string, Fill> {
  const out = new Map<string, Fill>();
  for (const [key, fills] of state.fills) {
    const [sheet, pos] = key.split("\u0000") as [string, string];
    const [top, left, , right] = pos.split(":").map(Number) as [number, number, number, number];
    const width = right - left + 1;
    fills.forEach((f, i) => out.set(cellKey(sheet, top + Math.floor(i / width), left + (i % width)), f));
  }
  return out;
}

/** Plans the operations for `mode`. Throws only when the state sheet is a user's sheet. */
export function planWrite(mode: WriteMode, state: WriteState, annotation: AnnotationMode): WriteProgram {
  const stateInfo = state.sheets.get(STATE_SHEET.toLowerCase());
  if (state.recordUnreadable) return unreadableProgram(mode, stateInfo);
  const identities = [...state.sheets.values()];
  const verified =
    state.record && identities.every((s) => s.tables !== undefined)
      ? verifyOwnershipRecord(state.record, identities.map((s) => ({ name: s.name, tables: s.tables ?? [], a1: state.cells.get(cellKey(s.name, 0, 0))?.value })))
      : null;
  if (verified) state = { ...state, record: verified.record };
  const prev: OwnershipRecord = state.record ?? { version: 1, sheets: [], tables: [], flags: [], addedCells: [] };
  const info = (sheet: string): SheetInfo | undefined => state.sheets.get(sheet.toLowerCase());
  const exists = (sheet: string): boolean => info(sheet) !== undefined;
  const writable = (sheet: string): boolean => info(sheet)?.protected === false;
  const messages: WriteMessage[] = mode.kind === "apply" ? [...(mode.plan.messages ?? [])] : [];
  if (mode.kind !== "flags") {
    for (const name of verified?.lost ?? []) messages.push({ code: "sheet-no-longer-owned", severity: "info", sheet: name, message: lostSheetMessage(name) });
  }
  const report: ApplyReport = { sheetsRemoved: [], sheetsWritten: [], flagsRemoved: 0, flagsWritten: 0, cellsRemoved: 0, cellsWritten: 0, messages };
  const touched: SheetBounds[] = [];
  const undoOps: WriteOp[] = [];
  const sheetOps: WriteOp[] = [];
  const applyOps: WriteOp[] = [];

  // ---- Flags: undo the previous ones in scope (later first), keep the others ----
  const fills = fillsByCell(state);
  const undone = new Set(undoneFlags(mode, state.record));
  const carriedFlags: RecordFlag[] = [];
  /** Note each anchor cell has once the previous flags are undone (only cells that were read). */
  const noteAfterUndo = new Map<string, string | null>(state.notes);
  // The notes the add-in wrote, by top-left cell: a flag whose cell shows another cell's note has
  // moved (rows inserted above it); it is left alone, as the xlsx host does when it cannot find
  // it elsewhere.
  const recordedNotes = new Map<string, string[]>();
  for (const f of prev.flags) {
    if (f.note === undefined || f.note === "") continue;
    const k = cellKey(f.sheet, f.top, f.left);
    recordedNotes.set(k, [...(recordedNotes.get(k) ?? []), f.note]);
  }
  const allNotes = new Set([...recordedNotes.values()].flat());
  // Moved: its cell now shows a note the add-in wrote for another cell (a note the user edited or
  // removed is no sign of a move: the fills come back where they still are the add-in's).
  const moved = (f: RecordFlag): boolean => {
    const k = cellKey(f.sheet, f.top, f.left);
    const now = state.notes.get(k) ?? null;
    if (annotation !== "note" || now === null) return false;
    return allNotes.has(now) && !(recordedNotes.get(k) ?? []).includes(now);
  };
  const lostFlags = new Set<string>();
  for (const f of [...prev.flags].reverse()) {
    if (!exists(f.sheet)) continue; // the sheet is gone, and the flag with it
    if (!undone.has(f) || !writable(f.sheet)) {
      carriedFlags.unshift(f);
      continue;
    }
    if (moved(f)) {
      const name = info(f.sheet)?.name ?? f.sheet;
      if (!lostFlags.has(name.toLowerCase())) {
        lostFlags.add(name.toLowerCase());
        messages.push({
          code: "flag-not-found",
          severity: "warning",
          sheet: name,
          message: `Alcune celle segnalate dal componente nel foglio «${name}» non sono più dove erano (righe o colonne inserite?): i loro colori restano come sono e vanno tolti a mano.`,
        });
      }
      continue;
    }
    report.flagsRemoved++;
    touched.push({ sheet: f.sheet, ...boundsOf(f) });
    const width = f.right - f.left + 1;
    const height = f.bottom - f.top + 1;
    const grid: (Fill | undefined)[][] = [];
    let any = false;
    for (let r = 0; r < height; r++) {
      const row: (Fill | undefined)[] = [];
      for (let c = 0; c < width; c++) {
        const i = r * width + c;
        const k = cellKey(f.sheet, f.top + r, f.left + c);
        // Only cells that still show the add-in's fill: a cell re-coloured since keeps its colour.
        const ours = f.fill === undefined || sameFill(fills.get(k), f.fill);
        if (ours && i < f.originalFills.length) {
          const original = parseRecordedFill(f.originalFills[i]);
          row.push(original);
          fills.set(k, original);
          any = true;
        } else row.push(undefined);
      }
      grid.push(row);
    }
    if (any) undoOps.push({ kind: "restoreFills", sheet: f.sheet, bounds: boundsOf(f), fills: grid });
    if (f.note !== undefined && f.note !== "" && f.originalNotes.length > 0) {
      const k = cellKey(f.sheet, f.top, f.left);
      if (annotation === "note") {
        // The user's note comes back only if the cell still shows the add-in's text.
        if (state.notes.get(k) === f.note) noteAfterUndo.set(k, f.originalNotes[0] ?? null);
      } else {
        // This Excel cannot touch notes: keep the note part for a host that can.
        carriedFlags.push({ ...f, originalFills: [] });
      }
    }
  }

  // Comments the add-in wrote (recognised by their first line), in scope.
  const commentCells = new Set<string>();
  for (const c of state.comments) {
    const ours = c.content.startsWith(ANNOTATION_MARKER);
    const inScope =
      mode.kind !== "flags" ||
      (c.sheet !== null && sameSheet(c.sheet, mode.scope.sheet) && intersects({ top: c.row, left: c.col, bottom: c.row, right: c.col }, mode.scope));
    if (ours && inScope) undoOps.push({ kind: "deleteComment", id: c.id });
    else if (c.sheet !== null) commentCells.add(cellKey(c.sheet, c.row, c.col));
  }

  // ---- Added cells: clear the previous ones that still hold what was written ----
  const carriedCells: RecordCell[] = [];
  if (mode.kind === "flags" || keepsAddedCells(mode)) carriedCells.push(...prev.addedCells);
  else {
    for (const c of prev.addedCells) {
      if (!exists(c.sheet)) continue;
      if (!writable(c.sheet)) {
        carriedCells.push(c);
        continue;
      }
      const at = toA1({ row: c.row, col: c.col });
      if (!stillWritten(state.cells.get(cellKey(c.sheet, c.row, c.col)), c.written)) {
        messages.push({
          code: "added-cell-kept",
          severity: "info",
          sheet: c.sheet,
          range: at,
          message: `La cella ${at} del foglio «${c.sheet}», aggiunta dal componente, è stata modificata dall'utente e viene lasciata com'è.`,
        });
        continue;
      }
      undoOps.push({ kind: "clear", sheet: c.sheet, bounds: cellBounds(c.row, c.col), applyTo: "ContentsAndFormats" });
      touched.push({ sheet: c.sheet, ...cellBounds(c.row, c.col) });
      report.cellsRemoved++;
    }
  }

  // ---- Sheets ----
  let recordSheets: string[] = mode.kind === "flags" ? [...prev.sheets] : [];
  let recordTables: string[] = mode.kind === "flags" ? [...prev.tables] : [];
  let keptSheets: string[] = mode.kind === "clear" ? [] : [...(prev.keptSheets ?? [])];
  let sheetKeys: OwnershipRecord["sheetKeys"] = mode.kind === "flags" && prev.sheetKeys ? { ...prev.sheetKeys } : undefined;
  if (mode.kind === "clear") {
    for (const s of prev.sheets) {
      const found = info(s);
      if (!found) continue;
      sheetOps.push({ kind: "deleteSheet", sheet: found.name });
      report.sheetsRemoved.push(found.name);
    }
  }
  if (mode.kind === "apply") {
    const keep = new Set(mode.plan.sheets.filter((s) => s.keepIfExists).map((s) => s.name.toLowerCase()));
    const owned = new Set(prev.sheets.map((s) => s.toLowerCase()));
    for (const s of prev.sheets) {
      const found = info(s);
      if (!found || keep.has(s.toLowerCase())) continue;
      sheetOps.push({ kind: "deleteSheet", sheet: found.name });
      report.sheetsRemoved.push(found.name);
    }
    const takenTables = new Set([...state.tables].filter((t) => !prev.tables.some((p) => p.toLowerCase() === t)));
    keptSheets = keptSheets.filter((s) => exists(s));
    sheetKeys = {};
    for (const sheet of mode.plan.sheets) {
      const found = info(sheet.name);
      if (found && sheet.keepIfExists) {
        if (owned.has(found.name.toLowerCase())) {
          recordSheets.push(found.name);
          recordTables.push(...sheet.tables.map((t) => t.name).filter((t) => state.tables.has(t.toLowerCase())));
        } else if (!keptSheets.some((k) => sameSheet(k, found.name))) keptSheets.push(found.name);
        if (sheet.key) sheetKeys[sheet.key] = found.name;
        continue;
      }
      if (found && !owned.has(found.name.toLowerCase())) {
        const a1 = state.cells.get(cellKey(found.name, 0, 0))?.value;
        // The marker alone is text anybody may type: a generated sheet also holds an SO_ table.
        const generated = found.tables === undefined ? typeof a1 === "string" && a1.startsWith(OWNED_SHEET_MARKER) : isGeneratedSheet(a1, found.tables);
        if (!generated || isStateSheetName(found.name)) {
          messages.push({
            code: "sheet-name-taken",
            severity: "error",
            sheet: sheet.name,
            message: `Il foglio «${sheet.name}» esiste già ed è dell'utente: le tabelle di questo foglio non sono state scritte. Ripetere l'analisi sulla cartella attuale.`,
          });
          continue;
        }
        // A generated sheet whose record was lost (a copied workbook): still the add-in's.
        sheetOps.push({ kind: "deleteSheet", sheet: found.name });
        report.sheetsRemoved.push(found.name);
      }
      recordTables.push(...writeOwnedSheet(sheet, sheetOps, takenTables, messages));
      touched.push({ sheet: sheet.name, top: 0, left: 0, bottom: 1_048_575, right: 16_383 });
      recordSheets.push(sheet.name);
      if (sheet.key) sheetKeys[sheet.key] = sheet.name;
      report.sheetsWritten.push(sheet.name);
    }
    recordSheets = dedupe(recordSheets);
    recordTables = dedupe(recordTables);

    // A kept sheet (Metodologia) stays where it was while the others are added at the end: move
    // it and the sheets after it to the end, in the plan's order, so the tabs keep that order.
    const firstKept = mode.plan.sheets.findIndex((sheet) => sheet.keepIfExists && exists(sheet.name));
    if (firstKept >= 0) {
      // The state sheet is added too when missing (apply always keeps a record).
      const added = sheetOps.filter((op) => op.kind === "addSheet").length + (stateInfo ? 0 : 1);
      const deleted = sheetOps.filter((op) => op.kind === "deleteSheet").length;
      const last = state.sheets.size + added - deleted - 1;
      const placed = new Set([...report.sheetsWritten, ...recordSheets, ...keptSheets].map((n) => n.toLowerCase()));
      for (const sheet of mode.plan.sheets.slice(firstKept)) {
        const name = info(sheet.name)?.name ?? sheet.name;
        if (placed.has(name.toLowerCase())) sheetOps.push({ kind: "moveSheet", sheet: name, position: last });
      }
    }
  }

  // ---- New flags: every original is known before any flag is written ----
  const newFlagRecords: RecordFlag[] = [];
  const finalNotes = new Map<string, { sheet: string; row: number; col: number; text: string | null }>();
  const reported = new Set<string>();
  const entries: Array<{ flag: CellFlag; entry: RecordFlag }> = [];
  for (const f of newFlagsOf(mode)) {
    const found = info(f.sheet);
    if (!found || found.protected) {
      if (!reported.has(f.sheet.toLowerCase())) {
        reported.add(f.sheet.toLowerCase());
        messages.push(flagSkippedMessage(f.sheet, found ? found.name : null));
      }
      continue;
    }
    const width = f.right - f.left + 1;
    const originalFills: (string | null)[] = [];
    for (let i = 0; i < cellCount(f); i++) originalFills.push(fills.get(cellKey(f.sheet, f.top + Math.floor(i / width), f.left + (i % width))) ?? null);
    entries.push({ flag: f, entry: { ...boundsOf(f), sheet: f.sheet, originalFills, originalNotes: [], fill: f.fill } });
  }
  for (const { flag: f, entry } of entries) {
    applyOps.push({ kind: "fill", sheet: f.sheet, bounds: boundsOf(f), color: f.fill });
    touched.push({ sheet: f.sheet, ...boundsOf(f) });
    report.flagsWritten++;
    const k = cellKey(f.sheet, f.top, f.left);
    // The engine gives one note per top-left cell (the others are ""); a second one is skipped.
    if (f.note !== "" && !finalNotes.has(k)) {
      if (annotation === "note") {
        const before = noteAfterUndo.get(k) ?? null;
        const text = before ? `${f.note}${ORIGINAL_NOTE_HEADING}${before}` : f.note;
        finalNotes.set(k, { sheet: f.sheet, row: f.top, col: f.left, text });
        entry.originalNotes = [before];
        entry.note = text;
      } else if (annotation === "comment" && !commentCells.has(k)) {
        applyOps.push({ kind: "addComment", sheet: f.sheet, row: f.top, col: f.left, text: f.note });
        commentCells.add(k); // one comment per cell; a user's comment there is left alone
      }
    }
    newFlagRecords.push(entry);
  }

  // Notes: one operation per cell, from what it has now to what it must have.
  if (annotation === "note") {
    for (const [k, after] of noteAfterUndo) {
      if (finalNotes.has(k) || after === (state.notes.get(k) ?? null)) continue;
      const [sheet, row, col] = splitCellKey(k, state);
      if (sheet !== null) finalNotes.set(k, { sheet, row, col, text: after });
    }
    for (const [k, want] of finalNotes) {
      const now = state.notes.get(k) ?? null;
      if (want.text === now) continue;
      if (want.text === null) applyOps.push({ kind: "deleteNote", sheet: want.sheet, row: want.row, col: want.col });
      else if (now === null) applyOps.push({ kind: "addNote", sheet: want.sheet, row: want.row, col: want.col, text: want.text });
      else applyOps.push({ kind: "setNote", sheet: want.sheet, row: want.row, col: want.col, text: want.text });
    }
  }

  // ---- New added cells: only where empty ----
  const newCellRecords: RecordCell[] = [];
  if (mode.kind === "apply") {
    const cleared = new Set(undoOps.flatMap((op) => (op.kind === "clear" ? [cellKey(op.sheet, op.bounds.top, op.bounds.left)] : [])));
    for (const c of mode.plan.addedCells) {
      const at = toA1({ row: c.row, col: c.col });
      const found = info(c.sheet);
      if (!found || found.protected) {
        messages.push({
          code: "added-cell-skipped",
          severity: "warning",
          sheet: c.sheet,
          range: at,
          message: found
            ? `Il foglio «${found.name}» è protetto: la colonna «${c.content.kind === "text" ? c.content.text : ""}» (cella ${at}) non è stata aggiunta.`
            : `Il foglio «${c.sheet}» non esiste più: la cella ${at} non è stata aggiunta.`,
        });
        continue;
      }
      const k = cellKey(c.sheet, c.row, c.col);
      if (!cleared.has(k) && !isEmpty(state.cells.get(k))) {
        messages.push({
          code: "added-cell-skipped",
          severity: "info",
          sheet: found.name,
          range: at,
          message: `La cella ${at} del foglio «${found.name}» non è vuota: la colonna non è stata aggiunta.`,
        });
        continue;
      }
      writeCell(c, applyOps);
      touched.push({ sheet: c.sheet, ...cellBounds(c.row, c.col) });
      newCellRecords.push({ sheet: found.name, row: c.row, col: c.col, written: writtenOf(c.content) });
      report.cellsWritten++;
    }
  }

  // ---- The record, written first ----
  const record: OwnershipRecord = {
    version: 1,
    sheets: recordSheets,
    tables: recordTables,
    flags: [...carriedFlags, ...newFlagRecords],
    addedCells: [...carriedCells, ...newCellRecords],
  };
  if (sheetKeys && Object.keys(sheetKeys).length > 0) record.sheetKeys = sheetKeys;
  if (keptSheets.length > 0) record.keptSheets = keptSheets;
  const ownsNothing = record.sheets.length === 0 && record.flags.length === 0 && record.addedCells.length === 0;
  const keepRecord = mode.kind !== "clear" || !ownsNothing;

  const stateOps: WriteOp[] = [];
  if (keepRecord) {
    touched.push({ sheet: STATE_SHEET, top: 0, left: 0, bottom: 1_048_575, right: 0 });
    const chunks = encodeOwnershipRecord(record);
    if (!stateInfo) stateOps.push({ kind: "addSheet", sheet: STATE_SHEET, veryHidden: true });
    else {
      if (stateInfo.visibility !== "VeryHidden") stateOps.push({ kind: "hideSheet", sheet: stateInfo.name });
      stateOps.push({ kind: "clear", sheet: stateInfo.name, bounds: { top: 0, left: 0, bottom: 1_048_575, right: 0 }, applyTo: "Contents" });
    }
    stateOps.push({
      kind: "formulas",
      sheet: STATE_SHEET,
      bounds: { top: 0, left: 0, bottom: chunks.length - 1, right: 0 },
      // A chunk may start with "-" or a digit: written as literal text like any other.
      formulas: chunks.map((c) => [literalText(c)]),
    });
  }
  const tailOps: WriteOp[] = !keepRecord && stateInfo ? [{ kind: "deleteSheet", sheet: stateInfo.name }] : [];

  return {
    ops: [...stateOps, ...undoOps, ...sheetOps, ...applyOps, ...tailOps],
    record: keepRecord ? record : null,
    report,
    touched,
  };
}

/**
 * A damaged record cannot say what is the add-in's: nothing is written (the same as the xlsx
 * host). `clear` removes only the record itself, a very hidden sheet the Excel window cannot show.
 */
function unreadableProgram(mode: WriteMode, stateInfo: SheetInfo | undefined): WriteProgram {
  const clear = mode.kind === "clear" && stateInfo !== undefined;
  const message: WriteMessage = { code: "state-unreadable", severity: clear ? "warning" : "error", sheet: STATE_SHEET, message: clear ? UNREADABLE_STATE_CLEARED : UNREADABLE_STATE_MESSAGE };
  const report: ApplyReport = { sheetsRemoved: [], sheetsWritten: [], flagsRemoved: 0, flagsWritten: 0, cellsRemoved: 0, cellsWritten: 0, messages: mode.kind === "flags" ? [] : [message] };
  return { ops: clear ? [{ kind: "deleteSheet", sheet: stateInfo.name }] : [], record: null, report, touched: [] };
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function splitCellKey(k: string, state: WriteState): [string | null, number, number] {
  const [lower, pos] = k.split("\u0000") as [string, string];
  const [row, col] = pos.split(":").map(Number) as [number, number];
  const info = state.sheets.get(lower);
  return [info ? info.name : null, row, col];
}

const boundsOf = (b: Bounds): Bounds => ({ top: b.top, left: b.left, bottom: b.bottom, right: b.right });
const cellBounds = (row: number, col: number): Bounds => ({ top: row, left: col, bottom: row, right: col });

/** Operations that write one cell: content, number format, style, fill, link. */
function writeCell(c: CellWrite, ops: WriteOp[]): void {
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

/**
 * Operations that create one of the add-in's sheets with its tables, cells and widths. Returns
 * the table names used (a name taken by a user table gets a suffix and a message).
 */
function writeOwnedSheet(sheet: OwnedSheet, ops: WriteOp[], takenTables: Set<string>, messages: WriteMessage[]): string[] {
  ops.push({ kind: "addSheet", sheet: sheet.name, ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}) });
  const tables: string[] = [];
  for (const table of sheet.tables) tables.push(writeTable(sheet.name, table, ops, takenTables, messages));
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
  return tables;
}

function writeTable(sheetName: string, table: TableSpec, ops: WriteOp[], takenTables: Set<string>, messages: WriteMessage[]): string {
  let name = table.name;
  for (let i = 2; takenTables.has(name.toLowerCase()); i++) name = `${table.name}_${i}`;
  if (name !== table.name) {
    messages.push({
      code: "table-name-taken",
      severity: "info",
      sheet: sheetName,
      message: `Nella cartella c'è già una tabella «${table.name}» dell'utente: la tabella del componente si chiama «${name}».`,
    });
  }
  takenTables.add(name.toLowerCase());
  const width = Math.max(1, table.columns.length);
  // A table needs one data row; an empty one keeps a blank row, as Excel itself does.
  const bodyRows = table.rows.length > 0 ? table.rows : [[]];
  const bounds: Bounds = { top: table.row, left: table.col, bottom: table.row + bodyRows.length, right: table.col + width - 1 };
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
  ops.push({ kind: "formulas", sheet: sheetName, bounds, formulas: grid });
  if (anyFormat) ops.push({ kind: "numberFormat", sheet: sheetName, bounds, formats });
  ops.push({ kind: "table", sheet: sheetName, bounds, name, style: table.style, bandedRows: table.showRowStripes ?? true });
  table.columns.forEach((column, i) => {
    if (column.width !== undefined) ops.push({ kind: "columnWidth", sheet: sheetName, col: table.col + i, points: charsToPoints(column.width) });
  });
  for (const link of table.links ?? []) {
    const content = table.rows[link.row]?.[link.col];
    if (!content) continue;
    ops.push({ kind: "link", sheet: sheetName, row: table.row + 1 + link.row, col: table.col + link.col, target: link.target, text: linkText(content) });
  }
  return name;
}

/**
 * Estimated request bytes of one operation: its data as JSON, plus an envelope per call and per
 * object it reaches — a style is a range, its format and its font; a partial fill restore is,
 * for each rectangle of cells to clear, a range, its format and its fill and a clear() call.
 */
export function estimateOpBytes(op: WriteOp): number {
  const { objects, actions } = requestShape(op);
  return JSON.stringify(op).length + actions * ACTION_OVERHEAD_BYTES + objects * OBJECT_BYTES;
}

/**
 * The objects an operation reaches and the calls it makes, as queueOp in ./write.ts queues them
 * (the worksheet itself is shared by a batch's operations and not counted).
 */
function requestShape(op: WriteOp): { objects: number; actions: number } {
  switch (op.kind) {
    case "style":
      // range, format, font; one property set per style field.
      return { objects: 3, actions: Math.max(1, Object.keys(op.style).length) };
    case "fill":
      return { objects: 3, actions: 1 };
    case "restoreFills": {
      const colours = op.fills.some((row) => row.some((f) => typeof f === "string")) ? 1 : 0;
      if (isComplete(op.fills)) return { objects: 3, actions: 1 + colours };
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
export function cellRects(cells: ReadonlyArray<{ row: number; col: number }>): Bounds[] {
  const byRow = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    const set = byRow.get(row) ?? new Set<number>();
    set.add(col);
    byRow.set(row, set);
  }
  const out: Bounds[] = [];
  let open = new Map<string, Bounds>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...(byRow.get(row) ?? [])].sort((a, b) => a - b);
    const next = new Map<string, Bounds>();
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

/** Whether a restore grid names every cell (then one clear() on the whole range does). */
export function isComplete(fills: readonly (readonly (Fill | undefined)[])[]): boolean {
  return fills.every((row) => row.every((f) => f !== undefined));
}

/**
 * The cells of a restore grid to clear (original No Fill), as few rectangles as a greedy pass
 * finds: runs of a row, stacked with the same run in the rows below. Positions are relative to
 * the grid. One range per rectangle instead of one per cell keeps the request small.
 */
export function noFillRects(fills: readonly (readonly (Fill | undefined)[])[]): Bounds[] {
  const out: Bounds[] = [];
  const open = new Map<string, Bounds>();
  fills.forEach((row, r) => {
    const runs: Array<[number, number]> = [];
    for (let c = 0; c < row.length; c++) {
      if (row[c] !== null) continue;
      const start = c;
      while (c + 1 < row.length && row[c + 1] === null) c++;
      runs.push([start, c]);
    }
    const next = new Map<string, Bounds>();
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
export function splitIntoBatches(ops: readonly WriteOp[], budgetBytes: number): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
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
function splitLargeOp(op: WriteOp, budgetBytes: number): WriteOp[] {
  if (op.kind !== "formulas" && op.kind !== "numberFormat" && op.kind !== "restoreFills") return [op];
  const size = estimateOpBytes(op);
  if (size <= budgetBytes) return [op];
  const rows = op.bounds.bottom - op.bounds.top + 1;
  if (rows < 2) return [op];
  const bands = Math.ceil(size / budgetBytes) + 1;
  const per = Math.max(1, Math.ceil(rows / bands));
  const out: WriteOp[] = [];
  for (let start = 0; start < rows; start += per) {
    const end = Math.min(rows, start + per);
    const bounds = { ...op.bounds, top: op.bounds.top + start, bottom: op.bounds.top + end - 1 };
    if (op.kind === "formulas") out.push({ ...op, bounds, formulas: op.formulas.slice(start, end) });
    else if (op.kind === "numberFormat") out.push({ ...op, bounds, formats: op.formats.slice(start, end) });
    else out.push({ ...op, bounds, fills: op.fills.slice(start, end) });
  }
  return out.flatMap((o) => splitLargeOp(o, budgetBytes));
}
