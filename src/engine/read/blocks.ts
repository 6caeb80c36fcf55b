import { unionRanges, type SheetRange } from "../cells/a1";
import type { Indicator, Review, ScheduleRow, StaffMember } from "../model/plan";
import { cellText, isDateFormat, readDate, serialToIso } from "../values";
import type { CellReader, Scope } from "./context";
import { isBlockLabel, isFieldLabel, isPlaceholder, L } from "./labels";
import { sortHits, type Hit, type Region, type SheetIndex } from "./sheet";

/**
 * Readers of the blocks cards share: the indicator table, the cronoprogramma grid, the review
 * blocks and the staff table. Each starts from the label the block finder found and reads
 * downwards inside a region, stopping at the next block's label, at a rule ("---") or after a
 * run of blank rows, so stray text and page breaks inside a card do not end a table early.
 */

/** Blank rows tolerated inside a table before it is taken as ended. */
const MAX_BLANK_RUN = 2;

/** The value cell of a label + value pair: the next filled cell to the right, else the one below. */
export function labelValue(
  sheet: SheetIndex,
  hit: Hit,
  region: Region,
  isLabel: (label: string | null) => boolean,
): { row: number; col: number; text: string } | null {
  const right = sheet.nextFilled(hit.row, hit.col, region.right);
  if (right !== null && !isLabel(sheet.label(hit.row, right))) {
    const text = sheet.text(hit.row, right);
    if (text !== null) return { row: hit.row, col: right, text };
  }
  if (hit.row + 1 <= region.bottom) {
    const below = cellText(sheet.shownValue(hit.row + 1, hit.col));
    if (below !== null && !isLabel(sheet.label(hit.row + 1, hit.col))) return { row: hit.row + 1, col: hit.col, text: below };
  }
  return null;
}

/** True when every filled cell of the row between the columns is a rule ("---"). */
function isRuleRow(sheet: SheetIndex, row: number, left: number, right: number): boolean {
  const cols = sheet.filledColumns(row, left, right);
  if (cols.length === 0) return false;
  for (const c of cols) if (!sheet.isRule(row, c)) return false;
  return true;
}

/** True when the text has letters and no lower-case letter: a group heading such as "SALUTE DIGITALE". */
function isUpperCaseHeading(text: string): boolean {
  return /[A-ZÀ-Ý]/.test(text) && text === text.toUpperCase() && text.length >= 4;
}

interface IndicatorColumns {
  description: number;
  target: number | null;
  deadline: number | null;
  actual: number | null;
  weight: number | null;
}

/** Maps a header row "Descrizione | Valore atteso | Rispetto scadenze: | Valore raggiunto". */
function indicatorHeader(sheet: SheetIndex, row: number, region: Region): IndicatorColumns | null {
  let description: number | null = null;
  let target: number | null = null;
  let deadline: number | null = null;
  let actual: number | null = null;
  let weight: number | null = null;
  for (const c of sheet.filledColumns(row, region.left, region.right)) {
    const l = sheet.label(row, c);
    if (l === null) continue;
    if (l === "descrizione" || l === "descrizione indicatore" || l === "indicatore" || l === "indicatori") description ??= c;
    else if (isFieldLabel("target", l)) target ??= c;
    else if (l.startsWith("rispetto scadenze")) deadline ??= c;
    else if (isFieldLabel("actual", l)) actual ??= c;
    else if (isFieldLabel("weight", l)) weight ??= c;
  }
  if (description === null || (target === null && actual === null)) return null;
  return { description, target, deadline, actual, weight };
}

/**
 * Reads the indicator table under an "Indicatori di risultato" label (layouts A and C). Group
 * headings are the single-cell rows between that label and the "Descrizione" header ("SALUTE
 * ORGANIZZATIVA (…)"), or an upper-case single-cell row inside the table; repeated labels and
 * headers start a new group. Target: "Valore atteso", else the separate "Rispetto scadenze:"
 * column (a deadline). Actual: "Valore raggiunto", where the card or the add-in has one.
 */
