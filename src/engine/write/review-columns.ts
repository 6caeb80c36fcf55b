import { columnToLetters, toA1, type SheetRange } from "../cells/a1";
import { cellKey } from "../cells/range";
import { layoutFor } from "../read/layouts";
import type { Objective, Plan } from "../model/plan";
import { cellAt, snapshotBounds, type Merge, type SheetSnapshot } from "../model/snapshot";
import { readMonthName } from "../values/months";
import { normalizeLabel } from "../values/text";
import { readOwnershipRecord, userSnapshots, type OwnershipState } from "./ownership";
import type { CellWrite, OwnershipRecord, WriteMessage } from "./types";

/** Headers of the review columns (the plan reader looks for them, see read/labels). */
export const REVIEW_HEADERS = {
  completedOn: "Completata il",
  reviewNote: "Note verifica",
  actual: "Valore raggiunto",
} as const;

/** The headers normalized, as the plan reader matches them. */
const HEADER_LABELS: Record<keyof typeof REVIEW_HEADERS, string> = {
  completedOn: normalizeLabel(REVIEW_HEADERS.completedOn),
  reviewNote: normalizeLabel(REVIEW_HEADERS.reviewNote),
  actual: normalizeLabel(REVIEW_HEADERS.actual),
};

/** How far right of a block the add-in looks for free columns before giving up. */
const MAX_SHIFT = 4;

/** Labels of a phase table's header row (layouts B and C). */
const PHASE_HEADER_WORDS = [
  "n",
  "n°",
  "descrizione obiettivi",
  "descrizione/fasi",
  "definizione obiettivo",
  "cronoprogramma",
  "peso %",
  "data fine attesa",
  "indicatori di misurazione",
  "valori attesi",
];

/** A snapshot seen with the add-in's own earlier cells blanked (they are rewritten, never "user data"). */
class View {
  private readonly bounds;
  /** Merged cells of each row (row → merges touching it), built on first use. */
  private mergesByRow: Map<number, Merge[]> | null = null;
  /** Merges over more than a thousand rows (whole columns): few, checked one by one. */
  private tallMerges: Merge[] = [];
  constructor(
    readonly sheet: SheetSnapshot,
    private readonly owned: ReadonlySet<string>,
    private readonly labels: Map<string, string>,
  ) {
    this.bounds = snapshotBounds(sheet);
  }

  get right(): number {
    return this.bounds.right;
  }

  value(row: number, col: number): ReturnType<typeof cellAt> {
    if (this.owns(row, col)) return null;
    return cellAt(this.sheet, row, col);
  }

  /** True for a cell the add-in added on an earlier run (by the ownership record). */
  owns(row: number, col: number): boolean {
    return this.owned.size > 0 && this.owned.has(cellKey(this.sheet.name, row, col));
  }

  /** The cell as it is on the sheet, the add-in's own cells included. */
  raw(row: number, col: number): ReturnType<typeof cellAt> {
    return cellAt(this.sheet, row, col);
  }

  /**
   * The cell's label, normalized; `quick` (on the raw text) skips the costly normalization for
   * cells that cannot be the label looked for.
   */
  label(row: number, col: number, quick?: RegExp): string | null {
    const v = this.value(row, col);
    if (typeof v !== "string" || (quick && !quick.test(v))) return null;
    let l = this.labels.get(v);
    if (l === undefined) {
      l = normalizeLabel(v);
      this.labels.set(v, l);
    }
    return l;
  }

  inMerge(row: number, col: number): boolean {
    if (!this.mergesByRow) {
      const byRow = new Map<number, Merge[]>();
      for (const m of this.sheet.merges ?? []) {
        // A merge over whole columns would flood the map; it is checked the slow way below.
        if (m.bottom - m.top > 1000) {
          this.tallMerges.push(m);
          continue;
        }
        for (let r = m.top; r <= m.bottom; r++) {
          const list = byRow.get(r);
          if (list) list.push(m);
          else byRow.set(r, [m]);
        }
      }
      this.mergesByRow = byRow;
    }
    const inside = (m: Merge): boolean => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
    if ((this.mergesByRow.get(row) ?? []).some(inside)) return true;
    return this.tallMerges.some(inside);
  }

  /** Free for a new column: every cell from top to bottom empty and outside merged areas. */
  freeColumn(col: number, top: number, bottom: number): boolean {
    for (let r = top; r <= bottom; r++) if (this.value(r, col) !== null || this.inMerge(r, col)) return false;
    return true;
  }

