/**
 * A fake of the Excel JavaScript API, strict the way Office is:
 *
 * - every proxy queues its work; nothing reaches the "document" before `context.sync()`;
 * - reading a property that was not loaded, or loaded but not yet synced, throws
 *   PropertyNotLoaded; `items` of a collection likewise; a bare `load()` is refused;
 * - an *OrNullObject proxy answers `isNullObject` only after a sync, and calling a method on a
 *   null object fails the batch (the host must never chain on one);
 * - a sync whose request or response passes 5 MB, or that reads more than 5 million cells,
 *   fails with Excel on the web's error codes and changes nothing;
 * - writes fire WorksheetChanged events unless the add-in switched events off.
 *
 * It counts syncs and logs each batch, so tests assert round trips and batching. Only the API
 * surface the Excel host uses is modelled.
 */
import { columnToLetters, parseRangeA1, quoteSheetName } from "../../../src/engine/cells/a1";
import type { CellValue, SheetSnapshot } from "../../../src/engine/model/snapshot";

// ---------------------------------------------------------------------------------------------
// The document.

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellModel {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  wrap?: boolean;
  hyperlink?: { documentReference?: string; textToDisplay?: string };
  border?: boolean;
  verticalAlignment?: string;
  validation?: Record<string, unknown>;
}

export class SheetModel {
  readonly cells = new Map<number, CellModel>();
  readonly notes = new Map<string, string>();
  merges: Box[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  tabColor: string | null = null;
  freeze: { rows: number; cols: number } | null = null;
  /** Print settings set through pageLayout (orientation, zoom, title rows, headers and footers). */
  page: Record<string, unknown> = {};
  /** Data bars added through range.conditionalFormats: the box and the settings, as set. */
  dataBars: Array<{ box: { top: number; left: number; bottom: number; right: number }; settings: Record<string, unknown> }> = [];
  /** Rows (zero-based) above which horizontalPageBreaks.add put a break. */
  pageBreaks: number[] = [];
  readonly columnWidths = new Map<number, number>();

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  static key(row: number, col: number): number {
    return row * 20_000 + col;
  }

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }

  /** The cell, created empty when missing (for formats on empty cells). */
  touch(row: number, col: number): CellModel {
    const k = SheetModel.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: "", formula: null, numberFormat: "General", fill: null };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Bounding box of the cells with a value or formula (Excel's used range, valuesOnly). */
  usedBox(): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (c.value === "" && c.formula === null) continue;
      const row = Math.floor(k / 20_000);
      const col = k % 20_000;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /**
   * A formula and its result. An error result is stored as its text ("#DIV/0!"): that is what
   * `Range.values` returns for it ("basicValue: Represents the value that would be returned by
   * Range.values for a cell with this value", "#DIV/0!",
   * https://learn.microsoft.com/javascript/api/excel/excel.div0errorcellvalue), the en-US spelling.
   */
  formula(address: string, formula: string, result: string | number | boolean): this {
    const at = parseRangeA1(address);
    if (!at) throw new Error(`bad address ${address}`);
    const cell = this.touch(at.top, at.left);
    cell.formula = formula.startsWith("=") ? formula : `=${formula}`;
    cell.value = result;
    return this;
  }

  /** Literal rows of values placed at `topLeft` ("B3"); null/undefined leave the cell empty. */
  put(topLeft: string, rows: ReadonlyArray<ReadonlyArray<CellValue | undefined>>, formats: Record<string, string> = {}): this {
    const at = parseRangeA1(topLeft);
    if (!at) throw new Error(`bad address ${topLeft}`);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        this.touch(at.top + r, at.left + c).value = v;
      }),
    );
    for (const [address, format] of Object.entries(formats)) {
      const b = parseRangeA1(address);
      if (b) this.touch(b.top, b.left).numberFormat = format;
    }
    return this;
  }
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  box: Box;
  style: string;
  showBandedRows: boolean;
}

export interface CommentModel {
  id: string;
  sheet: SheetModel;
  row: number;
  col: number;
  content: string;
}

/** One `context.sync()`, as the fake saw it. */
export interface BatchLog {
  /** Action names in order: "Range.formulas=", "Application.suspendScreenUpdatingUntilNextSync", … */
  actions: string[];
  loads: number;
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
  /** Objects (object paths) the request carried. */
  objects: number;
  failed?: string;
}

/** Request bytes of one object path and its instantiate action (see FakeContext.countObject). */
export const OBJECT_PATH_BYTES = 150;

export interface FakeExcelOptions {
  /** Highest ExcelApi version supported: "1.9" … "1.18". */
  excelApi?: string;
  /** "OfficeOnline" enforces the 5 MB payload limit; "PC" only the 5 million cell read limit. */
  platform?: "OfficeOnline" | "PC";
  payloadLimitBytes?: number;
  readCellLimit?: number;
  /** Deliver change events for the add-in's writes even with events switched off (a host that leaks them). */
  leakOwnEvents?: boolean;
  /**
   * The code of an oversized response on the web. Excel on the web often answers a response
   * past 5 MB with `GeneralException` ("An internal error has occurred") rather than
   * `ResponsePayloadSizeLimitExceeded`: https://github.com/OfficeDev/office-js-docs/issues/1247,
   * https://github.com/OfficeDev/office-js/issues/1314, https://github.com/OfficeDev/office-js/issues/1012.
   */
  responseTooLargeCode?: "ResponsePayloadSizeLimitExceeded" | "GeneralException";
  /**
   * What a range past the 5 million cell read limit gives: an error, or `values` (and the other
   * grids) null without any error — "the API doesn't always throw an error. In some cases,
   * Range.values returns null instead" (https://github.com/OfficeDev/office-js-docs-pr/pull/5821,
   * docs/excel/performance.md; the author adds "it would be safer to check for both these return
   * values"). The fake gives null for `getCellProperties` on such a range too, which no page
   * settles either way.
   */
  overCellLimit?: "error" | "null";
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = "OfficeExtension.Error";
  }
}

type Handler = (args: unknown) => Promise<unknown> | unknown;

interface Registration {
  id: number;
  kind: "changed" | "selection";
  handler: Handler;
  removed: boolean;
}

