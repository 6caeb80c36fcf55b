/**
 * Live validation for the responsabile: while they type in a card, the add-in re-reads only
 * that card's block once the typing pauses, and the task pane refreshes the card's findings and
 * flags. The pieces here are pure (the debouncer, the event filter); the Office.js registration
 * lives in ExcelWorkbookHost.watchCardChanges.
 */
import { isStateSheetName, rangeKey, type CellRange } from "../../engine";
import { parseSheetAddress } from "./address";
import type { OwnWrites } from "./own-writes";

/** Quiet time after the last edit of a card before it is re-read. */
export const LIVE_DEBOUNCE_MS = 700;

/** Timer functions, injectable so that tests drive time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Collects edits per card block and calls `flush` once per block after `delayMs` without edits
 * on it. A block whose flush is still running is flushed again afterwards if edited meanwhile,
 * never twice at the same time.
 */
export class BlockDebouncer {
  private readonly timers = new Map<string, unknown>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(
    private readonly delayMs: number,
    private readonly flush: (sheet: string, block: CellRange) => Promise<void>,
    private readonly clock: Timers = realTimers,
  ) {}

  /** An edit inside `block` of `sheet`. */
  push(sheet: string, block: CellRange): void {
    const key = rangeKey(sheet, block);
    const pending = this.timers.get(key);
    if (pending !== undefined) this.clock.clearTimeout(pending);
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        this.run(key, sheet, block);
      }, this.delayMs),
    );
  }

  /** Blocks waiting for their quiet time. */
  get pending(): number {
    return this.timers.size;
  }

  /** Drops every waiting block (when live validation stops). */
  cancelAll(): void {
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
    this.again.clear();
  }

  /** Resolves when every flush under way has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private run(key: string, sheet: string, block: CellRange): void {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    const task = this.flush(sheet, block)
      .catch(() => undefined)
      .then(() => {
        this.running.delete(key);
        if (this.again.delete(key)) this.run(key, sheet, block);
      });
    this.running.set(key, task);
  }
}

/** What the host makes of one change event. */
export type ChangeDecision =
  | { kind: "ignore" }
  | { kind: "structure"; sheet: string }
  | { kind: "block"; sheet: string; block: CellRange };

/** The parts of WorksheetChangedEventArgs used here. */
export interface ChangeEvent {
  address: string;
  changeType: string;
  /** "Local" or "Remote" (a coauthor's edit, Excel.WorksheetChangedEventArgs.source). */
  source?: string;
  triggerSource?: string;
}

const STRUCTURE_CHANGES = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);

/**
 * Decides what to do with a change on `sheet`: ignore the add-in's own writes (ExcelApi 1.14
 * says so in triggerSource; older builds are recognised by the ranges it wrote), report rows or
 * columns inserted or deleted (the cards moved: a full check is needed), else the card block
 * the change falls in, if any.
 */
export function decideChange(
  sheet: string,
  event: ChangeEvent,
  ownWrites: OwnWrites,
  locateBlock: (sheet: string, changed: CellRange) => CellRange | null,
): ChangeDecision {
  if (event.triggerSource === "ThisLocalAddin" || isStateSheetName(sheet)) return { kind: "ignore" };
  // Coauthors' edits come with source "Remote" (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs):
  // live validation reacts to local edits only, so that every coauthor's pane does not re-check
  // and rewrite the same flags and record at once. Their pane checks their edits.
  if (event.source === "Remote") return { kind: "ignore" };
  const changed = parseSheetAddress(event.address);
  if (!changed) return { kind: "ignore" };
  if (ownWrites.isOwn(sheet, changed)) return { kind: "ignore" };
  if (STRUCTURE_CHANGES.has(event.changeType)) return { kind: "structure", sheet };
  const block = locateBlock(sheet, changed);
  return block ? { kind: "block", sheet, block } : { kind: "ignore" };
}
