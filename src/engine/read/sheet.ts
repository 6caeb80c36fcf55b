import type { CellRange } from "../cells/range";
import { fillAt, formulaAt, type CellValue, type Merge, type SheetSnapshot } from "../model/snapshot";
import type { Measure } from "../model/plan";
import { cellText, isMark, normalizeLabel, readMeasure, readMonthName, readPhaseNumber } from "../values";
import { isPlaceholder, isRuleText } from "./labels";

/** Text that is not a placeholder nor a rule, else null. */
function typedText(t: string | null): string | null {
  return t === null || isPlaceholder(t) || isRuleText(t) ? null : t;
}

/** A rectangle of absolute, zero-based, inclusive coordinates on one sheet: a `CellRange`. */
export type Region = CellRange;

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

/** What the index keeps of one label: its hit lists on the sheet being indexed (see LabelCache). */
interface LabelInfo {
  label: string;
  word: WordInfo;
  /** Two characters or fewer: read in place, never looked up (see SheetIndex). */
  short: boolean;
  heading: boolean;
  stamp: number;
  /**
   * Cells holding the label on the sheet being indexed (see SheetIndex positions): the first,
   * and the list once there is a second (most labels of a big plan are one-off texts).
   */
  first: number;
  hits: number[] | null;
}

interface WordInfo {
  word: string;
  stamp: number;
  first: number;
  hits: number[] | null;
}

/**
 * What the index keeps of one distinct cell text: what the readers ask of it, each computed on
 * first ask (undefined until then). Readers ask the same questions of the same texts thousands
 * of times on a big plan ("Gennaio": a month? "X": a mark? "1": a row number?).
 */
interface TextEntry {
  /** Only whitespace: an empty cell. */
  blank: boolean;
  /** normalizeLabel of the text. */
  normalized: string | undefined;
  /** The label it is indexed under; null when it is not indexed (prose, nothing left once normalized). */
  info: LabelInfo | null | undefined;
  /** cellText. */
  text: string | null | undefined;
  /** readMonthName. */
  month: number | null | undefined;
  /** isMark. */
  mark: boolean | undefined;
  /** readPhaseNumber. */
  phase: string | null | undefined;
  /** isRuleText of its text. */
  rule: boolean | undefined;
  /** Its text unless a placeholder or a rule (CellReader.text). */
  typed: string | null | undefined;
  /** readMeasure (a text's measure does not depend on the cell's format). */
  measure: Measure | null | undefined;
}

/**
 * Normalized labels, memoised for a whole read: a big plan repeats the same few hundred texts
 * ("Gennaio", "X", "Descrizione") thousands of times, and each is normalized, measured and
 * split into its first word once. Per sheet, each label's hit list is reached from its entry
 * (stamped with the sheet being indexed), not looked up again per cell.
 */
export class LabelCache {
  private readonly texts = new Map<string, TextEntry>();
  private readonly labels = new Map<string, LabelInfo>();
  private readonly words = new Map<string, WordInfo>();
  private stamp = 0;

  constructor(private readonly normalizer: (text: string) => string = normalizeLabel) {}

  /** normalizeLabel, memoised. */
  normalize(text: string): string {
    const e = this.entry(text);
    if (e.normalized === undefined) e.normalized = this.normalizer(text);
    return e.normalized;
  }

  /** A new stamp: hit lists of an older one belong to another sheet. */
  nextStamp(): number {
    this.stamp += 1;
    return this.stamp;
  }

  /** The stamp of the sheet indexed last: only its hit lists are on the label entries. */
  get currentStamp(): number {
    return this.stamp;
  }

  /** The entry of a normalized label, if any text read so far has it. */
  labelInfo(label: string): LabelInfo | undefined {
    return this.labels.get(label);
  }

  /** The entry of a first word, if any label read so far starts with it. */
  wordInfo(word: string): WordInfo | undefined {
    return this.words.get(word);
  }

  entry(text: string): TextEntry {
    let e = this.texts.get(text);
    if (e === undefined) {
      e = {
        blank: text.trim() === "",
        normalized: undefined,
        info: undefined,
        text: undefined,
        month: undefined,
        mark: undefined,
        phase: undefined,
        rule: undefined,
        typed: undefined,
        measure: undefined,
      };
      this.texts.set(text, e);
    }
    return e;
  }

