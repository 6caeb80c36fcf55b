/**
 * A WorkbookHost over an .xlsx file in the browser (the standalone page). The file is loaded once
 * into an in-memory ExcelJS workbook; write plans are applied to it exactly as the CLI applies
 * them, and the annotated copy is that workbook written back to bytes.
 *
 * ExcelJS is large, so this module reaches it only through dynamic imports of ./read and ./apply:
 * the page's initial bundle never contains it, and it is fetched when a file is first opened.
 */
import type * as ExcelJS from "exceljs";

type Workbook = ExcelJS.Workbook;
import { writeRefusal, type ApplyReport, type CardTemplate, type HostCapabilities, type Progress, type SheetSnapshot, type WorkbookHost, type WritePlan } from "../../engine";
import { STANDALONE_CAPABILITIES } from "./capabilities";
import { WorkbookNotWrittenError } from "./errors";
import { XLSX_MIME } from "./mime";

type ReadModule = typeof import("./read");
type ApplyModule = typeof import("./apply");

interface XlsxModules {
  read: ReadModule;
  apply: ApplyModule;
}

let modules: Promise<XlsxModules> | null = null;

/** Loads the ExcelJS-based modules once, in their own chunk. */
function loadModules(): Promise<XlsxModules> {
  modules ??= Promise.all([
    import(/* webpackChunkName: "xlsx" */ "./read"),
    import(/* webpackChunkName: "xlsx" */ "./apply"),
  ]).then(([read, apply]) => ({ read, apply }));
  return modules;
}

export { XLSX_MIME };

