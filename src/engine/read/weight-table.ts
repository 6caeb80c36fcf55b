import { cellRange, type SheetRange } from "../cells/a1";
import { joinRowsToCards, type JoinSide } from "./join/match";
import type { Weight } from "../model/plan";
import { isDateFormat, readTrailingDate, readWeight } from "../values";
import { scheduleGridRegions } from "./blocks";
import { emptyObjective, type CellReader, type ObjectiveDraft, type Scope } from "./context";
import { FIELD_LABELS, isBlockLabel } from "./labels";
import type { Region, SheetIndex } from "./sheet";

/**
 * The summary table of a structure in layout A: one row per objective with its weight.
 *
 *   1 | Servizio Amministrativo | Innovazione Servizi Demografico | 30%
 *   6 | Polizia Locale          | Organizzazione … Festa del paese | Intersettoriale
 *
 * and the Segreteria variant, headed "peso", whose rows are the objectives themselves:
 *
 *   peso |                          |
 *   40   | Autodichiarazione …      | Definizione dei criteri … 31/12/2024
 */
export interface WeightRow {
  sheet: string;
  row: number;
  col: number;
  number: string | null;
  title: string | null;
  weight: Weight | null;
  /** Non-numeric weight as typed ("Intersettoriale"). */
  weightText: string | null;
  /** The structure the row names, when the table has a structure column. */
  structureText: string | null;
  description: string | null;
  deadline: string | null;
  source: Record<string, SheetRange>;
  /** Scope of the unreadable cells of this row; its objective is set once the row is matched. */
  scope: Scope;
}

function isIntersectoralText(sheet: SheetIndex, text: string): boolean {
  return sheet.normalize(text).includes("intersettorial");
}

/** A weight table found on a sheet: numbered rows ("1 | struttura | titolo | 30%") or a "peso" table. */
export interface WeightTable extends Region {
  kind: "numbered" | "peso";
  /** Header row and weight column of a "peso" table. */
  header: { row: number; col: number } | null;
}

/** "1", 1, "2." : the integer that opens a weight-table row. */
function isRowNumber(sheet: SheetIndex, row: number, col: number): boolean {
  const n = sheet.phaseNumber(row, col);
  return n !== null && /^\d{1,3}$/.test(n);
}

function isWeightLike(sheet: SheetIndex, row: number, col: number): boolean {
  const v = sheet.value(row, col);
  if (typeof v === "string" && isIntersectoralText(sheet, v)) return true;
  // A real date (a serial with a date format, e.g. under "Completata il") is no weight.
  if (typeof v === "number" && isDateFormat(sheet.format(row, col))) return false;
  return readWeight(v, sheet.format(row, col)).ok;
}

/**
 * "1 | X | X | … | 15/03/2024": a cronoprogramma row, whatever its last cell holds. True when
 * every cell of the run cols[from…to] after the number, the last one aside, is a mark X (and
 * there is one).
 */
function isMarkRow(sheet: SheetIndex, row: number, from: number, to: number): boolean {
  // The cells between the first and the last; with only two cells, the second.
  const first = from + 1;
  const last = to - from >= 2 ? to - 1 : to;
  if (first > last) return false;
  for (let i = first; i <= last; i++) if (!sheet.mark(row, sheet.filledColumn(i))) return false;
  return true;
}

function inside(row: number, col: number, regions: readonly Region[]): boolean {
  for (const r of regions) if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return true;
  return false;
}

/**
 * Position (see SheetIndex.filledSpan) of the last cell of the run that starts at `from`: cells
 * at most one blank column apart, up to `end` (exclusive).
 */
function runEnd(sheet: SheetIndex, from: number, end: number): number {
  let to = from;
  while (to + 1 < end && sheet.filledColumn(to + 1) - sheet.filledColumn(to) <= 2) to += 1;
  return to;
}

/**
 * Finds the weight tables of a sheet wherever they are (under the structure header, or beside
 * the first card): runs of rows that start with an integer and end with a weight ("30%", 25,
 * "Intersettoriale"), extended over adjacent numbered rows whose weight is missing; and "peso"
 * tables, whose header is a lone "peso" above rows starting with a weight. Cronoprogramma rows
 * ("1 | X | X … | 15/03/2024") are never weight rows: no table is looked for inside a grid (the
 * add-in's "Completata il" column beside it may hold a number), and a row of marks X is not one
 * wherever it stands.
 */