  /** The label entry of a non-blank text, or null when the text is never a label. */
  info(text: string, e: TextEntry): LabelInfo | null {
    if (e.info !== undefined) return e.info;
    if (text.length > MAX_LABEL_LENGTH) {
      e.info = null;
      return null;
    }
    const label = this.normalize(text);
    if (label === "") {
      e.info = null;
      return null;
    }
    let info = this.labels.get(label);
    if (info === undefined) {
      const first = firstWord(label);
      let word = this.words.get(first);
      if (word === undefined) {
        word = { word: first, stamp: 0, first: -1, hits: null };
        this.words.set(first, word);
      }
      info = { label, word, short: label.length <= 2, heading: label.includes("obiettiv"), stamp: 0, first: -1, hits: null };
      this.labels.set(label, info);
    }
    e.info = info;
    return info;
  }
}

/**
 * The block finder's index of one sheet, built in one pass over the cells.
 *
 * Every non-empty text cell of label length is normalized once (through a cache shared by the
 * whole read, so the thousand "Gennaio" or "X" of a big plan cost one normalization each) and
 * stored three ways: per cell (`label`), per exact label (`find`) and per first word
 * (`findPrefix`). Hit lists are in row-major order, so a lookup inside a region is a binary
 * search on the row plus the hits of that region: finding the blocks of 1,000 cards costs
 * O(cells) once and O(log n) per lookup, never O(cells × labels). The filled columns of each
 * row are kept too, so row questions (blank? next filled cell?) never look at empty cells.
 */
export class SheetIndex {
  readonly name: string;
  readonly bounds: Region;
  /** Cells whose normalized text may be an objective heading ("1. OBIETTIVO DI …"). */
  readonly headingCandidates: Hit[] = [];
  private readonly snapshot: SheetSnapshot;
  private readonly cache: LabelCache;
  /**
   * The non-empty cells, row after row (most of a sheet is empty; nothing is kept for empty
   * cells): absolute column and row, and the text entry of text cells. Row r's cells are
   * [rowStart[r], rowStart[r+1]).
   */
  private readonly filled: Int32Array;
  private readonly filledRow: Int32Array;
  private readonly entries: (TextEntry | null)[];
  private readonly rowStart: Int32Array;
  /**
   * Cells of each label and of each first word, as positions in `filled` (row-major, so in
   * reading order): plain numbers, not one object per cell; lookups build the few hits they return.
   */
  private readonly stamp: number;
  /** The hit lists, once a later sheet has taken the label entries' (see `hits`). */
  private own: { byLabel: Map<string, number[]>; byWord: Map<string, number[]> } | null = null;
  /** Per row, its filled columns as an array (built on first ask). */
  private readonly rowFilled: (readonly number[] | undefined)[];
  private merges: { byTop: Merge[]; span: number } | null = null;
  private readonly width: number;

