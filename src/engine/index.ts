/**
 * The engine's one public entry. Everything outside src/engine (ui, hosts, cli, taskpane,
 * commands) imports the engine from here, never from a file inside it (ESLint
 * `no-restricted-imports`, see eslint.config.mjs). The engine's own files never import this file,
 * so there is no cycle through it (also a lint rule).
 *
 * Only what the outside uses is exported. The engine is pure and has no side effects, so a bundle
 * that imports one helper from here gets that helper's module only (webpack.config.js marks
 * src/engine side-effect free): the task pane's first chunk still does without the engine.
 */

// ── Analyse: the one call, and its result ───────────────────────────────────────────────────────

/**
 * Reads the plan from the snapshots, checks it, computes schedules and scores, and (lazily)
 * builds the write plan: `analyse(snapshots, { asOf, review, overrides, methodology })`.
 */
export { analyse } from "./analyse";
/** The options of `analyse`: date of reference, review, a methodology chosen in the pane, the Nucleo's overrides. */
export type { AnalyseOptions, AnalyseHooks } from "./analyse";
/** What `analyse` returns: plan, methodology, findings, schedules, scores and the write plan. */
export type { Analysis } from "./analyse";

// ── The WorkbookHost port: what every host implements and the UI and CLI talk to ──────────────

/** The port every host implements (Excel via Office.js, an .xlsx via ExcelJS). */
export type { WorkbookHost } from "./host";
/** Progress of a long host operation (fraction 0…1 and an Italian label). */
export type { Progress } from "./host";
/** The cell the user is on, in hosts that have a selection. */
export type { ActiveCell } from "./host";
/** A new card in the add-in's own layout, as data, and its cells and data validations. */
export type { CardTemplate, TemplateCell, TemplateValidation } from "./host";
/** Live validation: how the pane drives it (`CardWatch`) and the card edits it receives (`CardEdit`). */
export type { CardEdit, CardWatch } from "./host";
/** What the pane may offer with a host (go to cells, follow the selection, download a copy…). */
export { NO_CAPABILITIES, type HostCapabilities } from "./host";

// ── The write path: the engine decides every write, hosts read the state and execute ──────────

/**
 * Reconcile a WritePlan (or `clear`, or one card's flags) with the state the host read: the
 * ordered operations, the record they leave and the messages. `stateNeeds` says what to read;
 * `relocationNeeds` what else, once the notes are known (hosts that index notes).
 */
export { reconcile, stateNeeds, relocationNeeds, missingNeeds, noNeeds } from "./write/reconcile";
/** The write state a host reads, the operations it executes, and the program they form. */
export type {
  AnnotationMode,
  CellNow,
  ExistingComment,
  Fill,
  FillNow,
  NeedsOptions,
  NoteIndex,
  NoteNow,
  SheetInfo,
  StateNeeds,
  WriteMode,
  WriteOp,
  WriteProgram,
  WriteState,
} from "./write/reconcile";
/** A recorded fill (either host's token) → its solid colour. */
export { tokenColor } from "./write/reconcile";
/** The ownership record checked against the workbook (a recorded sheet must still hold a recorded table). */
export { verifyOwnershipRecord, verifiedStateSnapshot, type OwnershipState, type SheetIdentity } from "./write/ownership";
/** The Nucleo's overrides typed on the scores sheet (the xlsx host counts them before `clear`). */
export { readOverrides } from "./write/overrides";
/** Host messages: code + data → Italian text (one catalogue for every host). */
export { hostMessage, hostMessageText, writeRefusal, type HostMessageCode, type HostMessageData } from "./write/reconcile";

// ── Model: snapshots in, plan and findings out ──────────────────────────────────────────────────

