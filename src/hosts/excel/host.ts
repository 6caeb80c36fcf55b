/**
 * The Excel host: the WorkbookHost the task pane uses inside Excel. The only code that calls
 * Excel.run lives in this folder; this class wires the pieces together and keeps what one
 * operation learns for the next (sheet sizes for read planning, the ownership record, the
 * snapshots that live validation patches).
 */
import { type WriteMode, decodeOwnershipRecord, encodeOwnershipRecord, rangeToA1, STATE_SHEET, type ActiveCell, type ApplyReport, type CardEdit, type CardTemplate, type CardWatch, type CellFlag, type HostCapabilities, type OwnershipRecord, type Progress, type SheetRange, type SheetSnapshot, type WorkbookHost, type WritePlan } from "../../engine";
import { parseSheetAddress } from "./address";
import { type ExcelCapabilities, currentCapabilities } from "./capabilities";
import { SheetNotFoundError } from "./errors";
import { insertCard } from "./insert-card";
import { DEFAULT_LIMITS, type TransferLimits } from "./limits";
import { BlockDebouncer, LIVE_DEBOUNCE_MS, type Timers, decideChange } from "./live-validation";
import { OwnWrites } from "./own-writes";
import { type ReadResult, readBlock, readWorkbook } from "./read";
import { overlayBlock } from "./snapshot";
import { type WriteOutcome, writeWorkbook } from "./write";
import { runExcel } from "./run";

/** A card the user edited, re-read (the contract's CardEdit, plus the block alone). */
export interface CardChange extends CardEdit {
  /** The block as it is now (origin = the block's top-left cell). */
  blockSnapshot: SheetSnapshot;
}

/** Live validation options: the contract's CardWatch, whose callback gets the block too. */
export interface WatchOptions extends CardWatch {
  onCardChanged(change: CardChange): void | Promise<void>;
}

export interface ExcelHostOptions {
  /** Defaults to what the running Excel supports (isSetSupported). */
  capabilities?: ExcelCapabilities;
  limits?: TransferLimits;
  timers?: Timers;
  now?: () => number;
}

export class ExcelWorkbookHost implements WorkbookHost {
  readonly kind = "excel" as const;
  /**
   * Excel shows the cells it is asked to select, follows the selection and the typing, and takes
   * a new card into the open workbook (with its undo); writes go to that workbook, which the user
   * keeps editing, so the pane reads it again before computing.
   */
  readonly capabilities: HostCapabilities = {
    select: true,
    activeCell: true,
    liveValidation: true,
    insertCard: true,
    newCardWorkbook: false,
    downloadCopy: false,
    changesUnderPane: true,
  };
  /** Ranges being written by the add-in, whose change events are not the user's. */
  readonly ownWrites: OwnWrites;
  /** What the last write did (messages for the user: renamed sheets, skipped cells…). */
  lastReport: ApplyReport | null = null;
  /** How the last full read went (for the benchmark and diagnostics). */
  lastRead: Pick<ReadResult, "strategy" | "chunks"> | null = null;

  /** What the running Excel supports (API sets), as against what the pane may offer (`capabilities`). */
  private apiSupport: ExcelCapabilities | null;
  private readonly limits: TransferLimits;
  private readonly timers: Timers | undefined;
  private sizeHints = new Map<string, number>();
  private cachedRecord: OwnershipRecord | null = null;
  private snapshots: SheetSnapshot[] = [];
  private readonly sheetNames = new Map<string, string>();

  constructor(options: ExcelHostOptions = {}) {
    this.apiSupport = options.capabilities ?? null;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.timers = options.timers;
    this.ownWrites = new OwnWrites(options.now);
  }

  /** Capabilities, detected on first use (Office must be ready by then). */
  private get caps(): ExcelCapabilities {
    this.apiSupport ??= currentCapabilities();
    return this.apiSupport;
  }

  async readSnapshots(onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]> {
    const result = await readWorkbook({ limits: this.limits, mergedAreas: this.caps.mergedAreas, sizeHints: this.sizeHints, onProgress });
    this.sizeHints = result.sizes;
    this.snapshots = result.snapshots;
    this.lastRead = { strategy: result.strategy, chunks: result.chunks };
    const state = result.snapshots.find((s) => s.name.toLowerCase() === STATE_SHEET.toLowerCase());
    const decoded = state ? decodeOwnershipRecord(state.cells.map((row) => row[0] ?? null)) : null;
    this.cachedRecord = decoded?.status === "ok" ? decoded.record : null;
    return result.snapshots;
  }