export function findWeightTables(sheet: SheetIndex, claimed: readonly Region[]): WeightTable[] {
  const tables: WeightTable[] = [];
  const { top, bottom, left, right } = sheet.bounds;
  const grids = scheduleGridRegions(sheet, sheet.bounds).filter((g) => !inside(g.top, g.left, claimed));
  const taken: readonly Region[] = grids.length > 0 ? [...claimed, ...grids] : claimed;
  // A row may hold a card's cells and, a few blank columns to the right, a weight-table row:
  // rows are cut into runs of cells at most one blank column apart.
  const span = (r: number): { from: number; to: number } => (r < top || r > bottom || sheet.filledCount(r) < 2 ? EMPTY_SPAN : sheet.filledSpan(r));
  /** The last column of the run of row r that starts at `col`, when it is a numbered row; else null. */
  const numberedRun = (r: number, col: number, minCells: number): number | null => {
    const { from: start, to: end } = span(r);
    let from = -1;
    for (let i = start; i < end; i = runEnd(sheet, i, end) + 1) {
      const c = sheet.filledColumn(i);
      if (c === col) {
        from = i;
        break;
      }
      if (c > col) break;
    }
    if (from < 0) return null;
    const to = runEnd(sheet, from, end);
    if (to - from + 1 < minCells || !isRowNumber(sheet, r, col) || isBlockLabel(sheet.label(r, col))) return null;
    if (inside(r, col, taken) || isMarkRow(sheet, r, from, to)) return null;
    return sheet.filledColumn(to);
  };
  for (let r = top; r <= bottom; r++) {
    const { from: rowStart, to: rowEnd } = span(r);
    for (let from = rowStart; from < rowEnd; ) {
      const to = runEnd(sheet, from, rowEnd);
      const first = sheet.filledColumn(from);
      const last = sheet.filledColumn(to);
      const start = from;
      from = to + 1;
      if (to - start + 1 < 3 || !isRowNumber(sheet, r, first)) continue;
      if (inside(r, first, taken) || inside(r, first, tables)) continue;
      if (!isWeightLike(sheet, r, last) || isMarkRow(sheet, r, start, to)) continue;
      let t = r;
      let b = r;
      let rightmost = last;
      for (let k = r + 1; k <= bottom; k++) {
        const next = numberedRun(k, first, 2);
        if (next === null) break;
        b = k;
        rightmost = Math.max(rightmost, next);
      }
      for (let k = r - 1; k >= top; k--) {
        const previous = numberedRun(k, first, 2);
        if (previous === null || inside(k, first, tables)) break;
        t = k;
        rightmost = Math.max(rightmost, previous);
      }
      // Weight tables count their objectives from 1; a numbered run starting elsewhere is not one.
      if (sheet.phaseNumber(t, first) !== "1") continue;
      tables.push({ kind: "numbered", header: null, top: t, bottom: b, left: first, right: rightmost });
    }
  }
  for (const h of sheet.findAny(FIELD_LABELS.weight.exact, [])) {
    if (inside(h.row, h.col, taken) || inside(h.row, h.col, tables)) continue;
    const others = sheet.filledColumns(h.row, left, right).filter((c) => c !== h.col);
    // Only a header of its own: not the "Peso %" column of a cronoprogramma or indicator table.
    if (others.some((c) => !PESO_TABLE_HEADERS.has(sheet.label(h.row, c) ?? ""))) continue;
    if (h.row + 1 > bottom || !isWeightLike(sheet, h.row + 1, h.col)) continue;
    // The header row of a numbered table ("N. | Struttura | Obiettivo | Peso %"): the table is read.
    const numbered = tables.find((t) => t.kind === "numbered" && t.top === h.row + 1 && h.col >= t.left && h.col <= t.right);
    if (numbered) continue;
    let b = h.row + 1;
    while (b + 1 <= bottom && !sheet.isBlankRow(b + 1) && !isBlockLabel(sheet.label(b + 1, sheet.filledColumns(b + 1, left, right)[0] as number))) b += 1;
    let r0 = h.col;
    let l0 = h.col;
    for (let k = h.row; k <= b; k++) {
      const f = sheet.filledColumns(k, left, right);
      if (f.length === 0) continue;
      l0 = Math.min(l0, f[0] as number);
      r0 = Math.max(r0, f[f.length - 1] as number);
    }
    tables.push({ kind: "peso", header: { row: h.row, col: h.col }, top: h.row, bottom: b, left: l0, right: r0 });
  }
  return tables.sort((a, b) => a.top - b.top || a.left - b.left);
}

const EMPTY_SPAN = { from: 0, to: 0 } as const;

/** Labels a "peso" table's header row may hold besides "peso". */
const PESO_TABLE_HEADERS = new Set(["n", "n°", "numero", "obiettivo", "obiettivi", "titolo", "descrizione sintetica", "descrizione", "struttura", "settore", "servizio"]);

/** Reads the rows of a weight table for `structure`. */
export function readWeightTable(cr: CellReader, table: WeightTable, structure: string): WeightRow[] {
  if (table.kind === "peso" && table.header) return readPesoTable(cr, table.header.row, table.header.col, table, structure);
  return readNumberedRows(cr, table, structure);
}