/** Inflated sheets: Excel's limits, the biggest dense snapshot, the areas left out, and how data islands and stray areas are found. */
export { EXCEL_COLUMNS, EXCEL_ROWS, MAX_SNAPSHOT_CELLS, type OutsideArea } from "./model/snapshot";
export { MAX_MERGE_CELLS, boxCells, clipMerges, dataIslands, strayAreas, type Box } from "./model/islands";
/** One sheet's used range as the engine reads it (values, formats, formulas, fills, merges). */
export type { SheetSnapshot } from "./model/snapshot";
/** A cell value: text, number, boolean or null. */
export type { CellValue } from "./model/snapshot";
/** A merged area of a snapshot (a `CellRange`). */
export type { Merge } from "./model/snapshot";
/** A host's colour ("#rrggbb", "FFrrggbb"…) as a snapshot fill: "#RRGGBB", null for none or white. */
export { normalizeFill } from "./model/snapshot";
/** The plan read from the workbook, an objective of it, and a measure (target or actual) as typed. */
export type { Measure, Objective, Plan } from "./model/plan";
/** Every objective of the plan, in structure order. */
export { allObjectives } from "./model/plan";
/** A finding of a rule (sheet and A1 range, Italian message, figures) and its severity. */
export type { Finding, Severity } from "./model/finding";

// ── Computed results and the methodology ────────────────────────────────────────────────────────

/** Schedules, scores (per objective and per owner), overrides and the kind of review. */
export type { ObjectiveSchedule, ObjectiveScore, Override, OwnerScore, ReviewKind, Scores } from "./compute/types";
/** The scoring methodology and its presets. */
export type { Methodology, MethodologyPreset } from "./compute/methodology";
/** The methodology presets (plain data) and how one is applied to a methodology. */
export { METHODOLOGY_PRESETS, applyPreset } from "./compute/methodology";

// ── Values the UI and CLI format with ───────────────────────────────────────────────────────────

/** Text reduced for matching values: lower case, no accents, whitespace collapsed ("Più di  3" → "piu di 3"). */
export { foldText } from "./values/text";
/** A number the Italian way, as the messages write it: 33.5 → "33,5" (at most two decimals). */
export { formatNumberIt } from "./rules/define";

// ── The write plan: what hosts apply ────────────────────────────────────────────────────────────

/** The write plan (owned sheets, tables, formulas, flags, review columns) and what a host reports back. */
export type { ApplyReport, WriteMessage, WritePlan } from "./write/types";
/** The parts of a write plan: a cell's content and style, a written cell, a flag, a sheet, a table, a page setup. */
export type { CellContent, CellFlag, CellStyle, CellWrite, OwnedSheet, OwnedSheetKey, PageSetup, TableSpec } from "./write/types";
/** The record of what the add-in created, kept in the very hidden sheet `STATE_SHEET` ("SO_Stato"). */
export type { OwnershipRecord } from "./write/types";
/** The name of the add-in's very hidden state sheet. */
export { STATE_SHEET } from "./write/types";
/** The ownership record to and from the state sheet's chunks of JSON (with its checksum). */
export { decodeOwnershipRecord, encodeOwnershipRecord } from "./write/ownership";
/** Whether a sheet name is the add-in's state sheet (Excel ignores case). */
export { isStateSheetName } from "./write/ownership";
/** Text as Office.js must receive it in `range.values` to stay text (a leading apostrophe). */
export { officeLiteralText } from "./write/escape";

// ── Reading report: where each field and join came from ─────────────────────────────────────────

/** The reading report of a plan (`schede check --explain`, the pane's reading view) and its text form. */
export { readingReport, readingText } from "./read/reading-report";
/** The report, and one place of it (sheet and A1 range). */
export type { ReadingPlace, ReadingReport } from "./read/reading-report";

// ── Cells: rectangles, keys, A1 ─────────────────────────────────────────────────────────────────

/** The one rectangle (zero-based, inclusive) and the same on a named sheet. */
export type { CellRange, SheetRange } from "./cells/range";
/** Map and Set keys for a cell and a rectangle on a sheet (sheet names compared case-insensitively). */
export { cellKey, rangeKey, sheetKey } from "./cells/range";
/** Whether two rectangles intersect, whether one contains the other, and how many cells one has. */
export { rangeCellCount, rangeContains, rangesIntersect } from "./cells/range";
/** A1 at the edges: column letters, "C5", "B3:D7", and sheet names quoted as Excel needs. */
export { columnToLetters, parseRangeA1, quoteSheetName, rangeToA1, toA1 } from "./cells/a1";
