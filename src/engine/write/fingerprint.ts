/**
 * Fingerprints of the add-in's generated sheets: what the add-in wrote on each one, hashed in
 * the normalisation a host's reader gives back (text as string, numbers as numbers to 15
 * significant digits, booleans, dates as Excel serial numbers; empty cells skipped), so that the
 * next analysis can tell which cells a user changed — and say so before the sheet is
 * regenerated — without the record storing the values.
 *
 * Each non-empty cell counts as its value, or as "a formula" whatever its text (Excel may spell
 * a formula differently: the text is not compared, but a value typed over a formula or a formula
 * typed into a value's cell shows). A cell found empty is never named: nothing typed is lost
 * there, and a write stopped halfway leaves its sheet with cells missing. Cells the add-in reads back and
 * writes again itself — Verifica «Note dell'utente», the Nucleo's «Valutazione Nucleo» and «Nota
 * Nucleo» on Punteggi — are left out (`skip`); so are dates a host could not write as a serial.
 *
 * Stored (`SheetFingerprint`), compact enough for the record of a 5,000-card workbook:
 * - `rows`: 4 base64url characters per row from row 1 down (24 bits of FNV-1a over the row's
 *   cells, column by column): a changed row goes unnoticed once in 16 million;
 * - `columns`: per band of BAND rows, 2 characters per column (12 bits over the band's cells of
 *   that column): with the changed rows they place the cells changed;
 * - `skip`: the ranges (A1) left out.
 * A cell in a changed row and a changed column of its band is named when it holds something that
 * differs from what the add-in is about to write there (a cell that will read the same loses nothing).
 */
import { columnToLetters, parseRangeA1, rangeToA1 } from "../cells/a1";
import type { CellRange } from "../cells/range";
import { cellAt, formulaAt, snapshotBounds, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { isoToSerial as validIsoSerial } from "../values/date";
import { isoToSerial } from "./context";
import { USER_NOTE_HEADER } from "./findings";
import { SCORE_HEADERS } from "./scores";
import type { CellContent, OwnedSheet, OwnedSheetKey, OwnershipRecord, SheetFingerprint, WriteMessage } from "./types";
import { hostMessage } from "./reconcile/messages";

/** Version of the encoding and normalisation; fingerprints of another version are not compared. */
export const FINGERPRINT_VERSION = 1;

/** Rows per band of column hashes. */
export const BAND = 16;

/** How many addresses a message names before "…". */
export const NAMED_CELLS = 5;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Table columns (by header) whose data cells the next run reads back and writes again. */
const READ_BACK_HEADERS: Partial<Record<OwnedSheetKey, readonly string[]>> = {
  findings: [USER_NOTE_HEADER],
  scores: [SCORE_HEADERS.override, SCORE_HEADERS.overrideNote],
};

const FNV_OFFSET = 0x811c9dc5 | 0;

/**
 * h × 16777619 (FNV's prime) modulo 2³², by shifts: the same as Math.imul, which is not inlined
 * in some contexts (Node's vm, where the tests run) and then costs a hundred times more.
 */
const fnvMul = (h: number): number => (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) | 0;

function mixInt(h: number, n: number): number {
  h = fnvMul(h ^ (n & 0xff));
  h = fnvMul(h ^ ((n >>> 8) & 0xff));
  h = fnvMul(h ^ ((n >>> 16) & 0xff));
  return fnvMul(h ^ (n >>> 24));
}

/** FNV-1a over the text, line breaks "\r\n" and "\r" read as "\n" (hosts differ there). */
function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) continue;
      c = 10;
    }
    h = fnvMul(h ^ c);
  }
  return h;
}

const TEXT_SEED = mixInt(FNV_OFFSET, 1);
const NUMBER_SEED = mixInt(FNV_OFFSET, 2);
const TRUE_HASH = mixInt(FNV_OFFSET, 3);
const FALSE_HASH = mixInt(FNV_OFFSET, 4);
/** Any formula, whatever its text. */
const FORMULA = mixInt(FNV_OFFSET, 5);

/**
 * The hash of a value as a host reads it back (text as is, numbers to 15 significant digits,
 * booleans), hashed without building strings (a 1,000-card plan holds millions of characters);
 * null when the cell counts as empty.
 */