export function readIndicatorTable(
  cr: CellReader,
  start: Hit,
  region: Region,
  scope: Scope,
): { indicators: Indicator[]; range: SheetRange } {
  const sheet = cr.sheet;
  const indicators: Indicator[] = [];
  let cols: IndicatorColumns | null = null;
  let group: string | null = null;
  let awaitingHeader = true;
  let blanks = 0;
  let lastRow = start.row;
  for (let r = start.row + 1; r <= region.bottom; r++) {
    if (sheet.isBlankBetween(r, region.left, region.right)) {
      blanks += 1;
      if (blanks > MAX_BLANK_RUN) break;
      continue;
    }
    blanks = 0;
    if (isRuleRow(sheet, r, region.left, region.right)) break;
    const filled = sheet.filledColumns(r, region.left, region.right);
    const first = filled[0] as number;
    const firstLabel = sheet.label(r, first);
    if (firstLabel !== null && firstLabel.startsWith("indicatori di risultato")) {
      group = null;
      awaitingHeader = true;
      lastRow = r;
      continue;
    }
    const header = indicatorHeader(sheet, r, region);
    if (header) {
      cols = header;
      awaitingHeader = false;
      lastRow = r;
      continue;
    }
    if (isBlockLabel(firstLabel)) break;
    const firstText = sheet.text(r, first) ?? "";
    if (filled.length === 1 && (awaitingHeader || (first === (cols?.description ?? start.col) && isUpperCaseHeading(firstText)))) {
      group = firstText;
      lastRow = r;
      continue;
    }
    const c: IndicatorColumns = cols ?? { description: start.col, target: start.col + 1, deadline: null, actual: start.col + 2, weight: null };
    const source: Record<string, SheetRange> = {
      row: cr.range(r, region.left, r, Math.max(...filled)),
      description: cr.at(r, c.description),
    };
    let target = c.target === null ? null : cr.measure(r, c.target, "indicator.target", scope);
    if (c.target !== null) source.target = cr.at(r, c.target);
    if (target === null && c.deadline !== null) {
      target = cr.measure(r, c.deadline);
      if (target !== null) source.target = cr.at(r, c.deadline);
    }
    const actual = c.actual === null ? null : cr.measure(r, c.actual, "indicator.actual", scope);
    if (c.actual !== null) source.actual = cr.at(r, c.actual);
    let weight: number | null = null;
    if (c.weight !== null) {
      weight = cr.percent(r, c.weight, "indicator.weight", scope);
      source.weight = cr.at(r, c.weight);
    }
    indicators.push({ description: cr.text(r, c.description), group, target, actual, weight, source });
    lastRow = r;
  }
  return { indicators, range: cr.range(start.row, region.left, lastRow, region.right) };
}

/** A cronoprogramma header: where the row labels, the months and the add-in's columns are. */
export interface ScheduleHeader {
  row: number;
  labelCol: number;
  months: { col: number; month: number }[];
  weightCol: number | null;
  completedCol: number | null;
  noteCol: number | null;
}

/** Reads the header row of a month grid whose row labels are in `labelCol`; null without months. */
function scheduleHeaderAt(sheet: SheetIndex, row: number, labelCol: number, region: Region): ScheduleHeader | null {
  const months: { col: number; month: number }[] = [];
  let weightCol: number | null = null;
  let completedCol: number | null = null;
  let noteCol: number | null = null;
  for (const c of sheet.filledColumns(row, labelCol + 1, region.right)) {
    const l = sheet.label(row, c);
    const month = sheet.month(row, c);
    if (month !== null) months.push({ col: c, month });
    else if (isFieldLabel("weight", l) && months.length === 0) weightCol = c;
    else if (l !== null && l.startsWith(L.completedOn)) completedCol = c;
    else if (l !== null && l.startsWith(L.reviewNote)) noteCol = c;
  }
  if (months.length === 0) months.push(...numberedMonths(sheet, row, labelCol, region));
  if (months.length === 0) return null;
  return { row, labelCol, months, weightCol, completedCol, noteCol };
}

/**
 * Month columns headed by numbers or dates instead of names: "1 | 2 | … | 12" (or a run such as
 * "7 | 8 | 9"), or real date cells with a month format (01/01/2026, gen-26). A run of at least
 * MIN_NUMBERED_MONTHS consecutive months in consecutive columns, so that a row of other numbers
 * (a table's figures) is not taken for a month header.
 */