  /** Last filled column of a row's run starting at `from` (gaps of one empty cell allowed). */
  runEnd(row: number, from: number): number {
    let last = from;
    for (let c = from + 1; c <= this.right + 1; c++) {
      if (this.value(row, c) !== null) last = c;
      else if (this.value(row, c + 1) === null) break;
    }
    return last;
  }
}

interface Block {
  sheet: string;
  header: number;
  /** Last column of the block's header: new columns go after it. */
  lastCol: number;
  bottom: number;
  /** First column to search for existing review headers. */
  labelCol: number;
  wanted: Array<keyof typeof REVIEW_HEADERS>;
  what: string;
}

/**
 * The review columns the brief asks for when a review is prepared: "Completata il" and "Note
 * verifica" right of each cronoprogramma (layout A) or of the phase table's header (layouts B
 * and C), and "Valore raggiunto" right of an indicator table that has none. Only headers are
 * written, only in empty cells outside merged areas, and only where the block does not have the
 * column already; what people type under them is theirs. A block with no free column nearby is
 * reported instead.
 */
export function buildReviewColumns(
  plan: Plan,
  snapshots: readonly SheetSnapshot[],
  owned: ReadonlySet<string>,
): { cells: CellWrite[]; messages: WriteMessage[] } {
  const labels = new Map<string, string>();
  const views = new Map(snapshots.map((s) => [s.name, new View(s, owned, labels)]));
  const blocks = new Map<string, Block>();
  const add = (b: Block): void => {
    const key = `${b.sheet}\u0000${b.header}\u0000${b.what}`;
    const prev = blocks.get(key);
    if (!prev) blocks.set(key, b);
    else {
      prev.bottom = Math.max(prev.bottom, b.bottom);
      prev.lastCol = Math.max(prev.lastCol, b.lastCol);
      for (const w of b.wanted) if (!prev.wanted.includes(w)) prev.wanted.push(w);
    }
  };

  for (const structure of plan.structures) {
    for (const o of structure.objectives) {
      const scheduleBlocks = o.source.schedule ? scheduleHeaders(o.source.schedule, views.get(o.source.schedule.sheet)) : [];
      for (const b of scheduleBlocks) add(b);
      if (scheduleBlocks.length === 0 && o.phases.length > 0) {
        const b = phaseTableBlock(o, views);
        if (b) add(b);
      }
      for (const b of indicatorBlocks(o, views)) add(b);
    }
  }

  const cells: CellWrite[] = [];
  const messages: WriteMessage[] = [];
  const taken = new Set<string>();
  for (const b of blocks.values()) {
    const view = views.get(b.sheet);
    if (!view) continue;
    // Review headers already on the header row. The user's count as present (nothing to add);
    // the add-in's own from an earlier run (still its text, by the record) are written again in
    // the same cell: what the reviewer typed under them since must stay under them, so they are
    // never "free" cells to move away from.
    const present = new Set<string>();
    const reuse = new Map<string, number>();
    const reach = b.lastCol + (MAX_SHIFT + 1) * b.wanted.length;
    for (let c = b.labelCol; c <= view.right; c++) {
      const v = view.raw(b.header, c);
      if (typeof v !== "string" || !/complet|note|valor/i.test(v)) continue;
      const l = normalizeLabel(v);
      for (const [k, h] of Object.entries(REVIEW_HEADERS)) {
        if (!l.startsWith(HEADER_LABELS[k as keyof typeof REVIEW_HEADERS])) continue;
        if (!view.owns(b.header, c)) present.add(k);
        else if (v === h && c > b.lastCol && c <= reach && !reuse.has(k) && !taken.has(cellKey(b.sheet, b.header, c))) reuse.set(k, c);
      }
    }
    // Reserved first, so that a column placed anew never lands on one of them.
    for (const w of b.wanted) {
      const again = reuse.get(w);
      if (again !== undefined && !present.has(w)) taken.add(cellKey(b.sheet, b.header, again));
    }
    let col = b.lastCol + 1;
    for (const w of b.wanted) {
      if (present.has(w)) continue;
      const again = reuse.get(w);
      if (again !== undefined) {
        cells.push({ sheet: b.sheet, row: b.header, col: again, content: { kind: "text", text: REVIEW_HEADERS[w] } });
        col = Math.max(col, again + 1);
        continue;
      }
      let placed = -1;
      for (let c = col; c <= col + MAX_SHIFT; c++) {
        if (view.freeColumn(c, b.header, b.bottom) && !taken.has(cellKey(b.sheet, b.header, c))) {
          placed = c;
          break;
        }
      }
      if (placed < 0) {
        messages.push({
          code: "review-column-skipped",
          severity: "warning",
          sheet: b.sheet,
          range: toA1({ row: b.header, col }),
          message: `Non c'è spazio libero per la colonna «${REVIEW_HEADERS[w]}» a destra ${b.what} (riga ${b.header + 1}, dalla colonna ${columnToLetters(col)}): le celle sono già usate. Aggiungerla a mano.`,
        });
        continue;
      }
      taken.add(cellKey(b.sheet, b.header, placed));
      cells.push({ sheet: b.sheet, row: b.header, col: placed, content: { kind: "text", text: REVIEW_HEADERS[w] } });
      col = placed + 1;
    }
  }
  cells.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.col - b.col));
  return { cells, messages };
}