export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly comments: CommentModel[] = [];
  readonly batches: BatchLog[] = [];
  readonly options: Required<FakeExcelOptions>;
  /** Syncs since the last reset. */
  syncs = 0;
  eventsEnabled = true;
  /**
   * Workbook structure protection: sheets cannot be added, deleted, moved, renamed or hidden
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#protect-the-workbooks-structure);
   * Excel refuses with AccessDenied, "You cannot perform the requested operation"
   * (the code and message quoted in https://github.com/OfficeDev/office-js/issues/6784).
   */
  structureProtected = false;
  /**
   * Tests: the write action (counted from 1 over every sync, loads not counted) that fails with
   * GeneralException. A batch is not atomic: the actions queued before the failing one stay done
   * (the trace example of https://learn.microsoft.com/javascript/api/office/officeextension.error:
   * the operations before the error ran, the rest of the batch did not).
   */
  failAtWrite: number | null = null;
  /** Write actions run so far (see failAtWrite). */
  writeActions = 0;
  /**
   * Cell-edit mode (the user is typing in a cell). A batch of a run without
   * `delayForCellEdit: true` fails with InvalidOperationInCellEditMode; with it, the batch waits
   * until the user leaves the cell ("the batch request is delayed until the user exits cell edit
   * mode", https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  private editing: { done: Promise<void>; exit: () => void } | null = null;
  activeSheet: SheetModel | null = null;
  activeCell: { sheet: SheetModel; row: number; col: number } | null = null;
  private nextId = 1;
  private readonly registrations: Registration[] = [];
  private readonly pendingEvents: Array<() => Promise<unknown> | unknown> = [];
  /** Events delivered so far, for tests that wait on them. */
  private delivering: Promise<void> = Promise.resolve();

  constructor(options: FakeExcelOptions = {}) {
    this.options = {
      excelApi: options.excelApi ?? "1.18",
      platform: options.platform ?? "OfficeOnline",
      payloadLimitBytes: options.payloadLimitBytes ?? 5_000_000,
      readCellLimit: options.readCellLimit ?? 5_000_000,
      leakOwnEvents: options.leakOwnEvents ?? false,
      responseTooLargeCode: options.responseTooLargeCode ?? "ResponsePayloadSizeLimitExceeded",
      overCellLimit: options.overCellLimit ?? "error",
    };
  }

  /** The user starts typing in a cell. */
  enterCellEdit(): void {
    if (this.editing) return;
    let exit: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (exit = resolve));
    this.editing = { done, exit };
  }

  /** The user leaves the cell (Enter, Esc, a click elsewhere): delayed batches go on. */
  exitCellEdit(): void {
    const e = this.editing;
    this.editing = null;
    e?.exit();
  }

  get inCellEdit(): boolean {
    return this.editing !== null;
  }

  /** Resolves when cell-edit mode ends (at once when not editing). */
  async cellEditDone(): Promise<void> {
    await this.editing?.done;
  }

  addSheet(name: string): SheetModel {
    if (this.findSheet(name)) throw new OfficeError("ItemAlreadyExists");
    const sheet = new SheetModel(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** By name (ignoring case, as Excel) or id. */
  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === nameOrId);
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  deleteSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new OfficeError("ItemNotFound");
    this.sheets.splice(i, 1);
    for (let t = this.tables.length - 1; t >= 0; t--) if (this.tables[t]?.sheet === sheet) this.tables.splice(t, 1);
    for (let c = this.comments.length - 1; c >= 0; c--) if (this.comments[c]?.sheet === sheet) this.comments.splice(c, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  resetCounters(): void {
    this.syncs = 0;
    this.batches.length = 0;
  }

  supports(version: string): boolean {
    const [maj, min] = version.split(".").map(Number) as [number, number];
    const [hMaj, hMin] = this.options.excelApi.split(".").map(Number) as [number, number];
    return maj < hMaj || (maj === hMaj && min <= hMin);
  }

  /** Installs `Excel` and `Office` globals backed by this fake; returns an uninstaller. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = {
      run: async <T>(a: unknown, b?: unknown): Promise<T> => {
        const batch = (typeof a === "function" ? a : b) as (context: FakeContext) => Promise<T>;
        // Excel.run(context, batch) goes on with an existing context (event handlers are removed so);
        // Excel.run(options, batch) takes RunOptions.
        const options = typeof a === "object" && a !== null && !(a instanceof FakeContext) ? (a as { delayForCellEdit?: boolean }) : {};
        const context = a instanceof FakeContext ? a : new FakeContext(this, options.delayForCellEdit === true);
        const result = await batch(context);
        if (context.hasPending()) await context.sync();
        return result;
      },
    };
    g.Office = {
      context: {
        platform: this.options.platform,
        requirements: { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && this.supports(version ?? "1.1") },
      },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    };
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  // ---- events ----

  register(kind: Registration["kind"], handler: Handler): Registration {
    const r: Registration = { id: this.nextId++, kind, handler, removed: false };
    this.registrations.push(r);
    return r;
  }

  get handlerCount(): number {
    return this.registrations.filter((r) => !r.removed).length;
  }

  /** A change the user makes: the cell values change, then WorksheetChanged fires. */
  async userEdits(sheetName: string, address: string, rows: ReadonlyArray<ReadonlyArray<CellValue>>): Promise<void> {
    const sheet = this.sheet(sheetName);
    const b = parseRangeA1(address);
    if (!b) throw new Error(`bad address ${address}`);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = sheet.touch(b.top + r, b.left + c);
        cell.value = v === null ? "" : v;
        cell.formula = null;
      }),
    );
    await this.fireChanged(sheet, address, "RangeEdited", "Local", "Unknown");
  }

  /**
   * A coauthor's edit: the cells change and WorksheetChanged fires with source "Remote"
   * ("Gets the source of the event", Excel.EventSource "Local" | "Remote",
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs).
   */
  async remoteEdits(sheetName: string, address: string, rows: ReadonlyArray<ReadonlyArray<CellValue>>): Promise<void> {
    const sheet = this.sheet(sheetName);
    const b = parseRangeA1(address);
    if (!b) throw new Error(`bad address ${address}`);
    rows.forEach((row, r) => row.forEach((v, c) => (sheet.touch(b.top + r, b.left + c).value = v === null ? "" : v)));
    await this.fireChanged(sheet, address, "RangeEdited", "Remote", "Unknown");
  }

  /**
   * The user inserts `count` rows at `row` (zero-based): the event carries whole-row addresses
   * ("5:7"), not cell ranges (WorksheetChangedEventArgs.address with changeType RowInserted;
   * see also https://github.com/OfficeDev/office-js/issues/669 on the changeType of such
   * events). The fake does not shift the cells: the host only has to notice the change.
   */
  async userInsertsRows(sheetName: string, row: number, count: number): Promise<void> {
    await this.fireChanged(this.sheet(sheetName), `${row + 1}:${row + count}`, "RowInserted", "Local", "Unknown");
  }

  /** The user inserts whole columns ("C:D"). */
  async userInsertsColumns(sheetName: string, col: number, count: number): Promise<void> {
    await this.fireChanged(this.sheet(sheetName), `${columnToLetters(col)}:${columnToLetters(col + count - 1)}`, "ColumnInserted", "Local", "Unknown");
  }

  async fireChanged(sheet: SheetModel, address: string, changeType: string, source = "Local", triggerSource?: string): Promise<void> {
    const args: Record<string, unknown> = { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType, source };
    if (this.supports("1.14") && triggerSource) args.triggerSource = triggerSource;
    await this.dispatch("changed", args);
  }

  async fireSelection(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    await this.dispatch("selection", { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address });
  }

  private async dispatch(kind: Registration["kind"], args: unknown): Promise<void> {
    for (const r of this.registrations) if (!r.removed && r.kind === kind) await r.handler(args);
  }

  /** Queues the event a write of the add-in causes, delivered after the sync (as Office does). */
  queueOwnChange(sheet: SheetModel, box: Box): void {
    if (!this.eventsEnabled && !this.options.leakOwnEvents) return;
    const address = boxToA1(box);
    this.pendingEvents.push(() => this.fireChanged(sheet, address, "RangeEdited", "Local", "ThisLocalAddin"));
  }

  flushEvents(): void {
    const events = this.pendingEvents.splice(0);
    if (events.length === 0) return;
    this.delivering = this.delivering.then(async () => {
      for (const e of events) await e();
    });
  }

  /** Resolves when the events queued so far were delivered. */
  async eventsDelivered(): Promise<void> {
    await this.delivering;
  }

  // ---- snapshots for assertions ----

  /** The sheet's used range as a snapshot-like grid, for comparing with what the host read. */
  grid(name: string): SheetSnapshot {
    const sheet = this.sheet(name);
    const box = sheet.usedBox();
    if (!box) return { name: sheet.name, origin: { row: 0, col: 0 }, cells: [] };
    const cells: CellValue[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const v = sheet.cell(r, c)?.value;
        row.push(v === undefined || v === "" ? null : v);
      }
      cells.push(row);
    }
    return { name: sheet.name, origin: { row: box.top, col: box.left }, cells };
  }
}