function numberedMonths(sheet: SheetIndex, row: number, labelCol: number, region: Region): { col: number; month: number }[] {
  const cells = sheet.filledColumns(row, labelCol + 1, region.right).map((col) => ({ col, month: headerMonth(sheet, row, col) }));
  let best: { col: number; month: number }[] = [];
  let run: { col: number; month: number }[] = [];
  for (const c of cells) {
    const previous = run[run.length - 1];
    if (c.month === null) {
      run = [];
      continue;
    }
    if (previous && c.month === previous.month + 1) run.push({ col: c.col, month: c.month });
    else run = [{ col: c.col, month: c.month }];
    if (run.length > best.length) best = [...run];
  }
  return best.length >= MIN_NUMBERED_MONTHS ? best : [];
}

const MIN_NUMBERED_MONTHS = 3;

/** The month a number or date header cell stands for: an integer 1–12, or a date cell's month. */
function headerMonth(sheet: SheetIndex, row: number, col: number): number | null {
  const v = sheet.value(row, col);
  if (typeof v === "number" && isDateFormat(sheet.format(row, col))) {
    const iso = serialToIso(v);
    return iso === null ? null : Number(iso.slice(5, 7));
  }
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d{1,2}\s*$/.test(v) ? Number(v) : null;
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 12 ? n : null;
}

/**
 * A month cell marked by its colour alone (a Gantt bar): it has a fill, and the fill is not the
 * one of the row's label cell (a row tinted as a whole, banded tables) nor the sheet's default
 * (white reads as no fill). Fill colours the add-in wrote itself never reach here (the engine
 * restores the user's fill before reading: see `userSnapshots`).
 */
function isFillMark(sheet: SheetIndex, row: number, col: number, labelCol: number): boolean {
  const fill = sheet.fill(row, col);
  return fill !== null && fill !== sheet.fill(row, labelCol);
}

/**
 * Finds the cronoprogramma grids of a region: a "Fasi e tempi" (or "Tempi di realizzazione")
 * header followed by month names, or a "Cronoprogramma" title with a month row beside or under
 * it. "Tempi di realizzazione | Dall'1/01/2024 | A tempo indeterminato" has no month column:
 * it is a period, not a grid, and is not read as one.
 */
