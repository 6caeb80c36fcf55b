/**
 * The worker's side of the standalone page (./protocol.ts): it holds the ExcelJS workbook of the
 * opened file, its snapshots and the engine, and answers the page's requests one at a time (the
 * workbook is one mutable object). Everything heavy — unzipping and reading the .xlsx, the
 * analysis, building and applying the write plan, saving the copy — happens here, off the
 * page's thread. Progress is posted as each step starts; errors are answered as data.
 *
 * Used by ./worker.ts inside a Web Worker, and directly by the tests over a fake channel.
 */
import type * as ExcelJS from "exceljs";
import { analyse, type AnalyseOptions, type Progress, type SheetSnapshot, type WritePlan } from "../../../engine";
import { applyWritePlanToWorkbook, clearAddinContent, saveWorkbook, workbookSnapshots } from "../apply";
import { WorkbookNotWrittenError } from "../errors";
import { copyRefusal, insertCardSheet } from "../file-host";
import { loadWorkbook } from "../read";
import { ANALYSIS_AT, STEP_LABELS, engineStep } from "./labels";
import { splitValue, toWireError, type FromWorker, type Method, type Params, type PlanRef, type RemoteAnalysis, type RequestMessage, type Result, type WorkerEndpoint } from "./protocol";

/** Analyses whose full write plan is kept; older ones are rebuilt on demand from their inputs. */
const KEPT_PLANS = 3;

interface KeptAnalysis {
  snapshots: SheetSnapshot[];
  options: AnalyseOptions;
  writePlan: WritePlan | null;
}

type Report = (p: Progress) => void;

export class WorkbookService {
  private workbook: ExcelJS.Workbook | null = null;
  /** The snapshots of the workbook as it is now; null once it changed. */
  private current: { generation: number; snapshots: SheetSnapshot[] } | null = null;
  private nextGeneration = 1;
  /** Snapshots the page still holds, by generation (it may analyse an older read again). */
  private readonly generations = new Map<number, SheetSnapshot[]>();
  private nextAnalysis = 1;
  private readonly analyses = new Map<number, KeptAnalysis>();
  /** One request at a time: the workbook is one mutable object. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly endpoint: WorkerEndpoint) {
    endpoint.listen((message) => {
      if (message.kind === "release") {
        for (const g of message.generations) if (g !== this.current?.generation) this.generations.delete(g);
        for (const a of message.analyses) this.analyses.delete(a);
        return;
      }
      this.queue = this.queue.then(() => this.answer(message));
    });
  }

  private post(message: FromWorker, transfer?: Transferable[]): void {
    this.endpoint.post(message, transfer);
  }

  private async answer(request: RequestMessage): Promise<void> {
    const { id } = request;
    const report: Report = (progress) => this.post({ kind: "progress", id, progress });
    try {
      switch (request.method) {
        case "open":
          return this.reply(id, await this.open(request.params, report));
        case "snapshots":
          return this.stream(id, this.snapshots(report), report);
        case "analyse":
          return this.stream(id, this.analyse(request.params, report), report, ANALYSIS_AT.results);
        case "apply":
          return this.reply(id, this.apply(request.params.plan, (done, total) => ({ fraction: done / total, label: STEP_LABELS.written(done, total) }), report));
        case "annotatedCopy": {
          const bytes = await this.annotatedCopy(request.params.plan, report);
          return this.reply(id, bytes, [bytes.buffer as ArrayBuffer]);
        }
        case "clear":
          this.changed();
          return this.reply(id, clearAddinContent(this.opened()));
        case "insertCard":
          this.changed();
          return this.reply(id, insertCardSheet(this.opened(), request.params.template));
        case "save": {
          const bytes = await saveWorkbook(this.opened());
          return this.reply(id, bytes, [bytes.buffer as ArrayBuffer]);
        }
        default:
          // A page and a worker of different builds: answer, never leave the call waiting.
          throw new Error(`Richiesta sconosciuta al lettore .xlsx: ${(request as { method: string }).method}`);
      }
    } catch (error) {
      this.post({ kind: "error", id, error: toWireError(error) });
    }
  }

  private reply<M extends Method>(id: number, value: Result<M>, transfer?: Transferable[]): void {
    this.post({ kind: "result", id, value, streamed: false }, transfer);
  }

  /** Sends a large result in parts (see PART_BUDGET). */
  private stream(id: number, value: unknown, report: Report, at?: number): void {
    if (at !== undefined) report({ fraction: at, label: STEP_LABELS.results });
    for (const part of splitValue(value)) this.post({ kind: "part", id, ...part });
    this.post({ kind: "result", id, streamed: true });
  }

  private opened(): ExcelJS.Workbook {
    if (!this.workbook) throw new Error("Nessun file aperto nel lettore .xlsx.");
    return this.workbook;
  }

  /** The workbook changed: the next read makes new snapshots. */
  private changed(): void {
    this.current = null;
  }