export function boxToA1(b: Box): string {
  const a = `${columnToLetters(b.left)}${b.top + 1}`;
  if (b.top === b.bottom && b.left === b.right) return a;
  return `${a}:${columnToLetters(b.right)}${b.bottom + 1}`;
}

function parseAddress(address: string): Box {
  if (/^[A-Za-z]{1,3}:[A-Za-z]{1,3}$/.test(address)) {
    const [a, b] = address.split(":") as [string, string];
    const l = parseRangeA1(`${a}1`);
    const r = parseRangeA1(`${b}1`);
    if (l && r) return { top: 0, left: l.left, bottom: 1_048_575, right: r.left };
  }
  const b = parseRangeA1(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
  if (!b) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  return b;
}

// ---------------------------------------------------------------------------------------------
// The client side: request context and proxies.

type Step = () => void;

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  readonly application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  private queue: Array<{ name: string; bytes: number; run: Step; load?: { cells: number; bytes: number } }> = [];
  /**
   * Request bytes of the objects queued since the last sync. Office sends every object the
   * batch reaches — each `getRange`, `getCell`, `getItem`, each `format`/`fill` navigation — as
   * an object path and an instantiate action in the request, besides the calls made on them
   * ("Minimize object creation: operate on block ranges instead of many single-cell ranges",
   * https://learn.microsoft.com/office/dev/add-ins/excel/performance). About 150 bytes each:
   * `{"Id":12,"ObjectPathType":3,"Name":"getCell","ParentObjectPathId":11,"ArgumentInfo":{"Arguments":[3,4]}}`
   * plus `{"Id":13,"ActionType":1,"Name":"","ObjectPathId":12}`.
   */
  private objectBytes = 0;
  /** Objects queued since the last sync (for tests). */
  objects = 0;

  /** Counts one object reached by the batch. */
  countObject(): void {
    this.objectBytes += OBJECT_PATH_BYTES;
    this.objects++;
  }

  constructor(
    readonly fake: FakeExcel,
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.action("Application.suspendApiCalculationUntilNextSync", 40, () => undefined),
      suspendScreenUpdatingUntilNextSync: () => this.action("Application.suspendScreenUpdatingUntilNextSync", 40, () => undefined),
    };
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Queues a write or method call; `bytes` is its request size. */
  action(name: string, bytes: number, run: Step): void {
    this.queue.push({ name, bytes: bytes + 100, run });
  }

  /** Queues a load; `cells` counts toward the read limit, `bytes` is measured on what it returns. */
  loadStep(name: string, cells: () => number, run: () => unknown): void {
    const load = { cells: 0, bytes: 0 };
    const entry = {
      name,
      bytes: 100,
      load,
      run: () => {
        load.cells = cells();
        load.bytes = JSON.stringify(run() ?? null).length;
      },
    };
    this.queue.push(entry);
  }

  async sync(): Promise<void> {
    const steps = this.queue.splice(0);
    const objectBytes = this.objectBytes;
    this.objectBytes = 0;
    this.fake.syncs++;
    const log: BatchLog = { actions: [], loads: 0, requestBytes: 0, responseBytes: 0, cellsRead: 0, objects: this.objects };
    this.objects = 0;
    this.fake.batches.push(log);
    await Promise.resolve();
    if (this.fake.inCellEdit) {
      if (!this.delayForCellEdit) {
        log.failed = "InvalidOperationInCellEditMode";
        throw new OfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      }
      await this.fake.cellEditDone();
    }
    log.requestBytes = steps.reduce((n, s) => n + s.bytes, objectBytes);
    if (this.fake.options.platform === "OfficeOnline" && log.requestBytes > this.fake.options.payloadLimitBytes) {
      log.failed = "RequestPayloadSizeLimitExceeded";
      throw new OfficeError("RequestPayloadSizeLimitExceeded");
    }
    // Loads are applied to the proxies only if the whole response is accepted.
    const commits: Step[] = [];
    pendingCommits = commits;
    try {
      for (const s of steps) {
        log.actions.push(s.name);
        if (!s.load && ++this.fake.writeActions === this.fake.failAtWrite) throw new OfficeError("GeneralException", "An internal error has occurred.");
        s.run();
        if (s.load) {
          log.loads++;
          log.cellsRead += s.load.cells;
          log.responseBytes += s.load.bytes;
        }
      }
    } catch (error) {
      log.failed = error instanceof OfficeError ? error.code : String(error);
      this.fake.flushEvents();
      throw error;
    } finally {
      pendingCommits = null;
    }
    if (log.cellsRead > this.fake.options.readCellLimit) {
      log.failed = "RangeExceedsLimit";
      throw new OfficeError("RangeExceedsLimit");
    }
    if (this.fake.options.platform === "OfficeOnline" && log.responseBytes > this.fake.options.payloadLimitBytes) {
      const code = this.fake.options.responseTooLargeCode;
      log.failed = code;
      throw new OfficeError(code, code === "GeneralException" ? "An internal error has occurred." : code);
    }
    for (const c of commits) c();
    this.fake.flushEvents();
  }
}

class FakeRuntime {
  constructor(private readonly context: FakeContext) {}
  get enableEvents(): boolean {
    throw new OfficeError("PropertyNotLoaded", "runtime.enableEvents is not loaded in this fake");
  }
  set enableEvents(v: boolean) {
    this.context.action(`Runtime.enableEvents=${String(v)}`, 40, () => {
      this.context.fake.eventsEnabled = v;
    });
  }
}

/** Where load results wait until the sync that produced them is accepted. */
let pendingCommits: Step[] | null = null;
function commit(step: Step): void {
  if (!pendingCommits) throw new Error("commit outside a sync");
  pendingCommits.push(step);
}