export function findScheduleHeaders(sheet: SheetIndex, region: Region): ScheduleHeader[] {
  const out: ScheduleHeader[] = [];
  const seenRows = new Set<number>();
  for (const h of sheet.findAny([L.fasiETempi, L.tempiRealizzazione, "fasi", "fasi/tempi"], [], region)) {
    const header = scheduleHeaderAt(sheet, h.row, h.col, region);
    if (header && !seenRows.has(h.row)) {
      out.push(header);
      seenRows.add(h.row);
    }
  }
  for (const h of sheet.find(L.cronoprogramma, region)) {
    for (const row of [h.row, h.row + 1]) {
      if (row > region.bottom || seenRows.has(row)) continue;
      const cols = sheet.filledColumns(row, region.left, region.right);
      const labelCol = row === h.row ? h.col : (cols[0] ?? h.col);
      const header = scheduleHeaderAt(sheet, row, labelCol, region);
      if (header && header.months.length >= 3) {
        out.push(header);
        seenRows.add(row);
        break;
      }
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

/** One grid row plus the review columns the add-in adds beside it. */
export interface ScheduleLine {
  row: ScheduleRow;
  completedOn: string | null;
  reviewNote: string | null;
  completedSource: SheetRange | null;
  noteSource: SheetRange | null;
}

/** The rightmost column of a grid: its last month or the add-in's columns beside it. */
function scheduleLastCol(header: ScheduleHeader): number {
  return Math.max(...header.months.map((m) => m.col), header.weightCol ?? -1, header.completedCol ?? -1, header.noteCol ?? -1);
}

/** True when row `r` no longer belongs to the grid: blank, a rule, the next block's label or another month header. */
function endsScheduleGrid(sheet: SheetIndex, header: ScheduleHeader, r: number, lastCol: number): boolean {
  if (sheet.isBlankBetween(r, header.labelCol, lastCol)) return true;
  if (isRuleRow(sheet, r, header.labelCol, lastCol)) return true;
  if (isBlockLabel(sheet.label(r, header.labelCol))) return true;
  return sheet.month(r, header.labelCol + 1) !== null && sheet.text(r, header.labelCol) !== null;
}

/** Blank rows a cronoprogramma may have between its rows (a spacer typed between phases). */
const MAX_BLANK_IN_GRID = 2;

/**
 * True when row `r` is blank but the grid goes on after it: within MAX_BLANK_IN_GRID rows comes
 * a row with a label and marked months (an X or a colour) that does not end the grid itself.
 */
function blankInsideGrid(sheet: SheetIndex, header: ScheduleHeader, r: number, lastCol: number, bottom: number): boolean {
  if (!sheet.isBlankBetween(r, header.labelCol, lastCol)) return false;
  for (let k = r + 1; k <= Math.min(bottom, r + MAX_BLANK_IN_GRID); k++) {
    if (sheet.isBlankBetween(k, header.labelCol, lastCol)) continue;
    if (endsScheduleGrid(sheet, header, k, lastCol) || sheet.text(k, header.labelCol) === null) return false;
    return monthCellKinds(sheet, header, k).marks;
  }
  return false;
}

/**
 * What a month cell of a grid row says: "marked" (an X, ✓, 1 … or, empty, a fill colour: see
 * isFillMark), "empty" (nothing, a placeholder, a rule, the 0 of a grid typed as 0/1) or "text"
 * (anything else, which is no mark). The one reading of a month cell for every grid function.
 */
function monthCell(sheet: SheetIndex, row: number, col: number, labelCol: number): "marked" | "empty" | "text" {
  const v = sheet.value(row, col);
  if (v === null || v === 0 || v === "0" || isPlaceholder(sheet.text(row, col) ?? "")) return isFillMark(sheet, row, col, labelCol) ? "marked" : "empty";
  if (sheet.mark(row, col)) return "marked";
  return sheet.isRule(row, col) ? "empty" : "text";
}

/** Whether the row's month cells hold marks, and whether they hold other text. */
function monthCellKinds(sheet: SheetIndex, header: ScheduleHeader, r: number): { marks: boolean; foreign: boolean } {
  let marks = false;
  let foreign = false;
  for (const { col } of header.months) {
    const kind = monthCell(sheet, r, col, header.labelCol);
    if (kind === "marked") marks = true;
    else if (kind === "text") foreign = true;
  }
  return { marks, foreign };
}

/**
 * The cronoprogramma grids of a region (header row, label column to the add-in's columns), found
 * without reading their cells, so that other blocks (weight tables) are not looked for inside
 * them. A grid runs over the rows readScheduleRows reads, but stops at a row whose month cells
 * hold text and no mark: a table that follows the grid without a blank row is not part of it.
 */
export function scheduleGridRegions(sheet: SheetIndex, region: Region): Region[] {
  return findScheduleHeaders(sheet, region).map((header) => {
    const lastCol = scheduleLastCol(header);
    let bottom = header.row;
    for (let r = header.row + 1; r <= region.bottom; r++) {
      if (blankInsideGrid(sheet, header, r, lastCol, region.bottom)) continue;
      if (endsScheduleGrid(sheet, header, r, lastCol)) break;
      const cells = monthCellKinds(sheet, header, r);
      if (cells.foreign && !cells.marks) break;
      bottom = r;
    }
    return { top: header.row, left: header.labelCol, bottom, right: lastCol };
  });
}

/** True when the numbers are in ascending order (months are, when the header runs January to December). */
function ascending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) < (xs[i - 1] as number)) return false;
  return true;
}

