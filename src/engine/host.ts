import type { CellRange, SheetRange } from "./cells/range";
import type { SheetSnapshot } from "./model/snapshot";
import type { ApplyReport, CellFlag, WritePlan } from "./write/types";

/** Progress of a long host operation, for a progress bar. */
export interface Progress {
  /** 0…1 */
  fraction: number;
  /** Italian, short: "Lettura dei fogli (3 di 12)". */
  label: string;
}

/** The cell the user is on, in hosts that have a selection (Excel). */
export interface ActiveCell {
  sheet: string;
  /** A1 without the sheet: "C5". */
  address: string;
}

/** A cell of a card template: a literal value (text is never turned into a formula). */
export interface TemplateCell {
  row: number;
  col: number;
  value: string | number;
  bold?: boolean;
  wrap?: boolean;
  /** Thin border all round (the card's tables). */
  border?: boolean;
  numberFormat?: string;
}

/** Data validation on a block of a card template, so mistakes are caught while typing. */
export interface TemplateValidation extends CellRange {
  rule: { kind: "decimal"; min: number; max: number } | { kind: "list"; values: string[] };
  /** Italian: shown when the cell is selected. */
  prompt: string;
  /** Italian: shown when a wrong value is typed (the value is refused). */
  error: string;
}

/**
 * A new card in the add-in's own layout, as data, so that every host writes the same card.
 * Positions are zero-based on a new sheet.
 */
export interface CardTemplate {
  /** Wanted sheet name; the host adds " (2)", " (3)"… when it is taken. */
  sheetName: string;
  cells: TemplateCell[];
  merges: CellRange[];
  validations: TemplateValidation[];
  /** Column widths in characters, by column index. */
  columnWidths: Record<number, number>;
  /** The cell to select once the card is in place (the title). */
  select: { row: number; col: number };
}

/** A card the user edited, re-read by the host (live validation). */
export interface CardEdit {
  sheet: string;
  /** The card's block, as `locateBlock` gave it. */
  block: CellRange;
  /** The last full read with the edited sheet updated from the block: analyse these. */
  snapshots: SheetSnapshot[];
}

/** How the task pane drives live validation (WorkbookHost.watchCardChanges). */
export interface CardWatch {
  /** The card block holding a changed range (from the last analysis); null outside every card. */
  locateBlock(sheet: string, changed: CellRange): CellRange | null;
  /** Called once per pause in the typing on a card, after its block was re-read. */
  onCardChanged(change: CardEdit): void | Promise<void>;
  /** Rows, columns or cells inserted or deleted: the cards moved, a full check is needed. */
  onStructureChanged?(sheet: string): void;
  /** Quiet time in ms before a card is re-read (the host has a default). */
  debounceMs?: number;
}

/**
 * What a host lets the task pane offer. The UI decides what to show from these, never from where
 * it runs: an option the host cannot honour is not offered (or is explained), and tests render the
 * pane with any combination.
 */
export interface HostCapabilities {
  /**
   * `selectRange` shows the cells to the user (Excel activates the sheet and selects them). Without
   * it the pane shows the cells itself (a preview under the finding or the block).
   */
  select: boolean;
  /** `getActiveCell` and `onSelectionChanged`: the responsabile's card follows the selection. */
  activeCell: boolean;
  /** `watchCardChanges` and `refreshFlags`: the responsabile's card is checked again as they type. */
  liveValidation: boolean;
  /** `insertNewCard` adds an empty card to the workbook the user has open (Excel, with its undo). */
  insertCard: boolean;
  /** `newCardWorkbook` makes a new .xlsx holding one empty card, for the user to download. */
  newCardWorkbook: boolean;
  /**
   * Writes go to a copy in memory that the user downloads (the standalone page), not to a workbook
   * they have open: the pane says so after each write and offers the download.
   */
  downloadCopy: boolean;
  /**
   * The user edits the workbook while the pane is open (Excel): the pane reads it when it starts
   * and again before computing scores. Without it, what was read when the file was opened stays
   * true and scores are recomputed from it.
   */
  changesUnderPane: boolean;
}

/** Nothing can be offered: no window, no selection, nothing to download (no workbook open yet, or a file in Node). */
export const NO_CAPABILITIES: HostCapabilities = Object.freeze({
  select: false,
  activeCell: false,
  liveValidation: false,
  insertCard: false,
  newCardWorkbook: false,
  downloadCopy: false,
  changesUnderPane: false,
});

/**
 * The port every host implements (Excel via Office.js, an .xlsx file via ExcelJS). The UI and
 * the CLI talk to this interface only; the engine defines it so that hosts depend on the engine
 * and never the other way round.
 */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** What the pane may offer with this host (see HostCapabilities). */
  readonly capabilities: HostCapabilities;
  /** Every used range of every visible or hidden sheet, as snapshots. */
  readSnapshots(onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]>;
  /**
   * Applies a write plan (removing the add-in's previous flags first). Resolves to what was done,
   * with the plan's messages and the host's own (a protected sheet skipped, a cell the user
   * changed kept…), Italian and ready to show.
   */
  applyWritePlan(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<ApplyReport>;
  /** Removes everything the add-in added; resolves to what was removed and what was kept. */
  clearAddinContent(): Promise<ApplyReport>;
  /** Activates the sheet and selects the range ("C5:F9"). */
  selectRange(sheet: string, range: string): Promise<void>;
  /**
   * The active cell, so the task pane can show the card the user is on. Optional: a file has no
   * selection, and the UI then lets the user pick the card from a list.
   */
  getActiveCell?(): Promise<ActiveCell | null>;
  /** Calls `listener` when the selection moves; resolves to a function that stops listening. */
  onSelectionChanged?(listener: (cell: ActiveCell) => void): Promise<() => void>;
  /**
   * Inserts a new, empty card in the add-in's own layout (layout A + "Peso %" column, with data
   * validation) on a new sheet and activates it; resolves to the name the sheet got. Optional.
   * The template is built by src/ui/logic/new-card.ts and read back by the engine as layout "addin".
   */
  insertNewCard?(template: CardTemplate): Promise<string>;
  /**
   * Live validation for the responsabile (Excel): when the user edits a card, the host re-reads
   * only that card's block once the typing pauses and calls `onCardChanged`; the add-in's own
   * writes are ignored. Resolves to a function that stops watching. Optional.
   */
  watchCardChanges?(watch: CardWatch): Promise<() => Promise<void>>;
  /**
   * Replaces the add-in's flags on one card (live validation): its previous flags touching
   * `scope` are undone, `flags` are written, every other flag stays. Optional.
   */
  refreshFlags?(scope: SheetRange, flags: CellFlag[]): Promise<ApplyReport>;
  /**
   * A new .xlsx holding one empty card built from `template` (the same one `insertNewCard` takes),
   * as bytes to download; the open workbook does not change. Optional (the standalone page).
   */
  newCardWorkbook?(template: CardTemplate): Promise<Uint8Array>;
}