/** Base of every proxy: loaded data, readable only after the sync that loaded it. */
class Proxy {
  protected readonly data = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: FakeContext) {
    context.countObject();
  }

  protected read<T>(prop: string): T {
    if (!this.data.has(prop)) throw new OfficeError("PropertyNotLoaded", `${this.constructor.name}.${prop} was not loaded and synced`);
    return this.data.get(prop) as T;
  }

  protected setLoaded(prop: string, value: unknown): void {
    commit(() => this.data.set(prop, value));
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new OfficeError("PropertyNotLoaded", "isNullObject read before sync");
    return this.nullState;
  }

  protected markNull(isNull: boolean): void {
    commit(() => {
      this.nullState = isNull;
    });
  }

  /** `load("a,b,c")`; nested "x/y" paths go to navigation properties. */
  load(props?: string | string[]): this {
    if (props === undefined || (Array.isArray(props) && props.length === 0) || props === "") throw new Error("bare load() is not allowed");
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
    this.queueLoad(list);
    return this;
  }

  protected queueLoad(_props: string[]): void {
    throw new Error(`${this.constructor.name} cannot be loaded in this fake`);
  }
}

function requireObject<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new OfficeError("ItemNotFound", `${what} does not exist`);
  return value;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly comments: FakeCommentCollection;
  readonly protection: FakeWorkbookProtection;

  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.comments = new FakeCommentCollection(context);
    this.protection = new FakeWorkbookProtection(context);
  }

  getActiveCell(): FakeRange {
    const fake = this.context.fake;
    return new FakeRange(this.context, () => {
      const at = requireObject(fake.activeCell, "active cell");
      return { sheet: at.sheet, box: { top: at.row, left: at.col, bottom: at.row, right: at.col } };
    });
  }
}

/** `workbook.protection` (ExcelApi 1.7): `protected` says whether the structure is protected. */
class FakeWorkbookProtection extends Proxy {
  protected override queueLoad(props: string[]): void {
    if (props.join() !== "protected") throw new Error("WorkbookProtection: only protected is modelled");
    this.context.loadStep(
      "WorkbookProtection.load",
      () => 0,
      () => {
        const value = this.context.fake.structureProtected;
        this.setLoaded("protected", value);
        return value;
      },
    );
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

function checkStructure(fake: FakeExcel): void {
  if (fake.structureProtected) throw new OfficeError("AccessDenied", "You cannot perform the requested operation.");
}

class FakeEventSource {
  constructor(
    private readonly context: FakeContext,
    private readonly kind: "changed" | "selection",
  ) {}

  add(handler: Handler): FakeHandlerResult {
    const result = new FakeHandlerResult(this.context);
    this.context.action(`WorksheetCollection.on${this.kind}.add`, 40, () => {
      result.registration = this.context.fake.register(this.kind, handler);
    });
    return result;
  }
}

class FakeHandlerResult {
  registration: Registration | null = null;
  constructor(readonly context: FakeContext) {}
  remove(): void {
    this.context.action("EventHandlerResult.remove", 40, () => {
      requireObject(this.registration, "handler").removed = true;
    });
  }
}

class FakeWorksheetCollection extends Proxy {
  readonly onChanged: FakeEventSource;
  readonly onSelectionChanged: FakeEventSource;

  constructor(context: FakeContext) {
    super(context);
    this.onChanged = new FakeEventSource(context, "changed");
    this.onSelectionChanged = new FakeEventSource(context, "selection");
  }

  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>("items");
  }

  protected override queueLoad(props: string[]): void {
    const itemProps = props.map((p) => {
      if (!p.startsWith("items/")) throw new Error(`WorksheetCollection: load "${p}" is not modelled`);
      return p.slice("items/".length);
    });
    this.context.loadStep(
      "WorksheetCollection.load",
      () => 0,
      () => {
        const items = this.context.fake.sheets.map((s) => {
          const ws = new FakeWorksheet(this.context, () => s);
          ws.fill(itemProps, s);
          return ws;
        });
        this.setLoaded("items", items);
        return this.context.fake.sheets.map((s) => s.name);
      },
    );
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => requireObject(this.context.fake.findSheet(key), `sheet ${key}`));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.fake.findSheet(key) ?? null, true);
  }

  add(name: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.context.action("WorksheetCollection.add", name.length, () => {
      checkStructure(this.context.fake);
      created = this.context.fake.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => requireObject(created, `new sheet ${name}`));
  }
}

type SheetResolver = () => SheetModel | null;

class FakeWorksheet extends Proxy {
  readonly notes: FakeNoteCollection;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: { add(range: FakeRange): void };
  private readonly protectionProxy: { loaded: boolean; value: boolean };

  constructor(
    context: FakeContext,
    private readonly resolve: SheetResolver,
    private readonly orNull = false,
  ) {
    super(context);
    this.notes = new FakeNoteCollection(context, () => this.model());
    this.tables = new FakeTableCollection(context, () => this.model());
    this.freezePanes = new FakeFreezePanes(context, () => this.model());
    this.pageLayout = new FakePageLayout(context, () => this.model());
    this.horizontalPageBreaks = {
      add: (range: FakeRange) => context.action("PageBreaks.add", 20, () => void this.model().pageBreaks.push(range.target().box.top)),
    };
    this.protectionProxy = { loaded: false, value: false };
  }

  /** The sheet at sync time; a method on a null object fails the batch. */
  model(): SheetModel {
    return requireObject(this.resolve(), "worksheet");
  }

  /** Fills loaded item properties (collection loads), already inside the sync. */
  fill(props: string[], s: SheetModel): void {
    for (const p of props) {
      if (p === "protection/protected") {
        const value = s.protected;
        commit(() => {
          this.protectionProxy.loaded = true;
          this.protectionProxy.value = value;
        });
      } else this.setLoaded(p, this.propertyOf(p, s));
    }
  }

