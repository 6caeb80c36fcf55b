import { unionRanges } from "../cells/a1";
import { defineLayout } from "./layout";
import type { Phase } from "../model/plan";
import { cellText, readDate, readObjectiveHeading, readPercent, type ObjectiveHeading } from "../values";
import { labelValue, readIndicatorTable, readReviews, readStaffTable } from "./blocks";
import { emptyObjective, type CellReader, type ObjectiveDraft, type Scope, type StructureDraft } from "./context";
import { isBlockLabel, isStaffHeading, L } from "./labels";
import type { Hit, Region, SheetIndex } from "./sheet";

/**
 * Layout C, the three-column card, as supported here:
 *
 *   1. OBIETTIVO DI MIGLIORAMENTO 2024        optional heading: number, kind, year
 *   Settore        | Servizi sociali          structure: "Settore", "Centro di Responsabilità",
 *                                            "Servizio", "Struttura" or "Area"; the value is the
 *                                            next cell right, else the cell below; "Settore: X"
 *                                            in one cell works too. Default: the sheet name.
 *   Responsabile   | Maria Rossi              owner: "Responsabile" or "Dirigente", same rules
 *   Peso           | 20%                      objective weight (above the table, or between the
 *                                            phase rows and the indicators)
 *   DEFINIZIONE OBIETTIVO | DESCRIZIONE/FASI | CRONOPROGRAMMA [| Peso %] [| Completata il | Note verifica]
 *   definition text       | 1. first phase (30%) | Gennaio - marzo
 *   (empty or merged)     | 2. second phase      | aprile 2024
 *   Indicatori di risultato
 *   Descrizione | Valore atteso | Valore raggiunto
 *   …                                         then optional "Verifica …" blocks and staff table
 *
 * One row per phase: the definition is the objective's title (typed in the first row, or merged
 * down: a merged area keeps its value in its top-left cell only); the second column is the
 * phase ("1." / "Fase 1:" give its number, a trailing "(30%)" its weight unless a "Peso %" column
 * exists); the third is the schedule as typed, turned into months by readMonths. A new,
 * different definition lower in the same table starts another objective (unnumbered, without
 * weight: the heading and "Peso" above belong to the first). The phase rows end at the first
 * blank row or block label.
 */

const STRUCTURE_LABELS = [L.settore, L.centro, "servizio", "struttura", "area", "settore/servizio", "unita organizzativa"];
const OWNER_LABELS = [L.responsabile, L.dirigente, "responsabile del servizio", "dirigente responsabile", "funzionario responsabile"];
const WEIGHT_LABELS = [L.peso, L.pesoPercent, "peso obiettivo", "peso (%)"];

const PREAMBLE = new Set<string>([...STRUCTURE_LABELS, ...OWNER_LABELS, ...WEIGHT_LABELS]);

function isCLabel(label: string | null): boolean {
  return label !== null && (PREAMBLE.has(label) || isBlockLabel(label));
}

interface Columns {
  definition: number;
  phase: number;
  schedule: number | null;
  weight: number | null;
  completedOn: number | null;
  reviewNote: number | null;
}

function columns(sheet: SheetIndex, h: Hit): Columns | null {
  let phase: number | null = null;
  let schedule: number | null = null;
  let weight: number | null = null;
  let completedOn: number | null = null;
  let reviewNote: number | null = null;
  for (const c of sheet.filledColumns(h.row, h.col + 1, sheet.bounds.right)) {
    const l = sheet.label(h.row, c);
    if (l === null) continue;
    if (l === L.phasesColumn || l.startsWith("descrizione/fasi") || l === "fasi" || l === "descrizione fasi") phase ??= c;
    else if (l.startsWith(L.cronoprogramma) || l.startsWith("tempi")) schedule ??= c;
    else if (WEIGHT_LABELS.includes(l)) weight ??= c;
    else if (l.startsWith(L.completedOn)) completedOn ??= c;
    else if (l.startsWith(L.reviewNote)) reviewNote ??= c;
  }
  if (phase === null) return null;
  return { definition: h.col, phase, schedule, weight, completedOn, reviewNote };
}