function valueHash(value: CellValue): number | null {
  if (value === null) return null;
  if (typeof value === "string") return value === "" ? null : mixText(TEXT_SEED, value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return mixText(TEXT_SEED, String(value));
    const n = Number.isInteger(value) ? value : Number(value.toPrecision(15));
    // Whole numbers (most: counts, years, serial dates) without a string.
    if (Number.isInteger(n) && Math.abs(n) <= 0x7fffffff) return mixInt(NUMBER_SEED, n | 0);
    return mixText(NUMBER_SEED, String(n));
  }
  return value ? TRUE_HASH : FALSE_HASH;
}

/** What counts of a cell the add-in writes: its value's hash, FORMULA, or null (empty); undefined: not compared. */
function canonOf(content: CellContent): number | null | undefined {
  switch (content.kind) {
    case "empty":
      return null;
    case "formula":
      return FORMULA;
    case "text":
      return valueHash(content.text);
    case "number":
    case "boolean":
      return valueHash(content.value);
    case "date":
      return validIsoSerial(content.iso) === null ? undefined : valueHash(isoToSerial(content.iso));
  }
}

/** What counts of a cell as read: FORMULA for any formula, else its value's hash. */
function canonRead(snapshot: SheetSnapshot, row: number, col: number): number | null {
  return formulaAt(snapshot, row, col) !== null ? FORMULA : valueHash(cellAt(snapshot, row, col));
}

/** `chars` base64url characters of a hash. */
function encode(h: number, chars: number): string {
  // Every bit of the hash reaches the characters kept.
  h = fnvMul(h ^ (h >>> 15));
  h = (h ^ (h >>> 13)) >>> 0;
  let out = "";
  for (let i = 0; i < chars; i++) out += ALPHABET[(h >>> (6 * i)) & 63] as string;
  return out;
}

/** Row and band-column hashes over cells fed in row-major order, in rows × width (known beforehand). */
class Hasher {
  private readonly rowHash: Int32Array;
  private readonly bands: Int32Array;
  private lastRow = -1;
  private width = 0;

  constructor(
    rows: number,
    private readonly span: number,
  ) {
    this.rowHash = new Int32Array(Math.max(rows, 0)).fill(FNV_OFFSET);
    this.bands = new Int32Array(Math.ceil(Math.max(rows, 0) / BAND) * Math.max(span, 0)).fill(FNV_OFFSET);
  }

  add(row: number, col: number, canon: number): void {
    this.rowHash[row] = mixInt(mixInt(this.rowHash[row] as number, col), canon);
    const at = Math.floor(row / BAND) * this.span + col;
    this.bands[at] = mixInt(mixInt(this.bands[at] as number, row % BAND), canon);
    if (row > this.lastRow) this.lastRow = row;
    if (col + 1 > this.width) this.width = col + 1;
  }

  row(row: number): string {
    return encode(row < this.rowHash.length ? (this.rowHash[row] as number) : FNV_OFFSET, 4);
  }

  column(band: number, col: number): string {
    return encode(col < this.span && band * BAND < this.rowHash.length ? (this.bands[band * this.span + col] as number) : FNV_OFFSET, 2);
  }

  /** Rows up to the last holding a cell. */
  get rows(): number {
    return this.lastRow + 1;
  }

  /** Columns up to the last holding a cell. */
  get columns(): number {
    return this.width;
  }
}

/** The plan's cells of a sheet by row and column (tables first, then the cells over them, as hosts write them), and what is not compared. */
function plannedGrid(sheet: OwnedSheet): { grid: Map<number, Map<number, number | null>>; skip: CellRange[] } {
  const grid = new Map<number, Map<number, number | null>>();
  const skip: CellRange[] = [];
  const put = (row: number, col: number, content: CellContent): void => {
    const canon = canonOf(content);
    if (canon === undefined) skip.push({ top: row, left: col, bottom: row, right: col });
    let line = grid.get(row);
    if (!line) grid.set(row, (line = new Map()));
    line.set(col, canon ?? null);
  };
  const readBack = new Set(sheet.key ? (READ_BACK_HEADERS[sheet.key] ?? []) : []);
  for (const table of sheet.tables) {
    table.columns.forEach((c, i) => {
      put(table.row, table.col + i, { kind: "text", text: c.header });
      if (readBack.has(c.header)) skip.push({ top: table.row + 1, left: table.col + i, bottom: table.row + Math.max(table.rows.length, 1), right: table.col + i });
    });
    table.rows.forEach((row, r) => row.forEach((content, i) => put(table.row + 1 + r, table.col + i, content)));
  }
  for (const cell of sheet.cells) put(cell.row, cell.col, cell.content);
  return { grid, skip };
}