  private propertyOf(prop: string, s: SheetModel): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      default:
        throw new Error(`Worksheet: load "${prop}" is not modelled`);
    }
  }

  protected override queueLoad(props: string[]): void {
    this.context.loadStep(
      "Worksheet.load",
      () => 0,
      () => {
        const s = this.resolve();
        if (this.orNull) this.markNull(s === null);
        if (!s) {
          if (!this.orNull) throw new OfficeError("ItemNotFound", "worksheet");
          return null;
        }
        for (const p of props) this.setLoaded(p, this.propertyOf(p, s));
        return props.map((p) => this.propertyOf(p, s));
      },
    );
  }

  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.context.action("Worksheet.visibility=", 20, () => {
      checkStructure(this.context.fake);
      this.model().visibility = v as SheetModel["visibility"];
    });
  }
  set position(v: number) {
    this.context.action("Worksheet.position=", 10, () => {
      checkStructure(this.context.fake);
      const s = this.model();
      const list = this.context.fake.sheets;
      if (v < 0 || v >= list.length) throw new OfficeError("InvalidArgument", `position ${v}`);
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    });
  }
  set tabColor(v: string) {
    this.context.action("Worksheet.tabColor=", 20, () => {
      this.model().tabColor = v;
    });
  }
  get protection(): { protected: boolean } {
    const p = this.protectionProxy;
    return {
      get protected(): boolean {
        if (!p.loaded) throw new OfficeError("PropertyNotLoaded", "protection/protected");
        return p.value;
      },
    };
  }

  activate(): void {
    this.context.action("Worksheet.activate", 10, () => {
      this.context.fake.activeSheet = this.model();
    });
  }

  delete(): void {
    this.context.action("Worksheet.delete", 10, () => {
      checkStructure(this.context.fake);
      const s = this.model();
      // A very hidden sheet cannot be deleted until it is made visible or hidden: "by design",
      // GeneralException (https://github.com/OfficeDev/office-js/issues/365).
      if (s.visibility === "VeryHidden") throw new OfficeError("GeneralException", "There was an internal error while processing the request.");
      if (s.visibility === "Visible" && this.context.fake.sheets.filter((x) => x.visibility === "Visible").length === 1) {
        throw new OfficeError("InvalidOperation", "cannot delete the last visible sheet");
      }
      this.context.fake.deleteSheet(s);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model(), box: address === undefined ? { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } : parseAddress(address) }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.model(), box: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("the fake models getUsedRangeOrNullObject(true) only");
    return new FakeRange(
      this.context,
      () => {
        const s = this.model();
        const box = s.usedBox();
        return box ? { sheet: s, box } : null;
      },
      true,
    );
  }

  /**
   * The same range as getUsedRangeOrNullObject(true), but "if the entire worksheet is blank,
   * this function will return the top left cell (i.e. it will not throw an error)"
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
   */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("the fake models getUsedRange(true) only");
    return new FakeRange(this.context, () => {
      const s = this.model();
      return { sheet: s, box: s.usedBox() ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

interface CellFormatProps {
  fill?: { color?: string };
  font?: { bold?: boolean };
  wrapText?: boolean;
  verticalAlignment?: string;
  borders?: Record<string, { style?: string } | undefined>;
}

/** The load options of getCellProperties that the fake models. */
interface CellPropertiesOptions {
  address?: boolean;
  format?: { fill?: { color?: boolean; pattern?: boolean; tintAndShade?: boolean } };
}

interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}

const RANGE_PROPS = new Set(["address", "values", "numberFormat", "formulas", "rowCount", "columnCount"]);

class FakeRange extends Proxy {
  private formatProxy: FakeRangeFormat | null = null;

  constructor(
    context: FakeContext,
    private readonly resolve: () => RangeTarget | null,
    private readonly orNull = false,
  ) {
    super(context);
  }

  /** `range.format`: an object of its own in the request, and `format.fill` another. */
  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.context, () => this.target());
    return this.formatProxy;
  }

  target(): RangeTarget {
    return requireObject(this.resolve(), "range");
  }

  /** conditionalFormats.add("DataBar"): the settings are recorded when the batch runs. */
  get conditionalFormats(): { add(type: string): { dataBar: Record<string, unknown> } } {
    return {
      add: (type: string) => {
        if (type !== "DataBar") throw new Error(`conditional format ${type} is not modelled`);
        const settings: Record<string, unknown> = { positiveFormat: {} };
        this.context.action("ConditionalFormats.add", 50, () => {
          const t = this.target();
          t.sheet.dataBars.push({ box: { ...t.box }, settings });
        });
        return { dataBar: settings };
      },
    };
  }

  protected override queueLoad(props: string[]): void {
    for (const p of props) if (!RANGE_PROPS.has(p)) throw new Error(`Range: load "${p}" is not modelled`);
    const grids = props.filter((p) => p === "values" || p === "numberFormat" || p === "formulas").length;
    this.context.loadStep(
      "Range.load",
      () => {
        // Excel's 5 million limit counts the range's cells, whatever is loaded of them.
        const t = this.resolve();
        if (t && this.nullPastLimit(t)) return 0;
        return t && grids > 0 ? cellsOf(t.box) : 0;
      },
      () => {
        const t = this.resolve();
        if (this.orNull) this.markNull(t === null);
        if (!t) {
          if (!this.orNull) throw new OfficeError("ItemNotFound", "range");
          return null;
        }
        const out: Record<string, unknown> = {};
        const nullGrids = this.nullPastLimit(t);
        // Past the cell limit Excel refuses without building the grids (the fake must not build
        // a 17 billion cell grid either).
        if (!nullGrids && grids > 0 && cellsOf(t.box) > this.context.fake.options.readCellLimit) throw new OfficeError("RangeExceedsLimit");
        for (const p of props) {
          const v = nullGrids && (p === "values" || p === "numberFormat" || p === "formulas") ? null : rangeProperty(t, p);
          out[p] = v;
          this.setLoaded(p, v);
        }
        return out;
      },
    );
  }

  /** A range past the read limit whose grids come back null (`overCellLimit: "null"`). */
  private nullPastLimit(t: RangeTarget): boolean {
    return this.context.fake.options.overCellLimit === "null" && cellsOf(t.box) > this.context.fake.options.readCellLimit;
  }

  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(grid: unknown[][]) {
    this.writeGrid("Range.values=", grid);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.context.action("Range.numberFormat=", JSON.stringify(grid).length, () => {
      const t = this.target();
      checkWritable(t.sheet);
      checkShape(t.box, grid);
      grid.forEach((row, r) => row.forEach((f, c) => (t.sheet.touch(t.box.top + r, t.box.left + c).numberFormat = String(f))));
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.writeGrid("Range.formulas=", grid);
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.context.action("Range.hyperlink=", JSON.stringify(link).length, () => {
      const t = this.target();
      checkWritable(t.sheet);
      const cell = t.sheet.touch(t.box.top, t.box.left);
      cell.hyperlink = link;
      if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
    });
  }

  private writeGrid(name: string, grid: unknown[][]): void {
    this.context.action(name, JSON.stringify(grid).length, () => {
      const t = this.target();
      checkWritable(t.sheet);
      checkShape(t.box, grid);
      grid.forEach((row, r) => row.forEach((v, c) => typeInto(t.sheet.touch(t.box.top + r, t.box.left + c), v)));
      this.context.fake.queueOwnChange(t.sheet, t.box);
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("the fake models getUsedRangeOrNullObject(true) only");
    return new FakeRange(
      this.context,
      () => {
        const t = this.target();
        const used = t.sheet.usedBox();
        if (!used) return null;
        const box = { top: Math.max(used.top, t.box.top), left: Math.max(used.left, t.box.left), bottom: Math.min(used.bottom, t.box.bottom), right: Math.min(used.right, t.box.right) };
        return box.top <= box.bottom && box.left <= box.right ? { sheet: t.sheet, box } : null;
      },
      true,
    );
  }

  /**
   * As Excel: only the merged areas whose top-left cell is inside the range come back, others
   * that overlap it are not detected (https://github.com/OfficeDev/office-js/issues/3611).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this.target();
      const hits = t.sheet.merges.filter((m) => m.top >= t.box.top && m.top <= t.box.bottom && m.left >= t.box.left && m.left <= t.box.right);
      return hits.length > 0 ? hits.map((m) => `${quoteSheetName(t.sheet.name)}!${boxToA1(m)}`).join(", ") : null;
    });
  }

  /**
   * The cells of the range holding constants or formulas, as a RangeAreas
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-special-cells;
   * the OrNullObject form gives a null object when there are none). Areas are row runs stacked
   * over identical runs below, one way Excel may split them. Only "Constants" and "Formulas" are
   * modelled, without a value type.
   */
  getSpecialCellsOrNullObject(cellType: "Constants" | "Formulas"): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this.target();
      const hit = new Map<number, number[]>();
      for (const [k, c] of t.sheet.cells) {
        const row = Math.floor(k / 20_000);
        const col = k % 20_000;
        if (row < t.box.top || row > t.box.bottom || col < t.box.left || col > t.box.right) continue;
        const isFormula = c.formula !== null;
        const isConstant = !isFormula && c.value !== "";
        if (cellType === "Formulas" ? !isFormula : !isConstant) continue;
        const list = hit.get(row) ?? [];
        list.push(col);
        hit.set(row, list);
      }
      const areas: Box[] = [];
      let open = new Map<string, Box>();
      for (const row of [...hit.keys()].sort((a, b) => a - b)) {
        const cols = (hit.get(row) ?? []).sort((a, b) => a - b);
        const next = new Map<string, Box>();
        for (let i = 0; i < cols.length; i++) {
          const left = cols[i] as number;
          let right = left;
          while (i + 1 < cols.length && cols[i + 1] === right + 1) right = cols[++i] as number;
          const key = `${left}:${right}`;
          const above = open.get(key);
          if (above && above.bottom === row - 1) {
            above.bottom = row;
            next.set(key, above);
          } else {
            const box = { top: row, left, bottom: row, right };
            areas.push(box);
            next.set(key, box);
          }
        }
        open = next;
      }
      return areas.length > 0 ? areas.map((a) => `${quoteSheetName(t.sheet.name)}!${boxToA1(a)}`).join(", ") : null;
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, box: { top: t.box.top + row, left: t.box.left + col, bottom: t.box.top + row, right: t.box.left + col } };
    });
  }

  /**
   * As Excel (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getcellproperties-member(1)):
   * - the result is a ClientResult whose value is readable only after the sync;
   * - only the properties the load options name come back ("Get only the properties requested
   *   in this load-options object", https://learn.microsoft.com/javascript/api/excel/excel.cellpropertiesloadoptions),
   *   so a host that forgets to ask for one reads undefined, and the response is as small as Excel's;
   * - a cell with no fill reports color "#FFFFFF", like a cell filled white
   *   (https://github.com/OfficeDev/office-js/issues/6218, https://github.com/OfficeDev/office-js/issues/4900);
   * - `pattern` is null both for no fill and for a white fill ("They both have null for
   *   format.fill.pattern", office-js#4900), "Solid" for other colours; only `tintAndShade`
   *   tells them apart: null for No Fill, a number for any fill (the maintainers' answer in #4900);
   * - colours come back as "#RRGGBB" in upper case, theme colours already resolved (what
   *   `mirrorIntoFake` stores);
   * - on a null object (an *OrNullObject range that does not exist) the method fails the batch.
   */
  getCellProperties(options: CellPropertiesOptions): FakeClientResult<Array<Array<Record<string, unknown>>>> {
    const result = new FakeClientResult<Array<Array<Record<string, unknown>>>>();
    const fillAsked = options.format?.fill ?? {};
    this.context.loadStep(
      "Range.getCellProperties",
      () => {
        const t = this.resolve();
        return t && !this.nullPastLimit(t) ? cellsOf(t.box) : 0;
      },
      () => {
        const t = this.target();
        if (this.nullPastLimit(t)) {
          result.set(null as unknown as Array<Array<Record<string, unknown>>>);
          return null;
        }
        if (cellsOf(t.box) > this.context.fake.options.readCellLimit) throw new OfficeError("RangeExceedsLimit");
        const grid: Array<Array<Record<string, unknown>>> = [];
        for (let r = t.box.top; r <= t.box.bottom; r++) {
          const row: Array<Record<string, unknown>> = [];
          for (let c = t.box.left; c <= t.box.right; c++) {
            const fill = t.sheet.cell(r, c)?.fill ?? null;
            const props: Record<string, unknown> = {};
            if (options.address === true) props.address = `${quoteSheetName(t.sheet.name)}!${boxToA1({ top: r, left: c, bottom: r, right: c })}`;
            if (options.format?.fill !== undefined) {
              const out: Record<string, unknown> = {};
              if (fillAsked.color === true) out.color = fill ?? "#FFFFFF";
              if (fillAsked.pattern === true) out.pattern = fill && fill !== "#FFFFFF" ? "Solid" : null;
              if (fillAsked.tintAndShade === true) out.tintAndShade = fill ? 0 : null;
              props.format = { fill: out };
            }
            row.push(props);
          }
          grid.push(row);
        }
        result.set(grid);
        return grid;
      },
    );
    return result;
  }

  setCellProperties(grid: Array<Array<{ format?: CellFormatProps }>>): void {
    this.context.action("Range.setCellProperties", JSON.stringify(grid).length, () => {
      const t = this.target();
      checkWritable(t.sheet);
      checkShape(t.box, grid);
      grid.forEach((row, r) =>
        row.forEach((p, c) => {
          const f = p.format;
          if (!f) return;
          const cell = t.sheet.touch(t.box.top + r, t.box.left + c);
          if (f.fill?.color !== undefined) cell.fill = f.fill.color.toUpperCase();
          if (f.font?.bold !== undefined) cell.bold = f.font.bold;
          if (f.wrapText !== undefined) cell.wrap = f.wrapText;
          if (f.verticalAlignment !== undefined) cell.verticalAlignment = f.verticalAlignment;
          if (f.borders) cell.border = ["top", "bottom", "left", "right"].every((edge) => f.borders?.[edge]?.style === "Continuous");
        }),
      );
    });
  }

  merge(_across: boolean): void {
    this.context.action("Range.merge", 10, () => {
      const t = this.target();
      checkWritable(t.sheet);
      t.sheet.merges.push({ ...t.box });
    });
  }

  get dataValidation(): Record<string, unknown> {
    const set = (prop: string) => (value: unknown) =>
      this.context.action(`DataValidation.${prop}=`, JSON.stringify(value).length, () => {
        const t = this.target();
        for (let r = t.box.top; r <= t.box.bottom; r++)
          for (let c = t.box.left; c <= t.box.right; c++) {
            const cell = t.sheet.touch(r, c);
            cell.validation = { ...(cell.validation ?? {}), [prop]: value };
          }
      });
    const target: Record<string, unknown> = {};
    for (const prop of ["ignoreBlanks", "rule", "prompt", "errorAlert"]) Object.defineProperty(target, prop, { set: set(prop) });
    return target;
  }

  clear(applyTo: string): void {
    this.context.action(`Range.clear(${applyTo})`, 20, () => {
      const t = this.target();
      checkWritable(t.sheet);
      for (const [k, cell] of [...t.sheet.cells]) {
        const row = Math.floor(k / 20_000);
        const col = k % 20_000;
        if (row < t.box.top || row > t.box.bottom || col < t.box.left || col > t.box.right) continue;
        if (applyTo === "Contents" || applyTo === "All") {
          cell.value = "";
          cell.formula = null;
        }
        if (applyTo === "Formats" || applyTo === "All") {
          cell.numberFormat = "General";
          cell.fill = null;
          delete cell.bold;
          delete cell.italic;
          delete cell.fontColor;
          delete cell.wrap;
        }
      }
    });
  }

  select(): void {
    this.context.action("Range.select", 10, () => {
      const t = this.target();
      if (this.context.fake.activeSheet !== t.sheet) throw new OfficeError("InvalidSelection", "select on a sheet that is not active");
      this.context.fake.activeCell = { sheet: t.sheet, row: t.box.top, col: t.box.left };
    });
  }
}

function cellsOf(b: Box): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

function checkShape(box: Box, grid: unknown[][]): void {
  if (grid.length !== box.bottom - box.top + 1 || grid.some((row) => row.length !== box.right - box.left + 1)) {
    throw new OfficeError("InvalidArgument", "grid does not match the range");
  }
}

function checkWritable(sheet: SheetModel): void {
  if (sheet.protected) throw new OfficeError("AccessDenied", `sheet ${sheet.name} is protected`);
}

/** What Excel makes of a value set through values/formulas (a small part of its parser). */
function typeInto(cell: CellModel, v: unknown): void {
  cell.formula = null;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const s = String(v ?? "");
  if (s.startsWith("'")) cell.value = s.slice(1);
  else if (s.startsWith("=")) {
    cell.formula = s;
    cell.value = 0;
  } else if (/^[+-]?\d+([.,]\d+)?%?$/.test(s)) cell.value = Number(s.replace(",", ".").replace("%", "")) / (s.endsWith("%") ? 100 : 1);
  else cell.value = s;
}

function rangeProperty(t: RangeTarget, prop: string): unknown {
  const { sheet, box } = t;
  const grid = (f: (c: CellModel | undefined) => unknown): unknown[][] => {
    const out: unknown[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(f(sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  };
  switch (prop) {
    case "address":
      return `${quoteSheetName(sheet.name)}!${boxToA1(box)}`;
    case "values":
      return grid((c) => c?.value ?? "");
    case "numberFormat":
      return grid((c) => c?.numberFormat ?? "General");
    case "formulas":
      return grid((c) => c?.formula ?? c?.value ?? "");
    case "rowCount":
      return box.bottom - box.top + 1;
    case "columnCount":
      return box.right - box.left + 1;
    default:
      throw new Error(prop);
  }
}

class FakeRangeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { bold: boolean; italic: boolean; color: string };

  constructor(
    private readonly context: FakeContext,
    private readonly target: () => RangeTarget,
  ) {
    // The format and its fill (both object paths; the font is rarely reached and not counted).
    context.countObject();
    context.countObject();
    const each = (name: string, f: (c: CellModel) => void): void =>
      context.action(name, 30, () => {
        const t = target();
        checkWritable(t.sheet);
        for (let r = t.box.top; r <= t.box.bottom; r++) for (let c = t.box.left; c <= t.box.right; c++) f(t.sheet.touch(r, c));
      });
    this.fill = {
      get color(): string {
        throw new OfficeError("PropertyNotLoaded", "format.fill.color");
      },
      set color(v: string) {
        each("RangeFill.color=", (c) => (c.fill = v.toUpperCase()));
      },
      clear: () => each("RangeFill.clear", (c) => (c.fill = null)),
    };
    this.font = {
      get bold(): boolean {
        throw new OfficeError("PropertyNotLoaded", "font.bold");
      },
      set bold(v: boolean) {
        each("RangeFont.bold=", (c) => (c.bold = v));
      },
      get italic(): boolean {
        throw new OfficeError("PropertyNotLoaded", "font.italic");
      },
      set italic(v: boolean) {
        each("RangeFont.italic=", (c) => (c.italic = v));
      },
      get color(): string {
        throw new OfficeError("PropertyNotLoaded", "font.color");
      },
      set color(v: string) {
        each("RangeFont.color=", (c) => (c.fontColor = v));
      },
    };
  }

  set wrapText(v: boolean) {
    this.context.action("RangeFormat.wrapText=", 20, () => {
      const t = this.target();
      for (let r = t.box.top; r <= t.box.bottom; r++) for (let c = t.box.left; c <= t.box.right; c++) t.sheet.touch(r, c).wrap = v;
    });
  }

  set columnWidth(points: number) {
    this.context.action("RangeFormat.columnWidth=", 20, () => {
      const t = this.target();
      for (let c = t.box.left; c <= t.box.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }
}

class FakeRangeAreas extends Proxy {
  constructor(
    context: FakeContext,
    private readonly resolve: () => string | null,
  ) {
    super(context);
  }

  protected override queueLoad(props: string[]): void {
    if (props.join() !== "address") throw new Error("RangeAreas: only address is modelled");
    this.context.loadStep(
      "RangeAreas.load",
      () => 0,
      () => {
        const address = this.resolve();
        this.markNull(address === null);
        if (address !== null) this.setLoaded("address", address);
        return address;
      },
    );
  }

  get address(): string {
    return this.read("address");
  }
}

class FakeClientResult<T> {
  private state: { value: T } | null = null;
  set(value: T): void {
    commit(() => {
      this.state = { value };
    });
  }
  get value(): T {
    if (!this.state) throw new OfficeError("PropertyNotLoaded", "ClientResult.value read before sync");
    return this.state.value;
  }
}

class FakeNoteCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}

  add(cell: FakeRange | string, content: string): void {
    this.context.action("NoteCollection.add", content.length, () => {
      const s = this.sheet();
      checkWritable(s);
      const box = typeof cell === "string" ? parseAddress(cell) : cell.target().box;
      const key = boxToA1({ ...box, bottom: box.top, right: box.left });
      if (s.notes.has(key)) throw new OfficeError("InvalidArgument", `a note exists at ${key}`);
      s.notes.set(key, content);
    });
  }

  getItem(key: string): FakeNote {
    return new FakeNote(this.context, this.sheet, key.toUpperCase(), false);
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, this.sheet, key.toUpperCase(), true);
  }
}

class FakeNote extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
    private readonly key: string,
    private readonly orNull: boolean,
  ) {
    super(context);
  }

  protected override queueLoad(props: string[]): void {
    if (props.join() !== "content") throw new Error("Note: only content is modelled");
    this.context.loadStep(
      "Note.load",
      () => 0,
      () => {
        const text = this.sheet().notes.get(this.key);
        if (this.orNull) this.markNull(text === undefined);
        else if (text === undefined) throw new OfficeError("ItemNotFound", `note ${this.key}`);
        if (text !== undefined) this.setLoaded("content", text);
        return text ?? null;
      },
    );
  }

  get content(): string {
    return this.read("content");
  }
  set content(v: string) {
    this.context.action("Note.content=", v.length, () => {
      const s = this.sheet();
      checkWritable(s);
      if (!s.notes.has(this.key)) throw new OfficeError("ItemNotFound", `note ${this.key}`);
      s.notes.set(this.key, v);
    });
  }

  delete(): void {
    this.context.action("Note.delete", 10, () => {
      const s = this.sheet();
      checkWritable(s);
      if (!s.notes.delete(this.key)) throw new OfficeError("ItemNotFound", `note ${this.key}`);
    });
  }
}

class FakeCommentCollection extends Proxy {
  get items(): FakeComment[] {
    return this.read("items");
  }

  protected override queueLoad(props: string[]): void {
    for (const p of props) if (p !== "items/id" && p !== "items/content") throw new Error(`Comments: load "${p}" is not modelled`);
    this.context.loadStep(
      "CommentCollection.load",
      () => 0,
      () => {
        const items = this.context.fake.comments.map((c) => new FakeComment(this.context, c));
        for (const item of items) item.fillLoaded();
        this.setLoaded("items", items);
        return this.context.fake.comments.map((c) => ({ id: c.id, content: c.content }));
      },
    );
  }

  add(address: string, content: string): void {
    if (!this.context.fake.supports("1.10")) throw new OfficeError("ApiNotFound", "comments need ExcelApi 1.10");
    this.context.action("CommentCollection.add", content.length + address.length, () => {
      const bang = address.lastIndexOf("!");
      const sheetName = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const sheet = requireObject(this.context.fake.findSheet(sheetName), `sheet ${sheetName}`);
      checkWritable(sheet);
      const box = parseAddress(address.slice(bang + 1));
      if (this.context.fake.comments.some((c) => c.sheet === sheet && c.row === box.top && c.col === box.left)) {
        throw new OfficeError("InvalidArgument", "a comment exists on this cell");
      }
      this.context.fake.comments.push({ id: this.context.fake.newId("comment"), sheet, row: box.top, col: box.left, content });
    });
  }

  getItem(id: string): FakeComment {
    return new FakeComment(this.context, null, id);
  }
}

class FakeComment extends Proxy {
  constructor(
    context: FakeContext,
    private readonly model: CommentModel | null,
    private readonly byId?: string,
  ) {
    super(context);
  }

  fillLoaded(): void {
    const m = requireObject(this.model, "comment");
    this.setLoaded("id", m.id);
    this.setLoaded("content", m.content);
  }

  get id(): string {
    return this.read("id");
  }
  get content(): string {
    return this.read("content");
  }

  private resolve(): CommentModel {
    const id = this.byId ?? this.model?.id;
    return requireObject(
      this.context.fake.comments.find((c) => c.id === id),
      `comment ${id}`,
    );
  }

  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const c = this.resolve();
      return { sheet: c.sheet, box: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
    });
  }

  delete(): void {
    this.context.action("Comment.delete", 10, () => {
      const c = this.resolve();
      const list = this.context.fake.comments;
      list.splice(list.indexOf(c), 1);
    });
  }
}