/** A label + value pair of the preamble, as separate cells or as "Label: value" in one cell. */
function preambleValue(sheet: SheetIndex, labels: readonly string[], region: Region): { row: number; col: number; text: string } | null {
  const hits = sheet.findAny(
    labels,
    labels.map((l) => `${l}:`),
    region,
  );
  const hit = hits[hits.length - 1];
  if (!hit) return null;
  if (labels.includes(hit.label)) return labelValue(sheet, hit, region, isCLabel);
  const raw = cellText(sheet.value(hit.row, hit.col)) ?? "";
  const text = raw.slice(raw.indexOf(":") + 1).trim();
  return text === "" ? null : { row: hit.row, col: hit.col, text };
}

interface HeadingAt {
  hit: Hit;
  heading: ObjectiveHeading;
}

/** Every objective heading of the sheet, in row order (read once per sheet). */
function headingsOf(sheet: SheetIndex): HeadingAt[] {
  const out: HeadingAt[] = [];
  for (const h of sheet.headingCandidates) {
    const heading = readObjectiveHeading(sheet.text(h.row, h.col) ?? "");
    if (heading) out.push({ hit: h, heading });
  }
  return out;
}

/** The last heading whose row is in [top, bottom] (binary search on the sorted list). */
function lastHeadingIn(headings: readonly HeadingAt[], top: number, bottom: number): HeadingAt | null {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((headings[mid] as HeadingAt).hit.row <= bottom) lo = mid + 1;
    else hi = mid;
  }
  const h = headings[lo - 1];
  return h && h.hit.row >= top ? h : null;
}

function isPreambleLabel(l: string | null): boolean {
  if (l === null) return false;
  const labels = [...STRUCTURE_LABELS, ...OWNER_LABELS];
  return labels.includes(l) || labels.some((s) => l.startsWith(`${s}:`));
}

const LEADING_NUMBER = /^\s*(?:fase\s*(?:n\.?\s*)?)?(\d+(?:\.\d+)*)\s*[.):\-–]\s*/i;
const TRAILING_WEIGHT = /\(\s*([^()]*%[^()]*)\)\s*$/;

/** Layout C, registered in layouts.ts. */
export const layoutC = defineLayout({
  ids: ["C"],
  name: "scheda a tre colonne (C)",
  read: (cr, claimed) => {
    const c = readLayoutC(cr, claimed);
    return { structures: c.structures.map((draft) => ({ draft, weightRows: [], nameFromCard: false })), claimed: c.claimed };
  },
  review: { indicatorTables: true, actualInPhaseTable: false, phaseTableToCardBottom: false },
});

