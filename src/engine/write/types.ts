import type { Severity } from "../model/finding";

/**
 * A WritePlan describes, as data, every change the add-in makes to a workbook. Hosts apply it
 * (Office.js in one batch; ExcelJS to a file). The add-in owns only what it creates: its sheets,
 * the cells it adds beside user blocks, and the flags on user cells. It never writes a user value.
 *
 * Positions are zero-based `{ row, col }` on the named sheet.
 */

/**
 * Content of a cell the add-in writes. Text is always literal (never turned into a formula):
 * text copied from cards may start with `=`, `+`, `-` or `@`, and hosts must write it so that
 * Excel cannot parse it. ExcelJS: a string value is never a formula, write it as is. Office.js:
 * `range.values` parses strings like typed input, so the host prefixes an apostrophe (`'=1+1`),
 * which Excel stores as the text "=1+1" (the apostrophe is not part of the value); do it for
 * every text (Excel would also turn "30%" or "15/05/2024" into numbers): `officeLiteralText`
 * in ./escape. `looksLikeFormula` there says which texts would otherwise become formulas.
 *
 * Formulas are written without the leading "=" in `formula`, in Excel's English (en-US) syntax
 * with "," separators and plain A1 references, so that Excel and LibreOffice both compute them;
 * `result` is the engine's value, cached in the file so it opens with correct figures.
 */
export type CellContent =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; iso: string }
  | { kind: "formula"; formula: string; /** engine's value, for hosts that cannot compute */ result?: number | string | null }
  | { kind: "empty" };

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  /** Fill colour as "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  italic?: boolean;
  /** Font colour as "#RRGGBB". */
  fontColor?: string;
}

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  content: CellContent;
  style?: CellStyle;
  /** Hyperlink to a place in the workbook: "'Polizia Locale'!C5". */
  link?: string;
}

export interface TableColumn {
  header: string;
  numberFormat?: string;
  /** Width in characters. */
  width?: number;
}

/** A real Excel table (ListObject) on an add-in sheet. */
export interface TableSpec {
  /** Excel table name, unique in the workbook: "SO_Obiettivi". */
  name: string;
  sheet: string;
  row: number;
  col: number;
  columns: TableColumn[];
  rows: CellContent[][];
  style: string;
  /** Stripe the rows (banded style); hosts default to true. */
  showRowStripes?: boolean;
  /**
   * Hyperlinks on data cells, by zero-based data row and column index within the table
   * ("'Polizia Locale'!C5"). Hosts write them after the table, keeping the cell's value.
   */
  links?: Array<{ row: number; col: number; target: string }>;
}

/**
 * A sheet the add-in owns; replaced whole on every run. Its A1 starts with OWNED_SHEET_MARKER
 * (./ownership), so that readers recognise it even without the ownership record.
 */
export interface OwnedSheet {
  name: string;
  /** Position hint: owned sheets go after the user's sheets. */
  tables: TableSpec[];
  cells: CellWrite[];
  /** Column widths in characters, by column index. */
  columnWidths?: Record<number, number>;
  /** The Metodologia sheet is kept when it exists (the user may have edited it). */
  keepIfExists?: boolean;
  /** Which of the add-in's sheets this is; `name` may differ when a user sheet had the name. */
  key?: OwnedSheetKey;
  /** Rows / columns frozen at the top-left (the table header). */
  freeze?: { rows: number; cols: number };
  /** Tab colour "#RRGGBB". */
  tabColor?: string;
  /** How the sheet prints. */
  pageSetup?: PageSetup;
  /** Conditional-format data bars over ranges of fractions (min … max). */
  dataBars?: Array<{ top: number; left: number; bottom: number; right: number; min: number; max: number; color: string }>;
  /** Rows (zero-based) after which a printed page ends. */
  pageBreaks?: number[];
  /** What the add-in writes here, hashed by row and by column (./fingerprint); the record keeps it to spot a user's edits. */
  fingerprint?: SheetFingerprint;
}

/**
 * A generated sheet's content as hashes, by row and by column in bands of rows (see
 * ./fingerprint for the encoding): enough to tell which cells a user changed, without the values.
 */
export interface SheetFingerprint {
  version: number;
  /** 4 characters per row, from row 1 down. */
  rows: string;
  /** Per band of 16 rows, 2 characters per column. */
  columns: string[];
  /** Ranges (A1) not compared: cells the add-in reads back itself. */
  skip?: string[];
}