class FakeTableCollection extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context);
  }

  get items(): Array<{ name: string; worksheet: { name: string } }> {
    return this.read("items");
  }

  protected override queueLoad(props: string[]): void {
    const joined = props.join();
    if (joined !== "items/name" && joined !== "items/name,items/worksheet/name") throw new Error("Tables: only items/name and items/worksheet/name are modelled");
    const withSheet = joined.includes("worksheet");
    this.context.loadStep(
      "TableCollection.load",
      () => 0,
      () => {
        const names = this.context.fake.tables.map((t) => (withSheet ? { name: t.name, worksheet: { name: t.sheet.name } } : { name: t.name }));
        this.setLoaded("items", names);
        return names;
      },
    );
  }

  /**
   * As Excel (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1),
   * and the same rules in https://learn.microsoft.com/graph/api/tablecollection-add):
   * - `address` is a Range or a string; "If the address does not contain a sheet name, the
   *   currently-active sheet is used" — whichever collection `add` is called on;
   * - a table that "would overlap with another table" is refused (the code is not documented;
   *   the fake answers InvalidOperation).
   */
  add(address: string | FakeRange, _hasHeaders: boolean): FakeTable {
    const holder: { table: TableModel | null } = { table: null };
    this.context.action("TableCollection.add", typeof address === "string" ? address.length : 20, () => {
      let sheet: SheetModel;
      let box: Box;
      if (typeof address !== "string") ({ sheet, box } = address.target());
      else if (address.includes("!")) {
        const name = address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
        sheet = requireObject(this.context.fake.findSheet(name), `sheet ${name}`);
        box = parseAddress(address);
      } else {
        sheet = requireObject(this.context.fake.activeSheet, "active sheet");
        box = parseAddress(address);
      }
      checkWritable(sheet);
      const clash = this.context.fake.tables.find((t) => t.sheet === sheet && t.box.top <= box.bottom && box.top <= t.box.bottom && t.box.left <= box.right && box.left <= t.box.right);
      if (clash) throw new OfficeError("InvalidOperation", `the table would overlap ${clash.name}`);
      const table: TableModel = { name: this.context.fake.newId("Table"), sheet, box, style: "TableStyleMedium2", showBandedRows: true };
      this.context.fake.tables.push(table);
      holder.table = table;
    });
    return new FakeTable(this.context, () => requireObject(holder.table, "table"));
  }
}

