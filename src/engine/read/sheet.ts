import type { CellValue, Merge, SheetSnapshot } from "../model/snapshot";
import { cellText } from "../values";

/** A rectangle of absolute, zero-based, inclusive coordinates on one sheet. */
export interface Region {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A cell whose text, normalized, is a label we may look for. */
export interface Hit {
  row: number;
  col: number;
  /** The normalized label (normalizeLabel). */
  label: string;
}

/**
 * Cells longer than this are prose (descriptions, lists), never a label: they are not indexed, so
 * a long description that happens to start with "Cronoprogramma" cannot open a block.
 */
export const MAX_LABEL_LENGTH = 300;

/** The leading run of letters and digits of a normalized label: the key of the word index. */
export function firstWord(label: string): string {
  let end = 0;
  while (end < label.length) {
    const c = label.charCodeAt(end);
    const isDigit = c >= 48 && c <= 57;
    const isLetter = c >= 97 && c <= 122;
    if (!isDigit && !isLetter) break;
    end += 1;
  }
  return label.slice(0, end);
}

/**
 * The block finder's index of one sheet, built in one pass over the cells.
 *
 * Every non-empty text cell of label length is normalized once (through a memo shared by the
 * whole read, so the thousand "Gennaio" or "X" of a big plan cost one normalization each) and
 * stored three ways: per cell (`label`), per exact label (`find`) and per first word
 * (`findPrefix`). Hit lists are in row-major order, so a lookup inside a region is a binary
 * search on the row plus the hits of that region: finding the blocks of 1,000 cards costs
 * O(cells) once and O(log n) per lookup, never O(cells × labels).
 */
export class SheetIndex {
  readonly name: string;
  readonly bounds: Region;
  /** Cells whose normalized text may be an objective heading ("1. OBIETTIVO DI …"). */
  readonly headingCandidates: Hit[] = [];
  private readonly snapshot: SheetSnapshot;
  /** Normalized labels in one flat row-major array (one allocation, not one per row). */
  private readonly labels: (string | undefined)[];
  private readonly byLabel = new Map<string, Hit[]>();
  private readonly byWord = new Map<string, Hit[]>();
  private readonly rowCounts: number[];
  private readonly rowLast: number[];
  private readonly mergeOf = new Map<number, Merge>();
  private readonly width: number;

  constructor(snapshot: SheetSnapshot, normalize: (text: string) => string) {
    this.snapshot = snapshot;
    this.name = snapshot.name;
    const { row: top, col: left } = snapshot.origin;
    let width = 0;
    for (const r of snapshot.cells) if (r.length > width) width = r.length;
    this.width = width;
    this.bounds = { top, left, bottom: top + snapshot.cells.length - 1, right: left + width - 1 };
    this.rowCounts = new Array<number>(snapshot.cells.length).fill(0);
    this.rowLast = new Array<number>(snapshot.cells.length).fill(-1);
    this.labels = new Array<string | undefined>(snapshot.cells.length * width);

    for (let r = 0; r < snapshot.cells.length; r++) {
      const cells = snapshot.cells[r] as CellValue[];
      let count = 0;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === null || v === undefined) continue;
        if (typeof v === "string") {
          if (v.trim() === "") continue;
          count += 1;
          this.rowLast[r] = left + c;
          if (v.length > MAX_LABEL_LENGTH) continue;
          const label = normalize(v);
          if (label === "") continue;
          this.labels[r * width + c] = label;
          // Marks ("X"), units ("%") and other one- or two-letter cells are read in place, never
          // looked up: keeping them out of the maps saves most of the index on a big plan.
          if (label.length <= 2) continue;
          const hit: Hit = { row: top + r, col: left + c, label };
          push(this.byLabel, label, hit);
          push(this.byWord, firstWord(label), hit);
          if (label.includes("obiettiv")) this.headingCandidates.push(hit);
        } else {
          count += 1;
          this.rowLast[r] = left + c;
        }
      }
      this.rowCounts[r] = count;
    }

