/**
 * The standalone page's WorkbookHost when a Web Worker holds the file (./service.ts): the same
 * interface and the same behaviour as FileWorkbookHost, with every heavy step in the worker.
 *
 * - The snapshots come over in parts and are kept here (the page's cell previews read them);
 *   they are registered with ./remote-analysis so that analysing them runs in the worker, on its
 *   own copy, with the engine's steps as progress.
 * - An analysis comes back with its write plan's outline (see RemoteAnalysis); applying that
 *   outline, or a plan made from it, sends references and the worker applies the full plan.
 * - Snapshots and analyses this page no longer holds are released in the worker when they are
 *   garbage-collected here.
 */
import type { Analysis, AnalyseOptions, ApplyReport, CardTemplate, CellWrite, HostCapabilities, OwnedSheet, Progress, SheetSnapshot, WorkbookHost, WritePlan } from "../../../engine";
import { STANDALONE_CAPABILITIES } from "../capabilities";
import { XLSX_MIME } from "../mime";
import { WorkerClient } from "./client";
import { WorkerFailedError, WorkerNotStartedError, type PageEndpoint, type PlanRef } from "./protocol";
import { registerAnalyser } from "./remote-analysis";

interface Held {
  generation?: number;
  analysis?: number;
}

interface Tag {
  id: number;
  /** Alive while any part of the outline is: its collection releases the worker's plan. */
  token: object;
}

/** Every outline any worker host gave out: one that is not this host's must not be applied as if it were a plan. */
const outlines = new WeakSet<object>();

export class WorkerFileHost implements WorkbookHost {
  readonly kind = "file" as const;
  readonly capabilities: HostCapabilities = STANDALONE_CAPABILITIES;
  private cached: SheetSnapshot[] | null = null;
  /** Bumped whenever the workbook changes, so that a read answered before a change is not kept. */
  private version = 0;
  private readonly plans = new WeakMap<WritePlan, Tag>();
  private readonly sheets = new WeakMap<OwnedSheet, Tag & { index: number }>();
  private readonly addedCells = new WeakMap<CellWrite[], Tag>();
  private readonly released: FinalizationRegistry<Held> | null;

  constructor(readonly client: WorkerClient) {
    this.released =
      typeof FinalizationRegistry === "undefined"
        ? null
        : new FinalizationRegistry<Held>((held) => client.release(held.generation ? [held.generation] : [], held.analysis ? [held.analysis] : []));
  }

  async readSnapshots(onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]> {
    if (!this.cached) {
      const version = this.version;
      const { generation, snapshots } = await this.client.call("snapshots", {}, { onProgress });
      registerAnalyser(snapshots, (options, report) => this.analyse(generation, options, report));
      this.released?.register(snapshots, { generation });
      if (version !== this.version) return snapshots;
      this.cached = snapshots;
    }
    const n = this.cached.length;
    onProgress?.({ fraction: 1, label: `Lettura dei fogli (${n} di ${n})` });
    return this.cached;
  }

  /** Analyses the snapshots of `generation` in the worker. */
  async analyse(generation: number, options: AnalyseOptions, onProgress?: (p: Progress) => void): Promise<Analysis> {
    const { id, outline, ...analysis } = await this.client.call("analyse", { generation, options }, { onProgress });
    this.tag(outline, id);
    return { ...analysis, writePlan: outline };
  }

  async applyWritePlan(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<ApplyReport> {
    const ref = this.refOf(plan);
    this.changed();
    return this.client.call("apply", { plan: ref }, { onProgress });
  }

  async clearAddinContent(): Promise<ApplyReport> {
    this.changed();
    return this.client.call("clear", {});
  }

  async insertNewCard(template: CardTemplate): Promise<string> {
    this.changed();
    return this.client.call("insertCard", { template });
  }

  /** A file has no window to activate; the page shows the cells itself. */
  async selectRange(_sheet: string, _range: string): Promise<void> {}

  /** A new .xlsx with one empty card, to download (written in this thread: one small sheet). */
  async newCardWorkbook(template: CardTemplate): Promise<Uint8Array> {
    const { newCardWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../card-sheet");
    return newCardWorkbook(template);
  }

  /** The workbook as it is now, as .xlsx bytes. */
  async toXlsx(): Promise<Uint8Array> {
    return this.client.call("save", {});
  }

  /** Applies the plan and saves, in the worker: the annotated copy (refused with the Italian reason when nothing could be written). */
  async annotatedCopy(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<Blob> {
    const ref = this.refOf(plan);
    this.changed();
    const bytes = await this.client.call("annotatedCopy", { plan: ref }, { onProgress });
    onProgress?.({ fraction: 1, label: "Copia pronta" });
    return new Blob([bytes as BlobPart], { type: XLSX_MIME });
  }

  /** Stops the worker. */
  close(): void {
    this.client.close();
  }

  private changed(): void {
    this.cached = null;
    this.version++;
  }

  private tag(outline: WritePlan, id: number): void {
    const token = {};
    outlines.add(outline);
    this.plans.set(outline, { id, token });
    outline.sheets.forEach((sheet, index) => {
      outlines.add(sheet);
      this.sheets.set(sheet, { id, token, index });
    });
    outlines.add(outline.addedCells);
    this.addedCells.set(outline.addedCells, { id, token });
    this.released?.register(token, { analysis: id });
  }

  /** What to send for `plan`: references for the parts of an outline, the rest as it is. */
  private refOf(plan: WritePlan): PlanRef {
    const whole = this.plans.get(plan);
    if (whole) return { kind: "analysis", id: whole.id };
    const foreign = () => new Error("Il piano di scrittura appartiene a un altro file aperto.");
    const sheets = plan.sheets.map((sheet) => {
      const tag = this.sheets.get(sheet);
      if (tag) return { $sheetOf: tag.id, index: tag.index };
      if (outlines.has(sheet)) throw foreign();
      return sheet;
    });
    const added = this.addedCells.get(plan.addedCells);
    if (!added && outlines.has(plan.addedCells)) throw foreign();
    return { kind: "plan", plan: { ...plan, sheets, addedCells: added ? { $addedCellsOf: added.id } : plan.addedCells } };
  }
}

/** A file opened in a worker: the host, its name, the annotated copy (as the in-thread OpenedFile). */
export interface WorkerOpenedFile {
  host: WorkerFileHost;
  fileName: string;
  annotatedCopy(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<Blob>;
}

/**
 * Opens `file` in the worker behind `endpoint`. Rejects with the reader's error (same name, same
 * Italian message) when the file cannot be opened, or a WorkerFailedError when the worker
 * stopped answering.
 */
export async function openInWorker(file: File, endpoint: PageEndpoint, onProgress?: (p: Progress) => void): Promise<WorkerOpenedFile> {
  const client = new WorkerClient(endpoint);
  try {
    onProgress?.({ fraction: 0.02, label: `Apertura di ${file.name}` });
    const bytes = await file.arrayBuffer();
    // The bytes move to the worker (no copy); the page does not need them any more.
    await client.call("open", { bytes }, { onProgress, transfer: [bytes] });
    onProgress?.({ fraction: 1, label: "File aperto" });
  } catch (error) {
    const started = client.answered;
    client.close();
    throw error instanceof WorkerFailedError && !started ? new WorkerNotStartedError(error.message, { cause: error }) : error;
  }
  const host = new WorkerFileHost(client);
  return { host, fileName: file.name, annotatedCopy: (plan, report) => host.annotatedCopy(plan, report) };
}