/** The cronoprogramma header rows inside a schedule range: rows with month names. */
function scheduleHeaders(range: SheetRange, view: View | undefined): Block[] {
  if (!view) return [];
  const headers: { row: number; lastCol: number }[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    let months = 0;
    let lastCol = -1;
    for (let c = range.left; c <= view.right; c++) {
      if (readMonthName(view.value(r, c)) !== null) {
        months += 1;
        lastCol = c;
      }
    }
    if (months >= 3) {
      // The add-in card's "Peso %" sits before the months; review columns already present count too.
      for (let c = lastCol + 1; c <= view.right; c++) {
        const l = view.label(r, c, /complet|note/i);
        if (l !== null && (l.startsWith("completata il") || l.startsWith("note verifica"))) lastCol = Math.max(lastCol, c);
      }
      headers.push({ row: r, lastCol });
    }
  }
  return headers.map((h, i) => ({
    sheet: range.sheet,
    header: h.row,
    lastCol: h.lastCol,
    bottom: Math.max(h.row, Math.min(range.bottom, (headers[i + 1]?.row ?? range.bottom + 1) - 1)),
    labelCol: range.left,
    wanted: ["completedOn", "reviewNote"],
    what: "del cronoprogramma",
  }));
}

/** The header row of a phase table (layouts B and C): the nearest row above the phases with its labels. */
function phaseTableBlock(o: Objective, views: ReadonlyMap<string, View>): Block | null {
  const rows = o.phases.flatMap((p) => Object.values(p.source));
  const first = rows[0];
  if (!first) return null;
  const view = views.get(first.sheet);
  if (!view) return null;
  const top = Math.min(...rows.map((r) => r.top));
  const bottom = Math.max(...rows.map((r) => r.bottom), o.source.card?.bottom ?? 0);
  const cardTop = o.source.card?.top ?? top - 15;
  for (let r = top - 1; r >= Math.max(0, Math.min(cardTop, top - 1) - 30); r--) {
    let hits = 0;
    let firstCol = -1;
    for (let c = 0; c <= view.right; c++) {
      const l = view.label(r, c);
      if (l !== null && PHASE_HEADER_WORDS.some((w) => l === w || l.startsWith(`${w} `))) {
        hits += 1;
        if (firstCol < 0) firstCol = c;
      }
    }
    if (hits >= 2) {
      const wanted: Block["wanted"] = [];
      // An existing "Valore raggiunto" in the header is found (and kept) when the columns are placed.
      const review = layoutFor(o.layout).review;
      if (review.actualInPhaseTable && o.indicators.length > 0) wanted.push("actual");
      wanted.push("completedOn", "reviewNote");
      const bottomRow = review.phaseTableToCardBottom ? Math.max(...rows.map((x) => x.bottom), o.source.card?.bottom ?? 0) : bottom;
      return { sheet: first.sheet, header: r, lastCol: view.runEnd(r, firstCol), bottom: bottomRow, labelCol: firstCol, wanted, what: "della tabella delle fasi" };
    }
  }
  return null;
}

/**
 * The indicator tables (layouts A and C) of an objective, one block per header row ("Descrizione |
 * Valore atteso | …"). Whether a table has its "Valore raggiunto" already is decided on the sheet
 * (the add-in's own earlier header does not count), not from the plan.
 */
function indicatorBlocks(o: Objective, views: ReadonlyMap<string, View>): Block[] {
  if (!layoutFor(o.layout).review.indicatorTables) return [];
  const out = new Map<string, Block>();
  let previous: { sheet: string; header: number } | null = null;
  for (const indicator of o.indicators) {
    const at = indicator.source.description ?? indicator.source.row;
    if (!at) continue;
    const view = views.get(at.sheet);
    if (!view) continue;
    // Up to the previous indicator's header (rows of one table share it), or a few rows.
    const sameTable = previous !== null && previous.sheet === at.sheet && previous.header < at.top;
    const limit = sameTable && previous ? previous.header : Math.max(0, at.top - 12);
    let header = -1;
    for (let r = at.top - 1; r >= limit && header < 0; r--) {
      for (let c = at.left; c <= view.right; c++) {
        const l = view.label(r, c, /valor/i);
        if (l !== null && (l.startsWith("valore atteso") || l.startsWith("valori attesi"))) {
          header = r;
          break;
        }
      }
    }
    if (header < 0) continue;
    previous = { sheet: at.sheet, header };
    const key = `${at.sheet}\u0000${header}`;
    const prev = out.get(key);
    if (prev) prev.bottom = Math.max(prev.bottom, at.bottom);
    else {
      out.set(key, {
        sheet: at.sheet,
        header,
        lastCol: view.runEnd(header, at.left),
        bottom: at.bottom,
        labelCol: at.left,
        wanted: ["actual"],
        what: "della tabella degli indicatori",
      });
    }
  }
  return [...out.values()];
}