    for (const m of snapshot.merges ?? []) {
      const cellsInMerge = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      // A merge covering a whole column or row would flood the map; such merges carry no data.
      if (cellsInMerge > 10_000) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.mergeOf.set(cellKey(r, c), m);
        }
      }
    }
  }

  /** The raw value at an absolute position, null outside the snapshot. */
  value(row: number, col: number): CellValue {
    const r = this.snapshot.cells[row - this.bounds.top];
    if (!r) return null;
    const v = r[col - this.bounds.left];
    return v === undefined ? null : v;
  }

  /**
   * The value shown at a position: merged areas keep their value in the top-left cell only, so a
   * cell inside a merge shows the top-left value.
   */
  shownValue(row: number, col: number): CellValue {
    const m = this.mergeOf.get(cellKey(row, col));
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  /** The merge a cell belongs to (not as its top-left cell), if any. */
  mergeCovering(row: number, col: number): Merge | null {
    return this.mergeOf.get(cellKey(row, col)) ?? null;
  }

  /** The number format at a position, or null. */
  format(row: number, col: number): string | null {
    const r = this.snapshot.formats?.[row - this.bounds.top];
    return r?.[col - this.bounds.left] ?? null;
  }

  /** The cell's text (HTML stripped, trimmed), null when empty. */
  text(row: number, col: number): string | null {
    return cellText(this.value(row, col));
  }

  /** The normalized label of a short text cell, null for empty, numeric or prose cells. */
  label(row: number, col: number): string | null {
    const r = row - this.bounds.top;
    const c = col - this.bounds.left;
    if (r < 0 || c < 0 || c >= this.width || r >= this.rowCounts.length) return null;
    return this.labels[r * this.width + c] ?? null;
  }

  /** True when the row has no non-empty cell at all. */
  isBlankRow(row: number): boolean {
    return (this.rowCounts[row - this.bounds.top] ?? 0) === 0;
  }

  /** True when the row has no non-empty cell between the two columns (inclusive). */
  isBlankBetween(row: number, left: number, right: number): boolean {
    if (this.isBlankRow(row)) return true;
    const cells = this.snapshot.cells[row - this.bounds.top] as CellValue[];
    const from = Math.max(0, left - this.bounds.left);
    const to = Math.min(cells.length - 1, right - this.bounds.left);
    for (let i = from; i <= to; i++) if (!isEmpty(cells[i] ?? null)) return false;
    return true;
  }

  /** The last non-empty column of a row, or -1. */
  lastColumn(row: number): number {
    return this.rowLast[row - this.bounds.top] ?? -1;
  }

  /** Number of non-empty cells in a row. */
  filledCount(row: number): number {
    return this.rowCounts[row - this.bounds.top] ?? 0;
  }

  /** Non-empty columns of a row between two columns, left to right. */
  filledColumns(row: number, left: number, right: number): number[] {
    const out: number[] = [];
    if (this.isBlankRow(row)) return out;
    const cells = this.snapshot.cells[row - this.bounds.top] as CellValue[];
    const origin = this.bounds.left;
    const last = Math.min(right, this.lastColumn(row)) - origin;
    for (let i = Math.max(left - origin, 0); i <= last; i++) if (!isEmpty(cells[i] ?? null)) out.push(i + origin);
    return out;
  }

  /** The first non-empty column right of `col` (exclusive) up to `right`, or null. */
  nextFilled(row: number, col: number, right: number): number | null {
    const last = Math.min(right, this.lastColumn(row));
    for (let c = col + 1; c <= last; c++) if (!isEmpty(this.value(row, c))) return c;
    return null;
  }

  /** Hits of an exact normalized label, in row-major order, optionally inside a region. */
  find(label: string, region?: Region): Hit[] {
    return inRegion(this.byLabel.get(label), region);
  }

  /** Hits whose label starts with `prefix` (normalized), in row-major order. */
  findPrefix(prefix: string, region?: Region): Hit[] {
    const hits = inRegion(this.byWord.get(firstWord(prefix)), region);
    return hits.filter((h) => h.label.startsWith(prefix));
  }

  /** Hits of any of the labels or prefixes, merged in row-major order. */
  findAny(labels: readonly string[], prefixes: readonly string[], region?: Region): Hit[] {
    const all: Hit[] = [];
    for (const l of labels) all.push(...this.find(l, region));
    for (const p of prefixes) all.push(...this.findPrefix(p, region));
    return sortHits(dedupe(all));
  }

  /** Column count of the widest row. */
  get columns(): number {
    return this.width;
  }
}

export function sortHits(hits: Hit[]): Hit[] {
  return hits.sort((a, b) => a.row - b.row || a.col - b.col);
}

function dedupe(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.row}:${h.col}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A number key for a cell (Excel has at most 16,384 columns). */
function cellKey(row: number, col: number): number {
  return row * 16_384 + col;
}

export function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

function push(map: Map<string, Hit[]>, key: string, hit: Hit): void {
  const list = map.get(key);
  if (list) list.push(hit);
  else map.set(key, [hit]);
}

/** The hits inside a region: binary search on the first row, then a scan of that row band. */
function inRegion(hits: Hit[] | undefined, region: Region | undefined): Hit[] {
  if (!hits) return [];
  if (!region) return hits.slice();
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid] as Hit).row < region.top) lo = mid + 1;
    else hi = mid;
  }
  const out: Hit[] = [];
  for (let i = lo; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (h.row > region.bottom) break;
    if (h.col >= region.left && h.col <= region.right) out.push(h);
  }
  return out;
}