  private async open({ bytes }: Params<"open">, report: Report): Promise<Result<"open">> {
    report({ fraction: 0.05, label: STEP_LABELS.file });
    this.workbook = await loadWorkbook(new Uint8Array(bytes));
    this.changed();
    // Reading now refuses an empty workbook at opening, as the in-thread host does.
    const { snapshots } = this.read((p) => report({ fraction: 0.8 + 0.2 * p.fraction, label: p.label }));
    return { sheets: snapshots.length };
  }

  private read(report: Report): { generation: number; snapshots: SheetSnapshot[] } {
    if (!this.current) {
      const snapshots = workbookSnapshots(this.opened(), (done, total) => report({ fraction: done / total, label: STEP_LABELS.sheets(done, total) }));
      this.current = { generation: this.nextGeneration++, snapshots };
    }
    this.generations.set(this.current.generation, this.current.snapshots);
    return this.current;
  }

  private snapshots(report: Report): Result<"snapshots"> {
    const read = this.read((p) => report({ fraction: 0.9 * p.fraction, label: p.label }));
    const n = read.snapshots.length;
    report({ fraction: 0.9, label: STEP_LABELS.sheets(n, n) });
    return read;
  }

  private analyse({ generation, options }: Params<"analyse">, report: Report): RemoteAnalysis {
    const snapshots = this.generations.get(generation);
    if (!snapshots) throw new Error(`Lettura dei fogli ${generation} non più disponibile.`);
    const analysis = analyse(snapshots, options, { onProgress: (p) => report(engineStep(p)) });
    report({ fraction: ANALYSIS_AT.writePlan, label: STEP_LABELS.writePlan });
    const writePlan = analysis.writePlan;
    const id = this.nextAnalysis++;
    this.keep(id, { snapshots, options, writePlan });
    const { plan, methodology, findings, schedules, scores } = analysis;
    return { id, plan, methodology, findings, schedules, scores, outline: outlineOf(writePlan) };
  }

  private keep(id: number, kept: KeptAnalysis): void {
    // Last used last, so that the oldest let go of their plans first.
    this.analyses.delete(id);
    this.analyses.set(id, kept);
    // Only the latest few keep their full plan in memory; the others are rebuilt when needed.
    const withPlans = [...this.analyses.entries()].filter(([, a]) => a.writePlan !== null);
    for (const [, a] of withPlans.slice(0, Math.max(0, withPlans.length - KEPT_PLANS))) a.writePlan = null;
  }

  /** The full write plan of an analysis (rebuilt, identically, if it was let go). */
  private planOf(id: number): WritePlan {
    const kept = this.analyses.get(id);
    if (!kept) throw new Error(`Analisi ${id} non più disponibile.`);
    if (!kept.writePlan) {
      const writePlan = analyse(kept.snapshots, kept.options).writePlan;
      this.keep(id, { ...kept, writePlan });
      return writePlan;
    }
    return kept.writePlan;
  }

  /** A plan reference made whole again. */
  resolve(ref: PlanRef): WritePlan {
    if (ref.kind === "analysis") return this.planOf(ref.id);
    const { sheets, addedCells, ...rest } = ref.plan;
    return {
      ...rest,
      sheets: sheets.map((s) => ("$sheetOf" in s ? (this.planOf(s.$sheetOf).sheets[s.index] as WritePlan["sheets"][number]) : s)),
      addedCells: Array.isArray(addedCells) ? addedCells : this.planOf(addedCells.$addedCellsOf).addedCells,
    };
  }

  private apply(ref: PlanRef, progress: (done: number, total: number) => Progress, report: Report) {
    const plan = this.resolve(ref);
    this.changed();
    return applyWritePlanToWorkbook(this.opened(), plan, { onProgress: (done, total) => report(progress(done, total)) });
  }

  private async annotatedCopy(ref: PlanRef, report: Report): Promise<Uint8Array> {
    // Applying is about a seventh of the time, saving (ExcelJS renders and compresses) the rest.
    const applied = this.apply(ref, (done, total) => ({ fraction: (0.15 * done) / total, label: STEP_LABELS.copy(done, total) }), report);
    const refused = copyRefusal(applied);
    if (refused) throw new WorkbookNotWrittenError(refused);
    report({ fraction: 0.15, label: STEP_LABELS.save });
    return saveWorkbook(this.opened());
  }
}

/**
 * The write plan without its bulk (cells, table rows, added cells): what the page needs to read
 * of it. See RemoteAnalysis.
 */
export function outlineOf(plan: WritePlan): WritePlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, cells: [], tables: s.tables.map((t) => ({ ...t, rows: [] })) })),
    addedCells: [],
  };
}

/** Serves the workbook on `endpoint` (the worker's global scope, or a test's channel). */
export function serveWorkbook(endpoint: WorkerEndpoint): WorkbookService {
  return new WorkbookService(endpoint);
}