/** Reads the rows of a cronoprogramma grid: a label (phase number or name) and X marks. */
export function readScheduleRows(
  cr: CellReader,
  header: ScheduleHeader,
  region: Region,
  scope: Scope,
): { lines: ScheduleLine[]; range: SheetRange } {
  const sheet = cr.sheet;
  const lines: ScheduleLine[] = [];
  const firstMonth = Math.min(...header.months.map((m) => m.col));
  const lastCol = scheduleLastCol(header);
  const lastMonth = Math.max(...header.months.map((m) => m.col));
  let lastRow = header.row;
  for (let r = header.row + 1; r <= region.bottom; r++) {
    if (blankInsideGrid(sheet, header, r, lastCol, region.bottom)) continue;
    if (endsScheduleGrid(sheet, header, r, lastCol)) break;
    const labelText = sheet.text(r, header.labelCol);
    const months: number[] = [];
    for (const { col, month } of header.months) {
      const kind = monthCell(sheet, r, col, header.labelCol);
      if (kind === "marked") {
        if (!months.includes(month)) months.push(month);
      } else if (kind === "text") {
        cr.fail(r, col, "months", sheet.text(r, col) ?? String(sheet.value(r, col)), "Il mese del cronoprogramma va segnato con una X.", "schedule.months", scope);
      }
    }
    if (!ascending(months)) months.sort((a, b) => a - b);
    const source: Record<string, SheetRange> = {
      label: cr.at(r, header.labelCol),
      months: cr.range(r, firstMonth, r, lastMonth),
    };
    let weight: number | null = null;
    if (header.weightCol !== null) {
      weight = cr.percent(r, header.weightCol, "schedule.weight", scope);
      source.weight = cr.at(r, header.weightCol);
    }
    const completedOn = header.completedCol === null ? null : cr.date(r, header.completedCol, "phase.completedOn", scope);
    const reviewNote = header.noteCol === null ? null : cr.text(r, header.noteCol);
    lines.push({
      row: { label: labelText ?? "", months, weight, source },
      completedOn,
      reviewNote,
      completedSource: header.completedCol === null ? null : cr.at(r, header.completedCol),
      noteSource: header.noteCol === null ? null : cr.at(r, header.noteCol),
    });
    lastRow = r;
  }
  return { lines, range: cr.range(header.row, header.labelCol, lastRow, lastCol) };
}

type ReviewField = "meanAchievement" | "meanTimeliness" | "causes" | "effects" | "actionsTaken" | "actionsPlanned" | null;

/** The review block's row labels and the field each fills (null: a section title without value). */
function reviewField(label: string | null): ReviewField | undefined {
  if (label === null) return undefined;
  if (label.startsWith("media valore raggiunto")) return "meanAchievement";
  if (label.startsWith("media rispetto dei tempi") || label.startsWith("media rispetto tempi")) return "meanTimeliness";
  if (label === "cause") return "causes";
  if (label.startsWith("effetti")) return "effects";
  if (label === "intrapresi" || label.startsWith("provvedimenti intrapresi")) return "actionsTaken";
  if (label === "da attivare" || label.startsWith("provvedimenti da attivare")) return "actionsPlanned";
  if (label === "analisi degli scostamenti" || label === "provvedimenti correttivi") return null;
  return undefined;
}

function isReviewHeading(label: string): boolean {
  return label.startsWith(L.verificaIntermedia) || label.startsWith(L.verificaFinale);
}

/**
 * Reads the "Verifica Intermedia del .. /.. /.." blocks of a region, in reading order. Blocks
 * sit side by side; the first is the interim review and the second the final one (the cards
 * label both "Intermedia"), unless a label says "finale". Rows are matched to blocks by their
 * order inside each row rather than by fixed columns, because page breaks in converted plans
 * shift the second block ("Da attivare | | Da attivare" two columns left of the rows above).
 */
