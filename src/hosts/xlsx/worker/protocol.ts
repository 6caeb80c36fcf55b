/**
 * The messages between the standalone page and the Web Worker that holds the .xlsx workbook
 * (./service.ts) — a small request/response protocol:
 *
 *   page → worker   { kind: "request", id, method, params }     one per call (ids never reused)
 *                   { kind: "release", generations, analyses }  the page dropped these (no answer)
 *   worker → page   { kind: "progress", id, progress }          any number, in order
 *                   { kind: "part", id, path, value, append? }  pieces of a large result
 *                   { kind: "result", id, value?, streamed }    exactly one of result / error
 *                   { kind: "error", id, error: { code, name, message } }
 *
 * Errors travel as data: the name and the Italian message of the error thrown in the worker (a
 * WorkbookEncryptedError stays a "WorkbookEncryptedError" with its message), so the page shows
 * what it showed when everything ran in one thread.
 *
 * Large results (snapshots, an analysis) are sent as parts of at most about PART_BUDGET bytes:
 * the page deserialises each message in its own task, and one 10 MB plan in one message would
 * be a 150–300 ms task on the page's thread — the freeze the worker is there to avoid.
 *
 * Pure: no DOM, no ExcelJS; both sides and the tests import it.
 */
import type { Analysis, AnalyseOptions, CardTemplate, Progress, SheetSnapshot, ApplyReport, CellWrite, OwnedSheet, WritePlan } from "../../../engine";

/**
 * An analysis as the worker sends it. The write plan stays in the worker (18 MB for 1,000
 * cards); the page gets its outline: the same plan with every owned sheet's cells and table rows
 * and the added cells left empty. Sheet names and keys, flags, messages and stats are the
 * plan's own, so what the task pane reads of a plan (flagged areas, the sheet to go to, the
 * Giunta's version) is as it was; the worker applies the full plan behind it.
 */
export interface RemoteAnalysis extends Omit<Analysis, "writePlan"> {
  /** The worker's name for this analysis (its full write plan). */
  id: number;
  outline: WritePlan;
}

/** An owned sheet of an analysis's full write plan, by position. */
export interface SheetRef {
  $sheetOf: number;
  index: number;
}

/** The added cells of an analysis's full write plan. */
export interface AddedCellsRef {
  $addedCellsOf: number;
}

/** A write plan as it crosses to the worker: outline parts are sent as references. */
export type WirePlan = Omit<WritePlan, "sheets" | "addedCells"> & {
  sheets: Array<OwnedSheet | SheetRef>;
  addedCells: CellWrite[] | AddedCellsRef;
};

/** What to apply: an analysis's plan as it is, or a plan made from one (the Giunta's) or by hand. */
export type PlanRef = { kind: "analysis"; id: number } | { kind: "plan"; plan: WirePlan };

/** Every method, its parameters and its result. */
export interface Methods {
  /** Loads the bytes and reads every sheet (refusing an empty workbook, as the in-thread host does). */
  open: { params: { bytes: ArrayBuffer }; result: { sheets: number } };
  /** The snapshots as they are now; `generation` names them for `analyse`. */
  snapshots: { params: Record<string, never>; result: { generation: number; snapshots: SheetSnapshot[] } };
  analyse: { params: { generation: number; options: AnalyseOptions }; result: RemoteAnalysis };
  apply: { params: { plan: PlanRef }; result: ApplyReport };
  /** Applies the plan and saves: the annotated copy's bytes (refused when nothing could be written). */
  annotatedCopy: { params: { plan: PlanRef }; result: Uint8Array };
  clear: { params: Record<string, never>; result: ApplyReport };
  insertCard: { params: { template: CardTemplate }; result: string };
  save: { params: Record<string, never>; result: Uint8Array };
}

export type Method = keyof Methods;
export type Params<M extends Method> = Methods[M]["params"];
export type Result<M extends Method> = Methods[M]["result"];

export type PathKey = string | number;

export interface Part {
  path: PathKey[];
  value: unknown;
  /** `value` is a list of items to push onto the array at `path`. */
  append?: boolean;
}

/** An error as data. `code` is the reader's ("encrypted", "empty"…), else "unexpected". */
export interface WireError {
  code: string;
  name: string;
  message: string;
}

export type RequestMessage = { [M in Method]: { kind: "request"; id: number; method: M; params: Params<M> } }[Method];
export type ReleaseMessage = { kind: "release"; generations: number[]; analyses: number[] };
export type ToWorker = RequestMessage | ReleaseMessage;

export type FromWorker =
  | { kind: "progress"; id: number; progress: Progress }
  | ({ kind: "part"; id: number } & Part)
  | { kind: "result"; id: number; value?: unknown; streamed: boolean }
  | { kind: "error"; id: number; error: WireError };