  /** Applies the plan in one batch (more only past the payload limit); resolves to what was done. */
  async applyWritePlan(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<ApplyReport> {
    return (await this.write({ kind: "apply", plan }, onProgress)).program.report;
  }

  async clearAddinContent(): Promise<ApplyReport> {
    return (await this.write({ kind: "clear" })).program.report;
  }

  /**
   * Replaces the add-in's flags on one card (live validation): previous flags touching `scope`
   * are undone, `flags` are written, everything else stays.
   */
  async refreshFlags(scope: SheetRange, flags: CellFlag[]): Promise<ApplyReport> {
    return (await this.write({ kind: "flags", scope, flags })).program.report;
  }

  /** One write, keeping the record it leaves for the next one. */
  async write(mode: WriteMode, onProgress?: (p: Progress) => void): Promise<WriteOutcome> {
    const outcome = await writeWorkbook(mode, {
      capabilities: this.caps,
      cachedRecord: this.cachedRecord,
      ownWrites: this.ownWrites,
      limits: this.limits,
      onProgress,
    });
    this.cachedRecord = normaliseRecord(outcome.program.record);
    this.lastReport = outcome.program.report;
    return outcome;
  }

  async selectRange(sheet: string, range: string): Promise<void> {
    try {
      await runExcel(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(range).select();
        await context.sync();
      });
    } catch (error) {
      if (errorCode(error) === "ItemNotFound") throw new SheetNotFoundError(sheet);
      throw error;
    }
  }

  /** Inserts the add-in's empty card on a new sheet and selects its title; resolves to the sheet's name. */
  async insertNewCard(template: CardTemplate): Promise<string> {
    return await insertCard(template, this.ownWrites);
  }

  async getActiveCell(): Promise<ActiveCell | null> {
    return await runExcel(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      const at = parseSheetAddress(cell.address);
      return at ? { sheet: at.sheet, address: rangeToA1({ top: at.top, left: at.left, bottom: at.top, right: at.left }) } : null;
    });
  }

  async onSelectionChanged(listener: (cell: ActiveCell) => void): Promise<() => void> {
    const handler = async (event: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
      const sheet = await this.sheetName(event.worksheetId);
      const at = parseSheetAddress(event.address);
      if (sheet && at) listener({ sheet, address: rangeToA1({ top: at.top, left: at.left, bottom: at.top, right: at.left }) });
    };
    const registration = await runExcel(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name");
      const result = worksheets.onSelectionChanged.add(handler);
      await context.sync();
      for (const ws of worksheets.items) this.sheetNames.set(ws.id, ws.name);
      return result;
    });
    return () => void this.unregister(registration).catch(() => undefined);
  }

  /**
   * Live validation: on every edit the user makes, the card block around it is re-read (once the
   * typing pauses) and handed to `onCardChanged` with the full snapshots updated. The add-in's
   * own writes are ignored. Resolves to a function that stops watching.
   */
  async watchCardChanges(options: WatchOptions): Promise<() => Promise<void>> {
    const debouncer = new BlockDebouncer(
      options.debounceMs ?? LIVE_DEBOUNCE_MS,
      async (sheet, block) => {
        const blockSnapshot = await readBlock(sheet, block, this.caps.mergedAreas);
        const i = this.snapshots.findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
        const patched = overlayBlock(i >= 0 ? this.snapshots[i] : undefined, blockSnapshot);
        this.snapshots = i >= 0 ? this.snapshots.map((s, k) => (k === i ? patched : s)) : [...this.snapshots, patched];
        await options.onCardChanged({ sheet, block, blockSnapshot, snapshots: this.snapshots });
      },
      this.timers,
    );
    const handler = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      const sheet = await this.sheetName(event.worksheetId);
      if (!sheet) return;
      const decision = decideChange(sheet, event, this.ownWrites, options.locateBlock);
      if (decision.kind === "structure") options.onStructureChanged?.(decision.sheet);
      else if (decision.kind === "block") debouncer.push(decision.sheet, decision.block);
    };
    const registration = await runExcel(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name");
      const result = worksheets.onChanged.add(handler);
      await context.sync();
      for (const ws of worksheets.items) this.sheetNames.set(ws.id, ws.name);
      return result;
    });
    return async () => {
      debouncer.cancelAll();
      await this.unregister(registration);
    };
  }

  /** A sheet's name from its id (events give ids); one round trip for a sheet added since. */
  private async sheetName(id: string): Promise<string | null> {
    const known = this.sheetNames.get(id);
    if (known !== undefined) return known;
    try {
      return await runExcel(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(id);
        ws.load("name");
        await context.sync();
        if (ws.isNullObject) return null;
        this.sheetNames.set(id, ws.name);
        return ws.name;
      });
    } catch {
      return null;
    }
  }

  /** Removes an event handler in the context it was added with, as Office requires. */
  private async unregister(registration: OfficeExtension.EventHandlerResult<unknown>): Promise<void> {
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  }
}

/**
 * The record as the next read will decode it (same key order, same optional fields), so that
 * comparing the cached copy with the workbook's tells a real change from a different spelling.
 */
function normaliseRecord(record: OwnershipRecord | null): OwnershipRecord | null {
  if (!record) return null;
  const decoded = decodeOwnershipRecord(encodeOwnershipRecord(record));
  return decoded.status === "ok" ? decoded.record : null;
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}