const inside = (ranges: readonly CellRange[], row: number, col: number): boolean =>
  ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);

/** The fingerprint of an owned sheet as the plan writes it. */
export function sheetFingerprint(sheet: OwnedSheet): SheetFingerprint {
  const { grid, skip } = plannedGrid(sheet);
  let span = 0;
  for (const line of grid.values()) for (const col of line.keys()) if (col + 1 > span) span = col + 1;
  const rowsOrder = [...grid.keys()].sort((a, b) => a - b);
  const hasher = new Hasher((rowsOrder[rowsOrder.length - 1] ?? -1) + 1, span);
  for (const row of rowsOrder) {
    const line = grid.get(row) as Map<number, number | null>;
    for (const col of [...line.keys()].sort((a, b) => a - b)) {
      const canon = line.get(col);
      if (canon !== null && canon !== undefined && !inside(skip, row, col)) hasher.add(row, col, canon);
    }
  }
  return encodeFingerprint(hasher, skip);
}

function encodeFingerprint(hasher: Hasher, skip: readonly CellRange[]): SheetFingerprint {
  const empty = encode(FNV_OFFSET, 4);
  let rows = "";
  for (let r = 0; r < hasher.rows; r++) rows += hasher.row(r);
  while (rows.endsWith(empty)) rows = rows.slice(0, -4);
  const columns: string[] = [];
  const bands = Math.ceil(rows.length / 4 / BAND);
  for (let b = 0; b < bands; b++) {
    let line = "";
    for (let c = 0; c < hasher.columns; c++) line += hasher.column(b, c);
    columns.push(line);
  }
  const out: SheetFingerprint = { version: FINGERPRINT_VERSION, rows, columns };
  if (skip.length > 0) out.skip = mergeRanges(skip).map(rangeToA1);
  return out;
}

/** Single cells of a column next to each other → one range (the skipped dates of a column). */
function mergeRanges(ranges: readonly CellRange[]): CellRange[] {
  const out: CellRange[] = [];
  for (const r of [...ranges].sort((a, b) => a.left - b.left || a.top - b.top)) {
    const last = out[out.length - 1];
    if (last && last.left === r.left && last.right === r.right && r.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, r.bottom);
    else out.push({ ...r });
  }
  return out;
}

/** A stored fingerprint this version can compare (records come from files: checked here, not trusted). */
function usable(fp: unknown): fp is SheetFingerprint & { skip?: string[] } {
  const f = fp as Partial<SheetFingerprint> | null;
  return (
    typeof f === "object" &&
    f !== null &&
    f.version === FINGERPRINT_VERSION &&
    typeof f.rows === "string" &&
    f.rows.length % 4 === 0 &&
    Array.isArray(f.columns) &&
    f.columns.every((c) => typeof c === "string") &&
    (f.skip === undefined || (Array.isArray(f.skip) && f.skip.every((s) => typeof s === "string")))
  );
}

/**
 * The cells of the sheet as read that differ from what the add-in wrote there: the first
 * addresses (row by row) and how many. `next`, the sheet the add-in is about to write in its
 * place: a cell that will hold what it holds now is not counted (nothing of it is lost).
 */