/** Reads the layout-C cards of a sheet. */
export function readLayoutC(cr: CellReader, claimedBefore: readonly Region[]): { structures: StructureDraft[]; claimed: Region[] } {
  const sheet = cr.sheet;
  const structures: StructureDraft[] = [];
  const claimed: Region[] = [];
  const headers = sheet
    .find(L.definition)
    .filter((h) => !claimedBefore.some((r) => h.row >= r.top && h.row <= r.bottom))
    .map((h) => ({ hit: h, cols: columns(sheet, h) }))
    .filter((x): x is { hit: Hit; cols: Columns } => x.cols !== null);
  if (headers.length === 0) return { structures, claimed };
  const headings = headingsOf(sheet);
  let cursor = sheet.bounds.top;
  headers.forEach(({ hit: h, cols }, i) => {
    const next = headers[i + 1]?.hit.row ?? sheet.bounds.bottom + 1;
    const wide = { left: sheet.bounds.left, right: sheet.bounds.right };
    const preamble: Region = { top: cursor, bottom: h.row - 1, ...wide };
    const heading = lastHeadingIn(headings, preamble.top, preamble.bottom);
    const structureCell = preamble.bottom >= preamble.top ? preambleValue(sheet, STRUCTURE_LABELS, preamble) : null;
    const ownerCell = preamble.bottom >= preamble.top ? preambleValue(sheet, OWNER_LABELS, preamble) : null;
    let weightCell = preamble.bottom >= preamble.top ? preambleValue(sheet, WEIGHT_LABELS, preamble) : null;
    const structureName = structureCell?.text ?? sheet.name;
    let structure = structures.find((s) => s.name === structureName);
    if (!structure) {
      structure = { name: structureName, owner: ownerCell?.text ?? null, strategy: null, source: {}, objectives: [] };
      if (structureCell) structure.source.header = cr.at(structureCell.row, structureCell.col);
      structures.push(structure);
    }

    // Phase rows.
    const right = Math.max(cols.phase, cols.schedule ?? 0, cols.weight ?? 0, cols.completedOn ?? 0, cols.reviewNote ?? 0);
    const objectives: ObjectiveDraft[] = [];
    let current: ObjectiveDraft | null = null;
    let lastRow = h.row;
    for (let r = h.row + 1; r < next; r++) {
      if (sheet.isBlankBetween(r, cols.definition, right)) break;
      const first = sheet.filledColumns(r, cols.definition, right)[0] as number;
      const label = sheet.label(r, first);
      if (isBlockLabel(label) || (label !== null && (label.startsWith("indicatori") || WEIGHT_LABELS.includes(label)))) break;
      const defMerge = sheet.mergeCovering(r, cols.definition);
      const defText = defMerge ? null : cellText(sheet.value(r, cols.definition));
      if (current === null || (defText !== null && current.title !== "" && !defText.startsWith(current.title))) {
        const anchor = current === null && heading ? heading.hit : { row: r, col: cols.definition };
        current = emptyObjective({ sheet: sheet.name, row: anchor.row, col: anchor.col, structure: structureName, layout: "C" });
        current.owner = ownerCell?.text ?? structure.owner;
        if (ownerCell) current.source.owner = cr.at(ownerCell.row, ownerCell.col);
        if (structureCell) current.source.structure = cr.at(structureCell.row, structureCell.col);
        objectives.push(current);
      }
      if (defText !== null && current.title === "") {
        // The definition is a title line, often followed by lines that explain it.
        const cut = defText.indexOf("\n");
        current.title = cut < 0 ? defText : defText.slice(0, cut).trim();
        const rest = cut < 0 ? "" : defText.slice(cut + 1).trim();
        current.description = rest === "" ? null : rest;
        current.source.title = cr.at(r, cols.definition);
        if (rest !== "") current.source.description = cr.at(r, cols.definition);
      }
      const phase = readPhaseRow(cr, r, cols, { objective: current, structure: structureName });
      if (phase) current.phases.push(phase);
      lastRow = r;
    }

    // After the phase rows, up to the next card's preamble: weight, indicators, reviews, staff.
    let afterBottom = next - 1;
    for (let r = lastRow + 1; r < next; r++) {
      const hasPreamble = sheet.filledColumns(r, wide.left, wide.right).some((c) => isPreambleLabel(sheet.label(r, c)));
      if (hasPreamble || lastHeadingIn(headings, r, r) !== null) {
        afterBottom = r - 1;
        break;
      }
    }
    const after: Region = { top: lastRow + 1, bottom: afterBottom, ...wide };
    let consumed = lastRow;
    if (after.bottom >= after.top) {
      weightCell ??= preambleValue(sheet, WEIGHT_LABELS, after);
      if (weightCell) consumed = Math.max(consumed, weightCell.row);
    }
    const main = objectives[0];
    if (main) {
      const scope: Scope = { objective: main, structure: structureName };
      if (heading) {
        main.number = heading.heading.number;
        main.kind = heading.heading.kind;
        main.year = heading.heading.year;
        main.intersectoral = heading.heading.intersectoral;
        main.source.heading = cr.at(heading.hit.row, heading.hit.col);
      }
      if (weightCell) {
        main.weight = cr.weight(weightCell.row, weightCell.col, "objective.weight", scope);
        main.source.weight = cr.at(weightCell.row, weightCell.col);
      }
      if (after.bottom >= after.top) {
        const last = objectives[objectives.length - 1] as ObjectiveDraft;
        const lastScope: Scope = { objective: last, structure: structureName };
        const indicatorHit = sheet.findPrefix("indicatori", after)[0];
        if (indicatorHit) {
          const t = readIndicatorTable(cr, indicatorHit, { ...after, top: indicatorHit.row }, lastScope);
          last.indicators.push(...t.indicators);
          last.source.indicators = t.range;
          consumed = Math.max(consumed, t.range.bottom);
        }
        const reviews = readReviews(cr, after, lastScope);
        if (reviews.range) {
          last.reviews.push(...reviews.reviews);
          last.source.reviews = reviews.range;
          consumed = Math.max(consumed, reviews.range.bottom);
        }
        const staffHit = sheet.findPrefix(L.personalePrefix, after).find((x) => isStaffHeading(x.label));
        if (staffHit) {
          const s = readStaffTable(cr, staffHit, { ...after, top: staffHit.row }, lastScope);
          last.staff.push(...s.lines.map((l) => l.member));
          last.source.staff = s.range;
          consumed = Math.max(consumed, s.range.bottom);
        }
      }
    }
    const usedTop = Math.min(h.row, heading?.hit.row ?? h.row, structureCell?.row ?? h.row, ownerCell?.row ?? h.row, weightCell?.row ?? h.row);
    for (const o of objectives) {
      const phases = unionRanges(o.phases.flatMap((p) => Object.values(p.source)));
      if (phases) o.source.phases = phases;
      const left = o === main ? Math.min(cols.definition, heading?.hit.col ?? cols.definition, structureCell?.col ?? cols.definition, ownerCell?.col ?? cols.definition) : cols.definition;
      const lastPhaseRow = Math.max(o.anchor.row, ...o.phases.map((p) => p.source.label?.bottom ?? o.anchor.row));
      o.source.card = cr.range(o === main ? usedTop : o.anchor.row, left, o === objectives[objectives.length - 1] ? consumed : lastPhaseRow, right);
      // The card's top-left cell names an unnumbered objective.
      if (o === main) o.anchor = { sheet: sheet.name, row: usedTop, col: left };
      structure.objectives.push(o);
    }
    claimed.push({ top: usedTop, bottom: consumed, ...wide });
    cursor = consumed + 1;
  });
  return { structures, claimed };
}

