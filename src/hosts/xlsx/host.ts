/**
 * A WorkbookHost over the bytes of an .xlsx, for Node (the CLI, scripts, tests): the same port the
 * task pane talks to, with no DOM. The file is loaded once into an in-memory ExcelJS workbook;
 * write plans are applied to it and cleared from it by ./apply, and `saveBytes()` gives the
 * workbook back as .xlsx bytes. Writing those bytes (atomically, with backups) is the caller's.
 *
 * The standalone page uses FileWorkbookHost (./file-host), which reaches the same ./read and
 * ./apply through dynamic imports so that ExcelJS stays out of the page's first chunk.
 */
import type * as ExcelJS from "exceljs";
import { NO_CAPABILITIES, type ApplyReport, type HostCapabilities, type Progress, type SheetSnapshot, type WorkbookHost, type WritePlan } from "../../engine";
import { applyWritePlanToWorkbook, clearAddinContent, saveWorkbook, workbookSnapshots } from "./apply";
import { loadWorkbook, unreadSheetsMessage } from "./read";

export class XlsxWorkbookHost implements WorkbookHost {
  readonly kind = "file" as const;
  /** A file in Node: no window, no selection, nothing to download (the caller writes the bytes). */
  readonly capabilities: HostCapabilities = NO_CAPABILITIES;
  /** Snapshots of the workbook as last read; dropped whenever the workbook changes. */
  private cached: SheetSnapshot[] | null = null;

  private constructor(private readonly workbook: ExcelJS.Workbook) {}

  /**
   * Opens the bytes of an .xlsx and reads its snapshots once. Throws the reader's errors
   * (WorkbookUnreadableError, WorkbookLegacyFormatError, WorkbookEncryptedError,
   * WorkbookEmptyError), whose Italian messages are shown as they are.
   */
  static async open(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbookHost> {
    const host = new XlsxWorkbookHost(await loadWorkbook(data));
    // An empty workbook is refused at opening, as in the standalone page.
    await host.readSnapshots();
    return host;
  }

  /**
   * Every sheet plus the add-in's state sheet SO_Stato, so that the engine tells its own sheets
   * apart from the user's.
   */
  async readSnapshots(onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]> {
    this.cached ??= workbookSnapshots(this.workbook);
    onProgress?.({ fraction: 1, label: `Lettura dei fogli (${this.cached.length} di ${this.cached.length})` });
    return this.cached;
  }

  /** Applies the plan to the workbook in memory (undoing the add-in's previous run first). */
  async applyWritePlan(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<ApplyReport> {
    this.cached = null;
    const report = applyWritePlanToWorkbook(this.workbook, plan);
    onProgress?.({ fraction: 1, label: "Scrittura completata" });
    return report;
  }

  /** Removes everything the add-in added to the workbook in memory. */
  async clearAddinContent(): Promise<ApplyReport> {
    this.cached = null;
    return clearAddinContent(this.workbook);
  }

  /** A file has no window to activate. */
  async selectRange(_sheet: string, _range: string): Promise<void> {}

  /**
   * The Italian line about sheets the workbook lists but that could not be read (a missing part,
   * a chart sheet: not analysed, not in a copy written from it), or null when there are none.
   */
  unreadSheetsMessage(): string | null {
    return unreadSheetsMessage(this.workbook);
  }

  /** The workbook as it is now (with whatever plan was applied or cleared), as .xlsx bytes. */
  async saveBytes(): Promise<Uint8Array> {
    return saveWorkbook(this.workbook);
  }
}

/** Opens the bytes of an .xlsx as a WorkbookHost (see XlsxWorkbookHost.open for the errors). */
export function openXlsxHost(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbookHost> {
  return XlsxWorkbookHost.open(data);
}