/** One end of the channel (a Worker, the worker's global scope, or a test's fake). */
export interface Endpoint<Out, In> {
  post(message: Out, transfer?: Transferable[]): void;
  /** `onFailure`: the other side cannot answer any more (it crashed, a message could not be read). */
  listen(onMessage: (message: In) => void, onFailure?: (error: Error) => void): void;
  close?(): void;
}

export type PageEndpoint = Endpoint<ToWorker, FromWorker>;
export type WorkerEndpoint = Endpoint<FromWorker, ToWorker>;

// ---------------------------------------------------------------------------------------------
// Errors.

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === "string" ? code : "unexpected", name: error.name || "Error", message: error.message };
  }
  return { code: "unexpected", name: "Error", message: String(error) };
}

/** An error thrown in the worker, seen on the page: same name, same message, and its code. */
export class RemoteError extends Error {
  readonly code: string;

  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
  }
}

/**
 * The worker stopped answering (it crashed, or a message could not be read). User-facing: the
 * task pane shows the message as it is.
 */
export class WorkerFailedError extends Error {
  override name = "UserFacingError";
  readonly code = "worker-failed";

  constructor(detail: string, options?: ErrorOptions) {
    super(`La lettura del file nel browser si è interrotta (${detail}). Ricaricare la pagina e aprire di nuovo il file.`, options);
  }
}

/** The worker never answered at all (its script did not load): the page reads the file itself. */
export class WorkerNotStartedError extends WorkerFailedError {}

// ---------------------------------------------------------------------------------------------
// Large values in parts.

/** About how many bytes a part may hold (structured clone), so each message is a short task. */
export const PART_BUDGET = 256 * 1024;

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A rough size in bytes of `value` as structured clone writes it; stops counting past `cap`. */
export function sizeOf(value: unknown, cap = Infinity): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (size > cap) return size;
    const v = stack.pop();
    if (typeof v === "string") size += 4 + v.length;
    else if (v === null || typeof v !== "object") size += 8;
    else if (ArrayBuffer.isView(v)) size += v.byteLength;
    else if (Array.isArray(v)) {
      size += 4;
      // Every item takes a few bytes: a long array is too big without visiting it all.
      if (size + v.length * 2 > cap) return size + v.length * 2;
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (isPlainObject(v)) {
      size += 4;
      for (const k in v) {
        size += k.length + 2;
        stack.push(v[k]);
      }
    } else size += 64;
  }
  return size;
}

/**
 * `value` as parts of about `budget` bytes each, to be applied in order by an Assembler: plain
 * objects and arrays too big for one part are sent as a shell and then filled (key order and
 * array order kept); anything else travels whole.
 */
export function* splitValue(value: unknown, budget = PART_BUDGET): Generator<Part> {
  yield* split([], value, budget);
}

function* split(path: PathKey[], value: unknown, budget: number): Generator<Part> {
  if (value === null || typeof value !== "object" || sizeOf(value, budget) <= budget) {
    yield { path, value };
    return;
  }
  if (Array.isArray(value)) {
    yield { path, value: [] };
    let batch: unknown[] = [];
    let batchSize = 0;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const size = sizeOf(item, budget);
      if (batch.length > 0 && batchSize + size > budget) {
        yield { path, value: batch, append: true };
        batch = [];
        batchSize = 0;
      }
      if (size > budget) {
        // The array holds i items by now: the item's own parts fill index i.
        yield* split([...path, i], item, budget);
        continue;
      }
      batch.push(item);
      batchSize += size;
    }
    if (batch.length > 0) yield { path, value: batch, append: true };
    return;
  }
  if (!isPlainObject(value)) {
    yield { path, value };
    return;
  }
  const shell: Record<string, unknown> = {};
  const later: string[] = [];
  let shellSize = 0;
  for (const key of Object.keys(value)) {
    const size = sizeOf(value[key], budget);
    if (shellSize + size <= budget) {
      shell[key] = value[key];
      shellSize += size;
    } else {
      // A placeholder keeps the key's place in the object.
      shell[key] = null;
      later.push(key);
    }
  }
  yield { path, value: shell };
  for (const key of later) yield* split([...path, key], value[key], budget);
}

/** Puts a value back together from its parts. */
export class Assembler {
  private readonly holder: { value?: unknown } = {};
  /** Whether any part arrived. */
  received = false;

  apply(part: Part): void {
    this.received = true;
    let parent = this.holder as Record<PathKey, unknown>;
    let key: PathKey = "value";
    for (const k of part.path) {
      parent = parent[key] as Record<PathKey, unknown>;
      key = k;
    }
    if (key === "__proto__" || key === "constructor" || key === "prototype") throw new Error(`Invalid part path: ${part.path.join(".")}`);
    if (part.append) {
      const target = parent[key] as unknown[];
      for (const item of part.value as unknown[]) target.push(item);
    } else parent[key] = part.value;
  }

  get value(): unknown {
    return this.holder.value;
  }
}