/** One phase row: number and weight from the phase text (or the "Peso %" column), months from the schedule text. */
function readPhaseRow(cr: CellReader, r: number, cols: Columns, scope: Scope): Phase | null {
  const sheet = cr.sheet;
  const raw = cr.text(r, cols.phase);
  const schedValue = cols.schedule === null ? null : sheet.value(r, cols.schedule);
  const schedText = cols.schedule === null ? null : cr.text(r, cols.schedule);
  if (raw === null && schedText === null) return null;
  const phase: Phase = {
    number: null,
    label: "",
    weight: null,
    deadline: null,
    scheduleText: null,
    scheduleMonths: [],
    completedOn: null,
    reviewNote: null,
    origin: ["card"],
    source: { label: cr.at(r, cols.phase) },
  };
  if (raw !== null) {
    let text = raw;
    const n = LEADING_NUMBER.exec(text);
    if (n) {
      phase.number = n[1] as string;
      text = text.slice(n[0].length);
    }
    const w = TRAILING_WEIGHT.exec(text);
    if (w && cols.weight === null) {
      const read = readPercent(w[1] as string);
      if (read.ok) phase.weight = read.value;
      else cr.fail(r, cols.phase, "percent", w[0].trim(), read.reason, "phase.weight", scope);
      phase.source.weight = cr.at(r, cols.phase);
      text = text.slice(0, w.index);
    }
    phase.label = text.trim();
  }
  if (cols.weight !== null) {
    phase.weight = cr.percent(r, cols.weight, "phase.weight", scope);
    phase.source.weight = cr.at(r, cols.weight);
  }
  if (cols.schedule !== null) {
    phase.source.scheduleText = cr.at(r, cols.schedule);
    if (typeof schedValue === "number") {
      // "aprile 2024" typed into a cell Excel turned into a date.
      const d = readDate(schedValue, sheet.format(r, cols.schedule));
      if (d.ok) {
        phase.scheduleText = d.value;
        phase.scheduleMonths = [Number(d.value.slice(5, 7))];
      } else {
        cr.fail(r, cols.schedule, "months", String(schedValue), d.reason, "phase.scheduleText", scope);
        phase.scheduleText = String(schedValue);
      }
    } else if (schedText !== null) {
      phase.scheduleText = schedText;
      phase.scheduleMonths = cr.months(schedText, r, cols.schedule, "phase.scheduleText", scope);
    }
  }
  if (cols.completedOn !== null) {
    phase.completedOn = cr.date(r, cols.completedOn, "phase.completedOn", scope);
    phase.source.completedOn = cr.at(r, cols.completedOn);
  }
  if (cols.reviewNote !== null) {
    phase.reviewNote = cr.text(r, cols.reviewNote);
    phase.source.reviewNote = cr.at(r, cols.reviewNote);
  }
  return phase;
}