class FakeTable {
  constructor(
    private readonly context: FakeContext,
    private readonly model: () => TableModel,
  ) {}

  set name(v: string) {
    this.context.action("Table.name=", v.length, () => {
      if (this.context.fake.tables.some((t) => t.name.toLowerCase() === v.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `table ${v}`);
      this.model().name = v;
    });
  }
  set style(v: string) {
    this.context.action("Table.style=", v.length, () => {
      this.model().style = v;
    });
  }
  set showBandedRows(v: boolean) {
    this.context.action("Table.showBandedRows=", 10, () => {
      this.model().showBandedRows = v;
    });
  }
}

/** Worksheet.pageLayout: each property set or method call is one queued action recorded on the sheet's `page`. */
class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    const set = (key: string, value: unknown): void => this.context.action(`PageLayout.${key}`, 10, () => void (this.sheet().page[key] = value));
    const pages: Record<string, string> = {};
    for (const key of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]) {
      Object.defineProperty(pages, key, { set: (v: string) => set(key, v), enumerable: true });
    }
    this.headersFooters = { defaultForAllPages: pages };
  }

  set orientation(value: string) {
    this.context.action("PageLayout.orientation", 10, () => void (this.sheet().page.orientation = value));
  }
  set zoom(value: unknown) {
    this.context.action("PageLayout.zoom", 10, () => void (this.sheet().page.zoom = value));
  }
  setPrintTitleRows(rows: string): void {
    this.context.action("PageLayout.setPrintTitleRows", 10, () => void (this.sheet().page.titleRows = rows));
  }
}

class FakeFreezePanes {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}

  freezeAt(range: FakeRange): void {
    this.context.action("FreezePanes.freezeAt", 20, () => {
      const t = range.target();
      this.sheet().freeze = { rows: t.box.bottom + 1, cols: t.box.right + 1 };
    });
  }
  freezeRows(rows: number): void {
    this.context.action("FreezePanes.freezeRows", 10, () => {
      this.sheet().freeze = { rows, cols: 0 };
    });
  }
  freezeColumns(cols: number): void {
    this.context.action("FreezePanes.freezeColumns", 10, () => {
      this.sheet().freeze = { rows: 0, cols };
    });
  }
}