/**
 * Print settings of an owned sheet: landscape, one page wide (as many tall as needed), the table
 * header repeated on every page, a header with the sheet's title and the date of reference, and
 * the page number in the footer.
 */
export interface PageSetup {
  orientation: "landscape" | "portrait";
  /** Pages wide (1: no column is cut); the height follows. Null: print at `scale` (manual page breaks count only then). */
  fitToWidth: number | null;
  /** Print scale in % when not fitting to width. */
  scale: number | null;
  /** Rows (zero-based, inclusive) repeated at the top of every page; null for none. */
  titleRows: { first: number; last: number } | null;
  /** Header and footer texts, left / center / right; "&P" is the page number, "&N" the pages. */
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
}

/** The add-in's sheets, by role. */
export type OwnedSheetKey =
  | "findings"
  | "scores"
  | "objectives"
  | "phases"
  | "indicators"
  | "schedule"
  | "staff"
  | "methodology"
  | "summary"
  | "report";

/** How a sheet of the add-in got its name: `used` differs from `wanted` when a user sheet had it. */
export interface SheetNaming {
  key: OwnedSheetKey;
  wanted: string;
  used: string;
}

/**
 * Something the user should know about the write (Italian message): a renamed sheet, a review
 * column that could not be added, a protected sheet the host skipped. Data, never thrown.
 */
export interface WriteMessage {
  code:
    | "sheet-renamed"
    | "review-column-skipped"
    | "flag-skipped-protected"
    | "methodology-kept"
    | "methodology-value-differs"
    | "state-unreadable"
    | "state-sheet-taken"
    | "table-name-taken"
    | "overrides-removed"
    | "added-cell-kept"
    | "added-cell-skipped"
    | "sheet-name-taken"
    | "sheet-no-longer-owned"
    | "user-note-dropped"
    | "flag-not-found"
    | "flag-skipped-missing-sheet"
    | "workbook-protected"
    | "generated-sheet-edited";
  severity: Severity;
  message: string;
  /** The figures of the message (host messages: see write/reconcile/messages.ts). */
  data?: Record<string, string | number | boolean>;
  sheet?: string;
  /** A1 without the sheet. */
  range?: string;
}

/** A flag on a user range: a fill and a note with the finding's message. */
export interface CellFlag {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  severity: Severity;
  fill: string;
  /**
   * Note for the top-left cell (which is the top-left of any merged area the flag covers:
   * flags are grown to whole merges). Empty when another flag on the same top-left cell
   * carries the note; hosts then write no note.
   */
  note: string;
  ruleIds: string[];
}

/**
 * How a host applies a plan (src/hosts/xlsx/apply.ts does exactly this; the Office.js host
 * should too, so that a file annotated by one can be cleared by the other):
 * 1. Read the OwnershipRecord from STATE_SHEET. A visible STATE_SHEET that holds no record is a
 *    user's sheet: write nothing, report "state-sheet-taken". A record that fails its schema or
 *    checksum: write nothing, report "state-unreadable" (`clear` removes only that record).
 *    Verify the record against the workbook (verifyOwnershipRecord: a recorded sheet is the
 *    add-in's only while it holds a recorded table); drop the others ("sheet-no-longer-owned").
 * 2. Undo the record: for every flag, last first, put back each cell's original fill (only where
 *    the cell still has the fill the add-in wrote) and the top-left cell's original note (only
 *    where it still has the add-in's note); clear every added cell that still holds what the
 *    add-in wrote; delete the recorded sheets, except those the new plan marks keepIfExists.
 * 3. Write the sheets in order, after the user's: an existing keepIfExists sheet is left as it
 *    is (still owned when the record had it, else listed in keptSheets); a sheet whose A1 starts
 *    with OWNED_SHEET_MARKER and holds an SO_ table (isGeneratedSheet) is a generated sheet that
 *    lost its record and may be replaced; any
 *    other existing sheet of that name is the user's: skip it and report "sheet-name-taken".
 *    Tables first, then `links`, then `cells`.
 * 4. Flags: read every cell's original fill and note for all flags before writing any, skip
 *    protected sheets (report "flag-skipped-protected"); fill every cell of the range, write the
 *    note on the top-left cell (keeping a user's own note readable under it).
 * 5. Added cells: only into a cell that is still empty and not inside a merged area.
 * 6. Write the new record; keep the tab order user sheets → plan sheets → STATE_SHEET.
 */