export function changedCells(snapshot: SheetSnapshot, fingerprint: SheetFingerprint, next?: OwnedSheet, limit = NAMED_CELLS): { cells: string[]; count: number } {
  const cells: string[] = [];
  let count = 0;
  const found = (row: number, col: number, n = 1): void => {
    count += n;
    if (cells.length < limit) cells.push(`${columnToLetters(col)}${row + 1}`);
  };
  if (!usable(fingerprint)) return { cells, count };
  const skip = (fingerprint.skip ?? []).flatMap((a) => parseRangeA1(a) ?? []);
  const b = snapshotBounds(snapshot);
  const now = new Hasher(b.bottom + 1, b.right + 1);
  for (let row = Math.max(b.top, 0); row <= b.bottom; row++) {
    for (let col = Math.max(b.left, 0); col <= b.right; col++) {
      const canon = canonRead(snapshot, row, col);
      if (canon !== null && !inside(skip, row, col)) now.add(row, col, canon);
    }
  }
  const storedRows = fingerprint.rows.length / 4;
  const empty = encode(FNV_OFFSET, 4);
  const changedRows: number[] = [];
  for (let row = 0; row < Math.max(storedRows, now.rows); row++) {
    const stored = row < storedRows ? fingerprint.rows.slice(row * 4, row * 4 + 4) : empty;
    if (now.row(row) !== stored) changedRows.push(row);
  }
  let planned: Map<number, Map<number, number | null>> | null = null;
  const willHold = (row: number, col: number): number | null => {
    planned ??= next ? plannedGrid(next).grid : new Map();
    return planned.get(row)?.get(col) ?? null;
  };
  const emptyColumn = encode(FNV_OFFSET, 2);
  // canonRead outside the snapshot's rectangle is null (cellAt and formulaAt say so).
  const width = Math.max(now.columns, ...fingerprint.columns.map((c) => c.length / 2));
  for (const row of changedRows) {
    const band = Math.floor(row / BAND);
    const stored = fingerprint.columns[band] ?? "";
    const columnChanged = (col: number): boolean => now.column(band, col) !== (col * 2 < stored.length ? stored.slice(col * 2, col * 2 + 2) : emptyColumn);
    let candidates = [...Array(width).keys()].filter(columnChanged);
    // The row changed but no column of its band shows it (a 12-bit clash): look at the whole row.
    if (candidates.length === 0) candidates = [...Array(width).keys()];
    for (const col of candidates) {
      if (inside(skip, row, col)) continue;
      const canon = canonRead(snapshot, row, col);
      // An emptied cell holds nothing of the user's (and is what a write stopped halfway leaves).
      if (canon === null) continue;
      // A cell that reads as the add-in will write it again loses nothing; this also tells apart
      // the cells of several changed rows and columns in one band.
      if (next && canon === willHold(row, col)) continue;
      found(row, col);
    }
  }
  // Values far from the rest that the host left out of the grid are the user's too.
  for (const area of snapshot.outside ?? []) found(area.top, area.left, area.cells);
  return { cells, count };
}

/**
 * Warnings for the add-in's sheets the user edited since the add-in wrote them, which this write
 * replaces (or removes): one per sheet, naming the first cells changed and how many. A sheet the
 * plan keeps (Metodologia) is not replaced, and is not named.
 */
export function editedSheetMessages(record: OwnershipRecord | null, snapshots: readonly SheetSnapshot[], planned: readonly OwnedSheet[]): WriteMessage[] {
  const fingerprints = record?.fingerprints;
  if (!record || !fingerprints) return [];
  const byName = new Map(Object.entries(fingerprints).map(([name, fp]) => [name.toLowerCase(), fp]));
  const plannedByName = new Map(planned.map((s) => [s.name.toLowerCase(), s]));
  const out: WriteMessage[] = [];
  for (const name of record.sheets) {
    const key = name.toLowerCase();
    const fingerprint = byName.get(key);
    if (!usable(fingerprint)) continue;
    const next = plannedByName.get(key);
    if (next?.keepIfExists) continue;
    const snapshot = snapshots.find((s) => s.name.toLowerCase() === key);
    if (!snapshot) continue;
    const changed = changedCells(snapshot, fingerprint, next);
    if (changed.count === 0) continue;
    out.push(
      hostMessage("generated-sheet-edited", {
        sheet: snapshot.name,
        cells: changed.cells.join(", ") + (changed.count > changed.cells.length ? ", …" : ""),
        count: changed.count,
        regenerated: next !== undefined,
      }),
    );
  }
  return out;
}