export function readReviews(cr: CellReader, region: Region, scope: Scope): { reviews: Review[]; range: SheetRange | null } {
  const sheet = cr.sheet;
  const headings = sortHits(sheet.findAny([], [L.verificaIntermedia, L.verificaFinale], region));
  const reviews: Review[] = [];
  const ranges: SheetRange[] = [];
  const rows = [...new Set(headings.map((h) => h.row))];
  for (const row of rows) {
    const blocks = headings.filter((h) => h.row === row);
    const built = blocks.map((h, i) => {
      const nextCol = blocks[i + 1]?.col ?? region.right + 1;
      const review: Review = {
        kind: "interim",
        date: null,
        meanAchievement: null,
        meanTimeliness: null,
        causes: null,
        effects: null,
        actionsTaken: null,
        actionsPlanned: null,
        source: { card: cr.at(h.row, h.col), heading: cr.at(h.row, h.col) },
      };
      review.date = reviewDate(cr, h, nextCol - 1, scope, review.source);
      if (h.label.startsWith(L.verificaFinale)) explicitFinal.add(review);
      return review;
    });
    let blanks = 0;
    let lastRow = row;
    let lastFilled = Math.max(...sheet.filledColumns(row, region.left, region.right));
    for (let r = row + 1; r <= region.bottom; r++) {
      if (sheet.isBlankBetween(r, region.left, region.right)) {
        blanks += 1;
        if (blanks > MAX_BLANK_RUN) break;
        continue;
      }
      blanks = 0;
      const filled = sheet.filledColumns(r, region.left, region.right);
      if (filled.length > 0) lastFilled = Math.max(lastFilled, filled[filled.length - 1] as number);
      const labelled: number[] = [];
      const fields: ReviewField[] = [];
      for (const c of filled) {
        const field = reviewField(sheet.label(r, c));
        if (field === undefined) continue;
        labelled.push(c);
        fields.push(field);
      }
      if (labelled.length === 0) break;
      labelled.forEach((c, k) => {
        const review = built[k];
        if (!review) return;
        const field = fields[k];
        if (!field) return;
        const end = (labelled[k + 1] ?? region.right + 1) - 1;
        const valueCol = sheet.nextFilled(r, c, end) ?? c + 1;
        review.source[field] = cr.at(r, valueCol);
        if (field === "meanAchievement" || field === "meanTimeliness") {
          review[field] = cr.percent(r, valueCol, `review.${field}`, scope);
        } else {
          review[field] = cr.text(r, valueCol);
        }
      });
      lastRow = r;
    }
    built.forEach((review, i) => {
      const h = review.source.heading as SheetRange;
      const right = (blocks[i + 1]?.col ?? Math.max(region.left, Math.min(region.right, lastFilled + 1))) - 1;
      review.source.card = cr.range(h.top, h.left, lastRow, Math.max(h.left, right));
      reviews.push(review);
    });
    const first = blocks[0] as Hit;
    ranges.push(cr.range(row, first.col, lastRow, region.right));
  }
  assignReviewKinds(reviews);
  return { reviews, range: unionRanges(ranges) };
}

/** Reviews whose heading says "Verifica finale": their kind does not depend on order. */
const explicitFinal = new WeakSet<Review>();

/**
 * First block interim, second final, in reading order over all the parts of a card; a heading
 * that says "finale" is final wherever it is.
 */
export function assignReviewKinds(reviews: Review[]): void {
  let order = 0;
  for (const r of reviews) {
    if (explicitFinal.has(r)) {
      r.kind = "final";
      continue;
    }
    r.kind = order === 0 ? "interim" : "final";
    order += 1;
  }
}

/** The date of "Verifica Intermedia del 15/09/2024" (in the label or the cell after it). */
function reviewDate(cr: CellReader, h: Hit, right: number, scope: Scope, source: Record<string, SheetRange>): string | null {
  const sheet = cr.sheet;
  const raw = cellText(sheet.value(h.row, h.col)) ?? "";
  const m = /\b(?:del|al)\b\s*(.*)$/i.exec(raw);
  const rest = m ? (m[1] as string).trim() : "";
  if (rest !== "" && !isPlaceholder(rest)) {
    source.date = cr.at(h.row, h.col);
    const d = readDate(rest);
    if (d.ok) return d.value;
    cr.fail(h.row, h.col, "date", raw, d.reason, "review.date", scope);
    return null;
  }
  const next = sheet.nextFilled(h.row, h.col, right);
  if (next !== null && !isReviewHeading(sheet.label(h.row, next) ?? "")) {
    source.date = cr.at(h.row, next);
    return cr.date(h.row, next, "review.date", scope);
  }
  source.date = cr.at(h.row, h.col);
  return null;
}

interface StaffColumns {
  category: number | null;
  name: number;
  participation: number | null;
  hourlyCost: number | null;
  hours: number | null;
  cost: number | null;
  objective: number | null;
}