export interface WritePlan {
  version: 1;
  sheets: OwnedSheet[];
  flags: CellFlag[];
  /** Cells the add-in adds beside user blocks (review columns); only where empty. */
  addedCells: CellWrite[];
  /** Summary counts, for progress and the benchmark. */
  stats: { cells: number; formulas: number; flags: number; tables: number };
  /** The names the add-in's sheets got (always present from buildWritePlan). */
  sheetNames?: SheetNaming[];
  /** Notes for the user about this write (renamed sheets, skipped review columns…). */
  messages?: WriteMessage[];
  /**
   * False when the plan was built without the ownership record (snapshots without STATE_SHEET):
   * it could not tell the add-in's earlier review headers from the user's, so hosts keep those
   * headers (and keep owning them) instead of removing them.
   */
  ownershipSeen?: boolean;
}

/** What a host did when applying or clearing a plan. */
export interface ApplyReport {
  /** Owned sheets removed / written (names). */
  sheetsRemoved: string[];
  sheetsWritten: string[];
  /** Flags removed (restored) / written. */
  flagsRemoved: number;
  flagsWritten: number;
  /** Added cells removed / written. */
  cellsRemoved: number;
  cellsWritten: number;
  /** The plan's messages plus the host's own (protected sheets, kept cells…). */
  messages: WriteMessage[];
}

/** Name of the very hidden sheet where the add-in records what it owns (both hosts use it). */
export const STATE_SHEET = "SO_Stato";

/** What the add-in records in the workbook so the next run can undo it exactly. */
export interface OwnershipRecord {
  version: 1;
  sheets: string[];
  tables: string[];
  flags: Array<{
    sheet: string;
    top: number;
    left: number;
    bottom: number;
    right: number;
    /** Original fill per cell, row-major, null = no fill. */
    originalFills: (string | null)[];
    /** Original note text per cell (null = none), so a user note is restored. */
    originalNotes: (string | null)[];
    /**
     * The note the add-in wrote on the top-left cell, as its hash (noteHash): the cell's user
     * note comes back only while the cell still shows a note of that hash, and a flag moved by
     * inserted rows is found by it. Records written before it carry the text in `note`.
     */
    noteHash?: string;
    /** Older records: the note's text itself (read, compared by hash like noteHash; no longer written). */
    note?: string;
    /** The fill the add-in wrote, "#RRGGBB" (a cell the user re-coloured since keeps its colour). */
    fill?: string;
    /** Host-specific exact note models per cell (ExcelJS: JSON), beside the plain texts. */
    originalNoteModels?: (string | null)[];
    /**
     * Host-specific whole style per cell (ExcelJS: JSON) of the cells that were empty, null for
     * the others: an empty cell gets back exactly its style (no alignment or font left behind).
     */
    originalStyleModels?: (string | null)[];
  }>;
  addedCells: Array<{
    sheet: string;
    row: number;
    col: number;
    /** What the add-in wrote (the header text); the cell is cleared only if it still holds it. */
    written?: string | number | boolean | null;
  }>;
  /** Names of the add-in's sheets by role (a user sheet may hold the default name). */
  sheetKeys?: Partial<Record<OwnedSheetKey, string>>;
  /** Sheets the add-in kept because they existed (Metodologia); never removed by `clear`. */
  keptSheets?: string[];
  /** By sheet name: the fingerprint of what the add-in wrote there (a kept sheet keeps the one it was written with). */
  fingerprints?: Record<string, SheetFingerprint>;
}

/*
 * Serialisation of originalFills (both hosts read both forms, so a file annotated by one host
 * can be cleared by the other):
 * - "#RRGGBB": a solid fill of that colour (what Office.js reports);
 * - a JSON object text starting with "{": the ExcelJS fill model, restored exactly by ExcelJS
 *   (Office.js uses its solid fgColor argb, or no fill when it is not a solid pattern).
 * null means the cell had no fill.
 *
 * The record is stored on STATE_SHEET (very hidden) as JSON split into chunks of at most
 * STATE_CHUNK characters, in column A from row 1 down; see ./ownership.
 */
/** Largest JSON chunk per cell of STATE_SHEET (Excel's cell limit is 32,767 characters). */
export const STATE_CHUNK = 30000;