  constructor(snapshot: SheetSnapshot, normalize: ((text: string) => string) | LabelCache) {
    this.snapshot = snapshot;
    this.name = snapshot.name;
    const cache = normalize instanceof LabelCache ? normalize : new LabelCache(normalize);
    this.cache = cache;
    const stamp = cache.nextStamp();
    this.stamp = stamp;
    const { row: top, col: left } = snapshot.origin;
    const height = snapshot.cells.length;
    let width = 0;
    let cellCount = 0;
    for (const r of snapshot.cells) {
      if (r.length > width) width = r.length;
      for (let c = 0; c < r.length; c++) if (r[c] !== null && r[c] !== undefined) cellCount += 1;
    }
    this.width = width;
    this.bounds = { top, left, bottom: top + height - 1, right: left + width - 1 };
    this.rowFilled = new Array<readonly number[] | undefined>(height);
    this.rowStart = new Int32Array(height + 1);
    // Sized for the non-empty cells (blank text is cut off at the end): most of a sheet is empty.
    const filled = new Int32Array(cellCount);
    const filledRow = new Int32Array(cellCount);
    const entries: (TextEntry | null)[] = [];
    let n = 0;

    for (let r = 0; r < height; r++) {
      this.rowStart[r] = n;
      const cells = snapshot.cells[r] as CellValue[];
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === null || v === undefined) continue;
        if (typeof v !== "string") {
          filledRow[n] = top + r;
          filled[n++] = left + c;
          entries.push(null);
          continue;
        }
        const e = cache.entry(v);
        if (e.blank) continue;
        const position = n;
        filledRow[n] = top + r;
        filled[n++] = left + c;
        entries.push(e);
        const info = e.info === undefined ? cache.info(v, e) : e.info;
        if (info === null) continue;
        // Marks ("X"), units ("%") and other one- or two-letter cells are read in place, never
        // looked up: keeping them out of the maps saves most of the index on a big plan.
        if (info.short) continue;
        if (info.stamp !== stamp) {
          info.stamp = stamp;
          info.first = position;
          info.hits = null;
        } else if (info.hits) info.hits.push(position);
        else info.hits = [info.first, position];
        const word = info.word;
        if (word.stamp !== stamp) {
          word.stamp = stamp;
          word.first = position;
          word.hits = null;
        } else if (word.hits) word.hits.push(position);
        else word.hits = [word.first, position];
        if (info.heading) this.headingCandidates.push({ row: top + r, col: left + c, label: info.label });
      }
    }
    this.rowStart[height] = n;
    this.filled = filled.subarray(0, n);
    this.filledRow = filledRow.subarray(0, n);
    this.entries = entries;
  }

  /** The merged areas sorted by top row, and the tallest one's height; built on first use. */
  private get mergeList(): { byTop: Merge[]; span: number } {
    if (this.merges) return this.merges;
    // A merge covering a whole column or row carries no data; it would only slow lookups down.
    const byTop = (this.snapshot.merges ?? []).filter((m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) <= 10_000);
    byTop.sort((a, b) => a.top - b.top);
    let span = 0;
    for (const m of byTop) span = Math.max(span, m.bottom - m.top);
    this.merges = { byTop, span };
    return this.merges;
  }

  /** normalizeLabel, memoised for the whole read. */
  normalize(text: string): string {
    return this.cache.normalize(text);
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
    const m = this.mergeCovering(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  /** The merge a cell belongs to (not as its top-left cell), if any. */
  mergeCovering(row: number, col: number): Merge | null {
    const { byTop, span } = this.mergeList;
    // Merges do not overlap: the one covering the cell starts at most `span` rows above it.
    let lo = 0;
    let hi = byTop.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byTop[mid] as Merge).top <= row) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) {
      const m = byTop[i] as Merge;
      if (m.top < row - span) break;
      if (row > m.bottom || col < m.left || col > m.right || (row === m.top && col === m.left)) continue;
      return m;
    }
    return null;
  }

  /** The number format at a position, or null. */
  format(row: number, col: number): string | null {
    const r = this.snapshot.formats?.[row - this.bounds.top];
    return r?.[col - this.bounds.left] ?? null;
  }

  /** The text entry of a non-blank text cell. */
  private entryAt(row: number, col: number): TextEntry | undefined {
    const r = row - this.bounds.top;
    if (r < 0 || r >= this.rowFilled.length) return undefined;
    let lo = this.rowStart[r] as number;
    let hi = this.rowStart[r + 1] as number;
    // Rows hold a handful of cells: a binary search only pays on wide ones.
    while (hi - lo > 8) {
      const mid = (lo + hi) >> 1;
      if ((this.filled[mid] as number) <= col) lo = mid;
      else hi = mid;
    }
    for (let i = lo; i < hi; i++) {
      const c = this.filled[i] as number;
      if (c === col) return this.entries[i] ?? undefined;
      if (c > col) break;
    }
    return undefined;
  }

  /** The cell's text (HTML stripped, trimmed), null when empty. */
  text(row: number, col: number): string | null {
    const e = this.entryAt(row, col);
    if (e === undefined) return cellText(this.value(row, col));
    if (e.text === undefined) e.text = cellText(this.value(row, col));
    return e.text;
  }

  /** The normalized label of a short text cell, null for empty, numeric or prose cells. */
  label(row: number, col: number): string | null {
    return this.entryAt(row, col)?.info?.label ?? null;
  }

  /** The cell's formula as the host gave it ("=100/4"), or null. */
  formula(row: number, col: number): string | null {
    return formulaAt(this.snapshot, row, col);
  }

  /** The cell's background ("#RRGGBB"), null for none or white (see the snapshot's `fills`). */
  fill(row: number, col: number): string | null {
    return fillAt(this.snapshot, row, col);
  }

  /** True when the sheet carries fill colours at all (hosts omit the grid when it has none). */
  get hasFills(): boolean {
    return this.snapshot.fills !== undefined;
  }

  /** readMonthName of the cell. */
  month(row: number, col: number): number | null {
    const e = this.entryAt(row, col);
    if (e === undefined) return readMonthName(this.value(row, col));
    if (e.month === undefined) e.month = readMonthName(this.value(row, col));
    return e.month;
  }

  /** isMark of the cell: a cronoprogramma mark X. */
  mark(row: number, col: number): boolean {
    const e = this.entryAt(row, col);
    if (e === undefined) return isMark(this.value(row, col));
    if (e.mark === undefined) e.mark = isMark(this.value(row, col));
    return e.mark;
  }

  /** readPhaseNumber of the cell ("1", "1.2", "Fase 3"). */
  phaseNumber(row: number, col: number): string | null {
    const e = this.entryAt(row, col);
    if (e === undefined) return readPhaseNumber(this.value(row, col));
    if (e.phase === undefined) e.phase = readPhaseNumber(this.value(row, col));
    return e.phase;
  }

  /** The cell's text, null when empty, a placeholder (".. /.. /..", "%") or a rule. */
  typedText(row: number, col: number): string | null {
    const e = this.entryAt(row, col);
    if (e === undefined) return typedText(this.text(row, col));
    if (e.typed === undefined) e.typed = typedText(this.text(row, col));
    return e.typed;
  }

  /**
   * The measure of a text cell (readMeasure; each call gets its own copy), undefined for other
   * cells, whose measure depends on their number format.
   */
  textMeasure(row: number, col: number): Measure | null | undefined {
    const e = this.entryAt(row, col);
    if (e === undefined) return undefined;
    if (e.measure === undefined) e.measure = readMeasure(this.value(row, col), null);
    return e.measure === null ? null : { ...e.measure };
  }

  /** True when the cell holds a rule ("---", "-- | ------"), the separators of converted PDFs. */
  isRule(row: number, col: number): boolean {
    const e = this.entryAt(row, col);
    if (e === undefined) return isRuleText(this.text(row, col) ?? "");
    if (e.rule === undefined) e.rule = isRuleText(this.text(row, col) ?? "");
    return e.rule;
  }

  /** True when the row has no non-empty cell at all. */
  isBlankRow(row: number): boolean {
    return this.filledCount(row) === 0;
  }

  /** True when the row has no non-empty cell between the two columns (inclusive). */
  isBlankBetween(row: number, left: number, right: number): boolean {
    const r = row - this.bounds.top;
    if (r < 0 || r >= this.rowFilled.length) return true;
    const end = this.rowStart[r + 1] as number;
    for (let i = this.rowStart[r] as number; i < end; i++) {
      const c = this.filled[i] as number;
      if (c > right) return true;
      if (c >= left) return false;
    }
    return true;
  }

  /** The last non-empty column of a row, or -1. */
  lastColumn(row: number): number {
    const r = row - this.bounds.top;
    if (r < 0 || r >= this.rowFilled.length) return -1;
    const start = this.rowStart[r] as number;
    const end = this.rowStart[r + 1] as number;
    return end > start ? (this.filled[end - 1] as number) : -1;
  }

  /** Number of non-empty cells in a row. */
  filledCount(row: number): number {
    const r = row - this.bounds.top;
    if (r < 0 || r >= this.rowFilled.length) return 0;
    return (this.rowStart[r + 1] as number) - (this.rowStart[r] as number);
  }

  /**
   * Non-empty columns of a row between two columns, left to right. The array may be shared with
   * other callers: never change it.
   */
  filledColumns(row: number, left: number, right: number): readonly number[] {
    const r = row - this.bounds.top;
    if (r < 0 || r >= this.rowFilled.length) return NONE;
    const start = this.rowStart[r] as number;
    const end = this.rowStart[r + 1] as number;
    if (end === start) return NONE;
    if (left <= (this.filled[start] as number) && right >= (this.filled[end - 1] as number)) {
      let all = this.rowFilled[r];
      if (all === undefined) {
        const cols: number[] = [];
        for (let i = start; i < end; i++) cols.push(this.filled[i] as number);
        // Shared by every caller (typed read-only); not frozen: for-of over a frozen array is slow.
        all = cols;
        this.rowFilled[r] = all;
      }
      return all;
    }
    const out: number[] = [];
    for (let i = start; i < end; i++) {
      const c = this.filled[i] as number;
      if (c > right) break;
      if (c >= left) out.push(c);
    }
    return out;
  }

  /**
   * The row's non-empty cells as positions [from, to) for `filledColumn`: a row walked without
   * building an array (the weight-table search looks at every row of a sheet).
   */
  filledSpan(row: number): { from: number; to: number } {
    const r = row - this.bounds.top;
    if (r < 0 || r >= this.rowFilled.length) return { from: 0, to: 0 };
    return { from: this.rowStart[r] as number, to: this.rowStart[r + 1] as number };
  }

  /** The column of a non-empty cell by its position (see `filledSpan`). */
  filledColumn(position: number): number {
    return this.filled[position] as number;
  }

  /** The first non-empty column right of `col` (exclusive) up to `right`, or null. */
  nextFilled(row: number, col: number, right: number): number | null {
    const r = row - this.bounds.top;
    if (r < 0 || r >= this.rowFilled.length) return null;
    const end = this.rowStart[r + 1] as number;
    for (let i = this.rowStart[r] as number; i < end; i++) {
      const c = this.filled[i] as number;
      if (c > right) return null;
      if (c > col) return c;
    }
    return null;
  }

  /** Hits of an exact normalized label, in row-major order, optionally inside a region. */
  find(label: string, region?: Region): Hit[] {
    return this.inRegion(this.hits(label, false), region, null);
  }

  /** Hits whose label starts with `prefix` (normalized), in row-major order. */
  findPrefix(prefix: string, region?: Region): Hit[] {
    return this.inRegion(this.hits(firstWord(prefix), true), region, prefix);
  }

  /**
   * The cells of a label (or of a first word): on the label's entry while this is the sheet
   * indexed last (no map per sheet: a big plan has thousands of one-off labels per sheet);
   * rebuilt from the cells once another sheet has been indexed with the same cache.
   */
  private hits(key: string, word: boolean): readonly number[] | undefined {
    if (this.cache.currentStamp === this.stamp) {
      const info = word ? this.cache.wordInfo(key) : this.cache.labelInfo(key);
      return info && info.stamp === this.stamp ? (info.hits ?? [info.first]) : undefined;
    }
    if (!this.own) {
      const own = { byLabel: new Map<string, number[]>(), byWord: new Map<string, number[]>() };
      this.entries.forEach((e, p) => {
        const info = e?.info;
        if (!info || info.short) return;
        for (const [map, k] of [
          [own.byLabel, info.label],
          [own.byWord, info.word.word],
        ] as const) {
          const list = map.get(k);
          if (list) list.push(p);
          else map.set(k, [p]);
        }
      });
      this.own = own;
    }
    return (word ? this.own.byWord : this.own.byLabel).get(key);
  }

  /**
   * The hits among `positions` inside a region (whose label starts with `prefix`, when given):
   * binary search on the region's first row, then a scan of its row band.
   */
  private inRegion(positions: readonly number[] | undefined, region: Region | undefined, prefix: string | null): Hit[] {
    const out: Hit[] = [];
    if (!positions) return out;
    let lo = 0;
    let end = positions.length;
    let minCol = -Infinity;
    let maxCol = Infinity;
    if (region) {
      const height = this.rowFilled.length;
      const top = this.bounds.top;
      const first = this.rowStart[Math.min(height, Math.max(0, region.top - top))] as number;
      const stop = this.rowStart[Math.min(height, Math.max(0, region.bottom - top + 1))] as number;
      let hi = positions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((positions[mid] as number) < first) lo = mid + 1;
        else hi = mid;
      }
      end = lo;
      while (end < positions.length && (positions[end] as number) < stop) end += 1;
      minCol = region.left;
      maxCol = region.right;
    }
    for (let i = lo; i < end; i++) {
      const p = positions[i] as number;
      const col = this.filled[p] as number;
      if (col < minCol || col > maxCol) continue;
      const label = (this.entries[p] as TextEntry).info?.label as string;
      if (prefix !== null && !label.startsWith(prefix)) continue;
      out.push({ row: this.filledRow[p] as number, col, label });
    }
    return out;
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
  const seen = new Set<number>();
  return hits.filter((h) => {
    // Excel has at most 16,384 columns.
    const key = h.row * 16_384 + h.col;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const NONE: readonly number[] = [];

export function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}