/** Maps a staff header: "Cat. | Cognome e nome | % partecipazione | Costo orario | n. ore dedicate | Costo della risorsa". */
function staffHeader(sheet: SheetIndex, row: number, region: Region): StaffColumns | null {
  const cols: Partial<StaffColumns> = {};
  for (const c of sheet.filledColumns(row, region.left, region.right)) {
    const l = sheet.label(row, c);
    if (l === null) continue;
    if (l === "cat" || l === "categoria" || l === "cat. giur") cols.category ??= c;
    else if (l === "cognome e nome" || l === "nome e cognome" || l === "dipendenti" || l === "dipendente" || l === "nominativo")
      cols.name ??= c;
    else if (l.includes("partecipazione") || l === L.pesoPercent || l === L.peso) cols.participation ??= c;
    else if (l === "costo orario") cols.hourlyCost ??= c;
    else if (l.startsWith("n. ore") || l.startsWith("ore ")) cols.hours ??= c;
    else if (l.startsWith("costo della risorsa") || l === "costo") cols.cost ??= c;
    else if (l === "obiettivo" || l === "obiettivi" || l === "n. obiettivo") cols.objective ??= c;
  }
  if (cols.name === undefined) return null;
  return {
    category: cols.category ?? null,
    name: cols.name,
    participation: cols.participation ?? null,
    hourlyCost: cols.hourlyCost ?? null,
    hours: cols.hours ?? null,
    cost: cols.cost ?? null,
    objective: cols.objective ?? null,
  };
}

/** A staff row with the objective reference cell of layout B's table, when there is one. */
export interface StaffLine {
  member: StaffMember;
  objectiveRef: { row: number; col: number; text: string } | null;
}

/**
 * Reads a staff table whose heading is at `start` (header row within the next rows). Rows without
 * a name are skipped (templates ship with empty rows); the table ends at "COSTO DELLE RISORSE
 * INTERNE", at the next block or after a run of blank rows.
 */
export function readStaffTable(
  cr: CellReader,
  start: Hit,
  region: Region,
  scope: Scope,
  maxBlankRun = MAX_BLANK_RUN,
): { lines: StaffLine[]; range: SheetRange } {
  const sheet = cr.sheet;
  let headerRow = -1;
  let cols: StaffColumns | null = null;
  for (let r = start.row; r <= Math.min(region.bottom, start.row + 4); r++) {
    cols = staffHeader(sheet, r, region);
    if (cols) {
      headerRow = r;
      break;
    }
  }
  const lines: StaffLine[] = [];
  if (!cols) return { lines, range: cr.at(start.row, start.col) };
  let blanks = 0;
  let lastRow = headerRow;
  for (let r = headerRow + 1; r <= region.bottom; r++) {
    if (sheet.isBlankBetween(r, region.left, region.right)) {
      blanks += 1;
      if (blanks > maxBlankRun) break;
      continue;
    }
    blanks = 0;
    const filled = sheet.filledColumns(r, region.left, region.right);
    const firstLabel = sheet.label(r, filled[0] as number);
    if (firstLabel === L.costoRisorseInterne || isBlockLabel(firstLabel)) break;
    if (isRuleRow(sheet, r, region.left, region.right)) break;
    if (staffHeader(sheet, r, region)) continue;
    lastRow = r;
    const name = cr.text(r, cols.name);
    if (name === null) continue;
    const source: Record<string, SheetRange> = { row: cr.range(r, region.left, r, Math.max(...filled)), name: cr.at(r, cols.name) };
    const num = (col: number | null, key: string, read: "percent" | "number"): number | null => {
      if (col === null) return null;
      source[key] = cr.at(r, col);
      return read === "percent" ? cr.percent(r, col, `staff.${key}`, scope) : cr.number(r, col, `staff.${key}`, scope);
    };
    const member: StaffMember = {
      category: cols.category === null ? null : cr.text(r, cols.category),
      name,
      participation: num(cols.participation, "participation", "percent"),
      hourlyCost: num(cols.hourlyCost, "hourlyCost", "number"),
      hours: num(cols.hours, "hours", "number"),
      cost: num(cols.cost, "cost", "number"),
      source,
    };
    if (cols.category !== null) source.category = cr.at(r, cols.category);
    const refText = cols.objective === null ? null : sheet.text(r, cols.objective);
    lines.push({
      member,
      objectiveRef: cols.objective !== null && refText !== null ? { row: r, col: cols.objective, text: refText } : null,
    });
  }
  return { lines, range: cr.range(start.row, region.left, lastRow, region.right) };
}