/** Lets the browser repaint the progress bar between sheets. */
const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class FileWorkbookHost implements WorkbookHost {
  readonly kind = "file" as const;
  /**
   * A file in the browser: no window to select in, no typing to follow; writes go to the copy in
   * memory the user downloads, and a new card comes as a workbook of its own (a card added to the
   * copy would have no undo and would change the figures being checked).
   */
  readonly capabilities: HostCapabilities = STANDALONE_CAPABILITIES;
  /** Snapshots of the workbook as last read; dropped whenever the workbook changes. */
  private cached: SheetSnapshot[] | null = null;

  private constructor(
    private workbook: Workbook,
    private readonly xlsx: XlsxModules,
  ) {}

  /**
   * Opens the bytes of an .xlsx. Throws the reader's errors (WorkbookUnreadableError,
   * WorkbookEncryptedError, WorkbookEmptyError), whose Italian messages the page shows as they are.
   */
  static async open(data: ArrayBuffer | Uint8Array): Promise<FileWorkbookHost> {
    const xlsx = await loadModules();
    const host = new FileWorkbookHost(await xlsx.read.loadWorkbook(data), xlsx);
    // Reading now refuses an empty workbook at opening, and the snapshots are kept for the analysis.
    await host.readSnapshots();
    return host;
  }

  /**
   * The snapshots the engine needs: every sheet plus the add-in's state sheet (so the write plan
   * knows what a previous run added), as the CLI reads them.
   */
  async readSnapshots(onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]> {
    if (!this.cached) {
      onProgress?.({ fraction: 0.1, label: "Lettura dei fogli" });
      await yieldToBrowser();
      this.cached = this.xlsx.apply.workbookSnapshots(this.workbook);
    }
    onProgress?.({ fraction: 1, label: `Lettura dei fogli (${this.cached.length} di ${this.cached.length})` });
    return this.cached;
  }

  /** Applies the plan to the workbook in memory, as the CLI does; resolves to the xlsx host's report. */
  async applyWritePlan(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<ApplyReport> {
    onProgress?.({ fraction: 0.1, label: "Scrittura dei fogli di verifica" });
    await yieldToBrowser();
    this.cached = null;
    const report = this.xlsx.apply.applyWritePlanToWorkbook(this.workbook, plan);
    onProgress?.({ fraction: 1, label: "Scrittura completata" });
    return report;
  }

  async clearAddinContent(): Promise<ApplyReport> {
    this.cached = null;
    return this.xlsx.apply.clearAddinContent(this.workbook);
  }

  /**
   * Adds the add-in's card on a new sheet (after the others) with its data validation, so a card
   * started in the browser arrives in Excel already guarded. Resolves to the sheet's name. The
   * pane does not offer it (capabilities.insertCard): it offers `newCardWorkbook` instead.
   */
  async insertNewCard(template: CardTemplate): Promise<string> {
    this.cached = null;
    return insertCardSheet(this.workbook, template);
  }

  /** A new .xlsx with one empty card, to download; the open workbook does not change. */
  async newCardWorkbook(template: CardTemplate): Promise<Uint8Array> {
    const { newCardWorkbook } = await import(/* webpackChunkName: "xlsx" */ "./card-sheet");
    return newCardWorkbook(template);
  }

  /** A file has no window to activate; the page shows the cells itself. */
  async selectRange(_sheet: string, _range: string): Promise<void> {}

  /** The workbook as it is now (with whatever plan was applied), as .xlsx bytes. */
  async toXlsx(): Promise<Uint8Array> {
    return this.xlsx.apply.saveWorkbook(this.workbook);
  }
}

/**
 * Writes the add-in's card on a new sheet of `workbook` (after the others) with its data
 * validation; returns the sheet's name. Shared by the in-thread host and the worker.
 */
export function insertCardSheet(workbook: Workbook, template: CardTemplate): string {
  const name = freeSheetName(template.sheetName, workbook.worksheets.map((ws) => ws.name));
  writeCardSheet(workbook.addWorksheet(name), template);
  return name;
}

/**
 * Writes the card's cells, merges, data validation and column widths on `ws` (positions are
 * zero-based). ExcelJS types only: the page's first chunk stays without ExcelJS.
 */
export function writeCardSheet(ws: ExcelJS.Worksheet, template: CardTemplate): void {
  const thin = { style: "thin" as const };
  for (const c of template.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.value;
    if (c.bold) cell.font = { bold: true };
    if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    if (c.border) cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    if (c.numberFormat) cell.numFmt = c.numberFormat;
  }
  for (const m of template.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const v of template.validations) {
    const validation: ExcelJS.DataValidation =
      v.rule.kind === "list"
        ? { type: "list", allowBlank: true, formulae: [`"${v.rule.values.join(",")}"`] }
        : { type: "decimal", operator: "between", allowBlank: true, formulae: [v.rule.min, v.rule.max] };
    Object.assign(validation, { showInputMessage: true, prompt: v.prompt, showErrorMessage: true, errorStyle: "stop", error: v.error });
    for (let r = v.top; r <= v.bottom; r++) for (let c = v.left; c <= v.right; c++) ws.getCell(r + 1, c + 1).dataValidation = validation;
  }
  for (const [col, width] of Object.entries(template.columnWidths)) ws.getColumn(Number(col) + 1).width = width;
}

/**
 * The message that refuses an annotated copy, if any: nothing was written (a user's visible
 * SO_Stato, a damaged record), so no copy is offered as if it were annotated (as the CLI does).
 */
export function copyRefusal(report: ApplyReport): string | null {
  return writeRefusal(report)?.message ?? null;
}

/** `wanted`, or `wanted (2)`, `wanted (3)`… — the first name no sheet has (Excel ignores case; 31 characters at most). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A file opened in the standalone page: the host, its name, and the annotated copy. */
export interface OpenedFile {
  host: FileWorkbookHost;
  fileName: string;
  annotatedCopy(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<Blob>;
}

/** Reads a File chosen by the user and opens it as a host. */
export async function openWorkbookFile(file: File, onProgress?: (p: Progress) => void): Promise<OpenedFile> {
  onProgress?.({ fraction: 0.05, label: `Apertura di ${file.name}` });
  const data = await file.arrayBuffer();
  onProgress?.({ fraction: 0.2, label: "Caricamento del lettore .xlsx" });
  const host = await FileWorkbookHost.open(data);
  onProgress?.({ fraction: 1, label: "File aperto" });
  return {
    host,
    fileName: file.name,
    async annotatedCopy(plan, report) {
      const applied = await host.applyWritePlan(plan, (p) => report?.({ fraction: p.fraction * 0.7, label: p.label }));
      // Nothing was written: no copy is offered as if it were annotated (the CLI does the same).
      const refused = copyRefusal(applied);
      if (refused) throw new WorkbookNotWrittenError(refused);
      report?.({ fraction: 0.8, label: "Preparazione del file .xlsx" });
      await yieldToBrowser();
      const bytes = await host.toXlsx();
      report?.({ fraction: 1, label: "Copia pronta" });
      return new Blob([bytes as BlobPart], { type: XLSX_MIME });
    },
  };
}