function readNumberedRows(cr: CellReader, region: Region, structure: string): WeightRow[] {
  const sheet = cr.sheet;
  const generic: WeightRow[] = [];
  const weightCols = new Map<number, number>();
  for (let r = region.top; r <= region.bottom; r++) {
    if (sheet.isBlankRow(r)) continue;
    const filled = sheet.filledColumns(r, region.left, region.right);
    if (filled.length < 2) continue;
    const first = filled[0] as number;
    const number = sheet.phaseNumber(r, first);
    if (number === null || !/^\d+$/.test(number)) continue;
    const rest = filled.slice(1);
    const last = rest[rest.length - 1] as number;
    const lastIsWeight = isWeightLike(sheet, r, last);
    let structureCol: number | null = null;    let titleCols: number[];
    let weightCol: number | null = null;
    if (rest.length >= 3) {
      structureCol = rest[0] as number;
      titleCols = rest.slice(1, -1);
      weightCol = last;
    } else if (rest.length === 2) {
      if (lastIsWeight) {
        titleCols = [rest[0] as number];
        weightCol = last;
      } else {
        structureCol = rest[0] as number;
        titleCols = [last];
      }
    } else {
      titleCols = [last];
    }
    const scope: Scope = { objective: null, structure };
    const source: Record<string, SheetRange> = {
      row: cr.range(r, first, r, last),
      number: cr.at(r, first),
      title: cr.at(r, titleCols[0] as number),
    };
    if (structureCol !== null) source.structure = cr.at(r, structureCol);
    let weight: Weight | null = null;
    let weightText: string | null = null;
    if (weightCol !== null) {
      source.weight = cr.at(r, weightCol);
      weightCols.set(weightCol, (weightCols.get(weightCol) ?? 0) + 1);
      const t = sheet.text(r, weightCol) ?? "";
      if (isIntersectoralText(sheet, t)) weightText = t;
      else weight = cr.weight(r, weightCol, "objective.weight", scope);
    }
    const title = titleCols.map((c) => sheet.text(r, c)).filter((t): t is string => t !== null).join(" ");
    const structureText = structureCol === null ? null : sheet.text(r, structureCol);
    generic.push({ sheet: sheet.name, row: r, col: first, number, title, weight, weightText, structureText, description: null, deadline: null, source, scope });
  }
  // Rows whose weight cell is empty still get a source, in the column the other rows use, so a
  // "missing weight" finding points at the cell to fill.
  const usual = [...weightCols.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (usual !== undefined) {
    for (const w of generic) {
      if (w.source.weight || usual <= (w.source.row as SheetRange).right) continue;
      w.source.weight = cr.at(w.row, usual);
      // Empty, or a formula saved without its result (reported as such by the cell reader).
      w.weight = cr.weight(w.row, usual, "objective.weight", w.scope);
    }
  }
  return generic;
}

/** The "peso" table: columns found by their headers; unlabelled columns are title, then description. */
function readPesoTable(cr: CellReader, headerRow: number, pesoCol: number, region: Region, structure: string): WeightRow[] {
  const sheet = cr.sheet;
  let numberCol: number | null = null;
  let titleCol: number | null = null;
  let descriptionCol: number | null = null;
  for (const c of sheet.filledColumns(headerRow, region.left, region.right)) {
    const l = sheet.label(headerRow, c);
    if (l === "n" || l === "n°" || l === "numero") numberCol ??= c;
    else if (l === "obiettivo" || l === "obiettivi" || l === "titolo" || l === "descrizione sintetica") titleCol ??= c;
    else if (l === "descrizione") descriptionCol ??= c;
  }
  const out: WeightRow[] = [];
  for (let r = headerRow + 1; r <= region.bottom; r++) {
    if (sheet.isBlankBetween(r, region.left, region.right)) break;
    const filled = sheet.filledColumns(r, region.left, region.right);
    if (isBlockLabel(sheet.label(r, filled[0] as number))) break;
    const free = filled.filter((c) => c !== pesoCol && c !== numberCol && c !== titleCol && c !== descriptionCol);
    const tCol = titleCol ?? free.shift() ?? null;
    const dCol = descriptionCol ?? free.shift() ?? null;
    const scope: Scope = { objective: null, structure };
    const source: Record<string, SheetRange> = { row: cr.range(r, Math.min(...filled), r, Math.max(...filled)), weight: cr.at(r, pesoCol) };
    const t = sheet.text(r, pesoCol) ?? "";
    const weightText = isIntersectoralText(sheet, t) ? t : null;
    const weight = weightText ? null : cr.weight(r, pesoCol, "objective.weight", scope);
    const title = tCol === null ? null : sheet.text(r, tCol);
    if (tCol !== null) source.title = cr.at(r, tCol);
    let description: string | null = null;
    let deadline: string | null = null;
    if (dCol !== null) {
      const d = sheet.text(r, dCol);
      if (d !== null) {
        // The description closes with the objective's deadline: "… il supporto nella predisposizione della relazione. 31/12/2024."
        const trailing = readTrailingDate(d);
        description = trailing.text.trim() === "" ? null : trailing.text.trim();
        deadline = trailing.date;
        source.description = cr.at(r, dCol);
        if (deadline !== null) source.deadline = cr.at(r, dCol);
      }
    }
    const number = numberCol === null ? null : sheet.phaseNumber(r, numberCol);
    if (numberCol !== null) source.number = cr.at(r, numberCol);
    out.push({ sheet: sheet.name, row: r, col: Math.min(...filled), number, title, weight, weightText, structureText: null, description, deadline, source, scope });
  }
  return out;
}

/**
 * Joins a structure's weight-table rows to its layout-A cards with the one matcher (see
 * join/match.ts) and gives each joined card its weight and table position. Rows without a card
 * become objectives of their own (the Segreteria table is the only place its objectives are
 * written; elsewhere a listed objective whose card is missing must still count in the weights)
 * and say so in `join`; so do cards listed nowhere and pairs the matcher would not choose between.
 */
export function attachWeightRows(rows: readonly WeightRow[], cards: ObjectiveDraft[], owner: string | null): ObjectiveDraft[] {
  const joinable = cards.filter((c) => c.layout === "A" || c.layout === "addin");
  const result = joinRowsToCards(
    rows,
    joinable,
    (row): JoinSide => ({ number: row.number, title: row.title, structure: row.structureText, owner: null, at: row.source.row as SheetRange }),
    (card): JoinSide => ({ number: card.number, title: card.title === "" ? null : card.title, structure: card.sectorText, owner: card.owner, at: card.source.card ?? card.source.title ?? cellRange(card.anchor.sheet, card.anchor.row, card.anchor.col) }),
  );
  const cardAt = (c: ObjectiveDraft): SheetRange => c.source.card ?? cellRange(c.anchor.sheet, c.anchor.row, c.anchor.col);
  const matched = new Map<WeightRow, ObjectiveDraft>();
  for (const p of result.pairs) {
    matched.set(p.row, p.card);
    p.card.join = { status: "joined", row: p.row.source.row as SheetRange, card: cardAt(p.card), score: p.score, evidence: p.evidence, candidates: [] };
  }
  const ambiguousRows = new Map<WeightRow, SheetRange[]>();
  for (const a of result.ambiguous) {
    for (const r of a.rows) ambiguousRows.set(r, a.cards.map(cardAt));
    for (const c of a.cards) c.join = { status: "ambiguous", row: null, card: cardAt(c), score: a.score, evidence: null, candidates: a.rows.map((r) => r.source.row as SheetRange) };
  }
  if (rows.length > 0) {
    for (const c of result.unmatchedCards) c.join ??= { status: "card-only", row: null, card: cardAt(c), score: null, evidence: null, candidates: [] };
  }
  const added: ObjectiveDraft[] = [];
  rows.forEach((row, order) => {
    const card = matched.get(row);
    if (card) {
      card.weight = row.weight;
      card.weightText = row.weightText;
      card.tableOrder = order;
      if (row.weightText !== null) card.intersectoral = true;
      if (row.source.weight) card.source.weight = row.source.weight;
      card.source.weightTableRow = row.source.row as SheetRange;
      if (card.title === "" && row.title !== null) {
        card.title = row.title;
        if (row.source.title) card.source.title = row.source.title;
      }
      if (card.deadline === null && row.deadline !== null) {
        card.deadline = row.deadline;
        if (row.source.deadline) card.source.deadline = row.source.deadline;
      }
      row.scope.objective = card;
      return;
    }
    const o = emptyObjective({ sheet: row.sheet, row: row.row, col: row.col, structure: row.scope.structure ?? "", layout: "A", title: row.title ?? "" });
    o.number = row.number;
    o.owner = owner;
    o.weight = row.weight;
    o.weightText = row.weightText;
    o.intersectoral = row.weightText !== null;
    o.description = row.description;
    o.deadline = row.deadline;
    o.tableOrder = order;
    const { row: rowRange, structure: _structure, ...fields } = row.source;
    o.source = { ...fields, card: rowRange as SheetRange, weightTableRow: rowRange as SheetRange };
    const rivals = ambiguousRows.get(row);
    o.join = rivals
      ? { status: "ambiguous", row: rowRange as SheetRange, card: null, score: null, evidence: null, candidates: rivals }
      : { status: "row-only", row: rowRange as SheetRange, card: null, score: null, evidence: null, candidates: [] };
    row.scope.objective = o;
    added.push(o);
  });
  return added;
}