/**
 * The review columns a run will add for the plan read from `snapshots`: the add-in's own earlier
 * headers (ownership record among the snapshots, or `record`) count as free cells, and its
 * generated sheets are left out.
 */
export function planReviewColumns(
  plan: Plan,
  snapshots: readonly SheetSnapshot[],
  record: OwnershipRecord | null = readOwnershipRecord(snapshots).record,
): { cells: CellWrite[]; messages: WriteMessage[] } {
  const owned = new Set((record?.addedCells ?? []).map((c) => cellKey(c.sheet, c.row, c.col)));
  return buildReviewColumns(plan, userSnapshots(snapshots, { status: record ? "ok" : "absent", record } as OwnershipState), owned);
}

/**
 * The snapshots as they will be once `cells` are written: so that the plan can be read the way
 * the next run will read it (review headers in place), and a run is its own fixed point.
 */
export function withAddedCells(snapshots: readonly SheetSnapshot[], cells: readonly CellWrite[]): SheetSnapshot[] {
  if (cells.length === 0) return [...snapshots];
  return snapshots.map((s) => {
    const mine = cells.filter((c) => c.sheet === s.name && c.content.kind === "text");
    if (mine.length === 0) return s;
    const b = snapshotBounds(s);
    const empty = b.bottom < b.top;
    const top = Math.min(empty ? Infinity : b.top, ...mine.map((c) => c.row));
    const left = Math.min(empty ? Infinity : b.left, ...mine.map((c) => c.col));
    if (!empty && top === s.origin.row && left === s.origin.col) return withCellsInPlace(s, mine);
    const bottom = Math.max(empty ? -1 : b.bottom, ...mine.map((c) => c.row));
    const right = Math.max(empty ? -1 : b.right, ...mine.map((c) => c.col));
    const grid = <T>(source: ReadonlyArray<ReadonlyArray<T | null>> | undefined): (T | null)[][] => {
      const out: (T | null)[][] = [];
      for (let r = top; r <= bottom; r++) {
        const row: (T | null)[] = [];
        for (let c = left; c <= right; c++) row.push(source?.[r - s.origin.row]?.[c - s.origin.col] ?? null);
        out.push(row);
      }
      return out;
    };
    const next: SheetSnapshot = { ...s, origin: { row: top, col: left }, cells: grid(s.cells) as SheetSnapshot["cells"] };
    if (s.formats) next.formats = grid(s.formats);
    if (s.formulas) next.formulas = grid(s.formulas);
    // The fills move with the cells (a cronoprogramma marked by colour must stay under its months).
    if (s.fills) next.fills = grid(s.fills);
    for (const c of mine) {
      const row = next.cells[c.row - top];
      if (row && c.content.kind === "text") row[c.col - left] = c.content.text;
    }
    return next;
  });
}

/**
 * The snapshot with `cells` written, when none lies above or left of its origin: only the rows
 * that change are copied (and widened when a cell lies right of them); the others are shared,
 * so a big sheet is not copied whole for a few headers. Rows may then differ in length, which
 * the snapshot contract allows (a missing cell is empty).
 */
function withCellsInPlace(s: SheetSnapshot, cells: readonly CellWrite[]): SheetSnapshot {
  const rows = [...s.cells];
  const bottom = Math.max(...cells.map((c) => c.row)) - s.origin.row;
  // Rows below the snapshot (a header under the last used row) start empty.
  while (rows.length <= bottom) rows.push([]);
  const copied = new Set<number>();
  for (const c of cells) {
    if (c.content.kind !== "text") continue;
    const r = c.row - s.origin.row;
    if (!copied.has(r)) {
      rows[r] = [...(rows[r] ?? [])];
      copied.add(r);
    }
    const row = rows[r] as SheetSnapshot["cells"][number];
    const col = c.col - s.origin.col;
    while (row.length < col) row.push(null);
    row[col] = c.content.text;
  }
  return { ...s, cells: rows };
}
