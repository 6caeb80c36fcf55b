import { unionRanges, type SheetRange } from "../cells/a1";
import type { Indicator, Phase, Review, ScheduleRow, StaffMember } from "../model/plan";
import { cellText, readObjectiveHeading, readPhaseNumber, splitList, stripHtml, type ObjectiveHeading } from "../values";
import { matchScheduleRows } from "../compute/schedule";
import {
  assignReviewKinds,
  findScheduleHeaders,
  labelValue,
  readIndicatorTable,
  readReviews,
  readScheduleRows,
  readStaffTable,
  type ScheduleLine,
} from "./blocks";
import { emptyObjective, type CellReader, type ObjectiveDraft, type Scope, type StructureDraft } from "./context";
import { FIELD_LABELS, isBlockLabel, isFieldLabel, isRuleText, isStaffHeading, L, OWNER_HEADER_LABELS, SECTOR_LABELS } from "./labels";
import type { Hit, Region, SheetIndex } from "./sheet";
import { structureSimilarity } from "./join/names";
import { defineLayout, type LayoutStructure } from "./layout";
import { findWeightTables, readWeightTable, type WeightTable } from "./weight-table";

/**
 * Layout A, the vertical card (Casorate Primo 2024).
 *
 * The block finder gives three kinds of anchors: objective headings ("1. OBIETTIVO DI
 * MIGLIORAMENTO 2024"), titles ("Obiettivo: Descrizione Sintetica") and structure headers
 * ("Centro di Responsabilità"). Anchors far apart horizontally make column bands (cards side by
 * side); inside a band each anchor opens a segment that runs to the next anchor. A title right
 * after a heading belongs to the heading's segment. Consecutive card segments are parts of one
 * card (a card split over two pages repeats heading and "Settore | Dirigente | Sistema Premiante"
 * header) when their numbers agree, or when the later one has neither a number nor a title of
 * its own; a structure header always starts afresh.
 */

/** Horizontal gap between anchor columns that separates two bands of cards side by side. */
const BAND_GAP = 8;

interface Anchor {
  row: number;
  col: number;
  kind: "heading" | "title" | "structure";
  heading: ObjectiveHeading | null;
}

interface Segment extends Region {
  kind: "part" | "structure";
  anchor: Anchor;
  title: Hit | null;
}

/** A layout-A structure as read: its draft and the rows of its weight table. */
export type StructureA = LayoutStructure;

/** Layout A, registered in layouts.ts. */
export const layoutA = defineLayout({
  ids: ["A", "addin"],
  name: "scheda verticale (A)",
  read: (cr, claimed) => ({ structures: readLayoutA(cr, claimed), claimed: [] }),
  review: { indicatorTables: true, actualInPhaseTable: false, phaseTableToCardBottom: false },
});

/** Labels of the header vocabulary: never taken as the value of another label. */
function isHeaderLabel(label: string | null): boolean {
  if (label === null) return false;
  return (
    isBlockLabel(label) ||
    isFieldLabel("owner", label) ||
    isFieldLabel("structure", label) ||
    label === L.sistemaPremiante ||
    label.startsWith("costo base")
  );
}

function inAny(row: number, col: number, regions: readonly Region[]): boolean {
  for (const r of regions) if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return true;
  return false;
}

/** Finds the anchors of layout A on a sheet, outside the regions other layouts claimed. */
function findAnchors(sheet: SheetIndex, claimed: readonly Region[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const h of sheet.headingCandidates) {
    if (inAny(h.row, h.col, claimed) || isHeaderLabel(h.label) || h.label.startsWith("obiettivo:")) continue;
    if (h.label.startsWith(L.strategicObjective) || h.label.startsWith(L.operationalObjective)) continue;
    const heading = readObjectiveHeading(sheet.text(h.row, h.col) ?? "");
    if (heading) anchors.push({ row: h.row, col: h.col, kind: "heading", heading });
  }
  for (const h of sheet.findPrefix("obiettivo: descrizione")) {
    if (!inAny(h.row, h.col, claimed)) anchors.push({ row: h.row, col: h.col, kind: "title", heading: null });
  }
  for (const h of sheet.findAny(STRUCTURE_HEADER_LABELS, [])) {
    if (inAny(h.row, h.col, claimed)) continue;
    if (!standsAlone(sheet, h)) continue;
    anchors.push({ row: h.row, col: h.col, kind: "structure", heading: null });
  }
  anchors.sort((a, b) => a.row - b.row || a.col - b.col);
  // "Servizio" / "Area" / "Settore" just under a card's heading, before its title, is the card's own
  // (a card header typed one label per row), not a structure header.
  return anchors.filter((s) => {
    if (s.kind !== "structure") return true;
    const heading = [...anchors].reverse().find((a) => a.row < s.row && Math.abs(a.col - s.col) < BAND_GAP && a.kind !== "structure");
    return !(heading && heading.kind === "heading" && s.row - heading.row <= CARD_HEADER_ROWS);
  });
}

/**
 * The labels that open a structure header ("Centro di Responsabilità", "Servizio", "Area", … see
 * FIELD_LABELS.structure) when they stand alone in their row (see standsAlone).
 */
const STRUCTURE_HEADER_LABELS = FIELD_LABELS.structure.exact.filter((l) => l !== L.settoriCoinvolti && l !== L.settoreCoordinamento);

/** Rows under a card's heading where its "Settore | Dirigente" header is typed. */
const CARD_HEADER_ROWS = 4;

/**
 * True when a structure label is a header of its own — "Servizio | <name>" or the name below —
 * and not one label of a card's header row "Settore | Dirigente | Sistema Premiante" or a
 * table's column headings, whose other cells are labels too.
 */
function standsAlone(sheet: SheetIndex, h: Hit): boolean {
  const others = [...sheet.filledColumns(h.row, Math.max(0, h.col - BAND_GAP), h.col - 1), ...sheet.filledColumns(h.row, h.col + 1, h.col + BAND_GAP)];
  // At most its value beside it: a row of column headings ("N. | Struttura | Obiettivo | Peso") is a table's.
  if (others.length > 1) return false;
  return others.every((c) => c > h.col && !isHeaderLabel(sheet.label(h.row, c)));
}

/** Splits the anchor columns into bands of cards standing side by side. */
function bands(sheet: SheetIndex, anchors: readonly Anchor[]): Region[] {
  const cols = [...new Set(anchors.map((a) => a.col))].sort((a, b) => a - b);
  const starts: number[] = [];
  let previous = -Infinity;
  for (const c of cols) {
    if (c - previous >= BAND_GAP) starts.push(c);
    previous = c;
  }
  return starts.map((start, i) => ({
    top: sheet.bounds.top,
    bottom: sheet.bounds.bottom,
    left: i === 0 ? sheet.bounds.left : start,
    right: i + 1 < starts.length ? (starts[i + 1] as number) - 1 : sheet.bounds.right,
  }));
}

/** Cuts a band into segments, one per anchor, absorbing a title into the heading above it. */
function segments(sheet: SheetIndex, band: Region, anchors: readonly Anchor[], claimed: readonly Region[], tables: readonly WeightTable[]): Segment[] {
  const out: Segment[] = [];
  for (const a of anchors) {
    if (a.col < band.left || a.col > band.right) continue;
    const last = out[out.length - 1];
    if (a.kind === "title") {
      const hit: Hit = { row: a.row, col: a.col, label: L.title };
      if (last && last.kind === "part" && last.title === null) {
        last.title = hit;
        continue;
      }
      // A card without heading: it starts at its "Settore | Dirigente" header just above, if any.
      let top = a.row;
      for (let r = a.row - 1; r >= Math.max(a.row - 4, last ? last.top + 1 : band.top); r--) {
        if (SECTOR_LABELS.some((l) => sheet.find(l, { top: r, bottom: r, left: band.left, right: band.right }).length > 0)) top = r;
      }
      out.push({ kind: "part", anchor: a, title: hit, top, bottom: band.bottom, left: band.left, right: band.right });
      continue;
    }
    out.push({ kind: a.kind === "heading" ? "part" : "structure", anchor: a, title: null, top: a.row, bottom: band.bottom, left: band.left, right: band.right });
  }
  out.forEach((s, i) => {
    const next = out[i + 1];
    let bottom = next ? next.top - 1 : band.bottom;
    for (const c of claimed) {
      if (c.top > s.top && c.top <= bottom && c.left <= band.right && c.right >= band.left) bottom = c.top - 1;
    }
    s.bottom = bottom;
  });
  // A weight table beside a card narrows the card; one under its columns ends it.
  for (const s of out) {
    if (s.kind !== "part") continue;
    for (const w of tables) {
      if (w.top > s.bottom || w.bottom < s.top || w.right < s.left || w.left > s.right) continue;
      if (w.left > s.anchor.col) s.right = Math.min(s.right, w.left - 1);
      else if (w.right < s.anchor.col) s.left = Math.max(s.left, w.right + 1);
      else if (w.top > s.top) s.bottom = Math.min(s.bottom, w.top - 1);
    }
  }
  return out;
}

interface PartInfo {
  segment: Segment;
  heading: ObjectiveHeading | null;
  sector: { text: string; row: number; col: number } | null;
  owner: { text: string; row: number; col: number } | null;
  intersectoral: boolean;
  title: string | null;
}

function partInfo(sheet: SheetIndex, seg: Segment): PartInfo {
  const sectorHit = sheet.findAny(SECTOR_LABELS, [], seg)[0];
  const ownerHit = sheet.findAny(OWNER_HEADER_LABELS, [], seg)[0];
  const intersectoral = sheet.find(L.settoriCoinvolti, seg).length > 0;
  const sector = sectorHit ? labelValue(sheet, sectorHit, seg, isHeaderLabel) : null;
  const owner = ownerHit ? labelValue(sheet, ownerHit, seg, isHeaderLabel) : null;
  const titleHit = seg.title ?? sheet.findPrefix("obiettivo: descrizione", seg)[0] ?? null;
  if (titleHit && !seg.title) seg.title = titleHit;
  const title = titleHit ? titleText(sheet, titleHit, seg) : null;
  return { segment: seg, heading: seg.anchor.heading, sector, owner, intersectoral, title };
}

/** The title: every filled cell right of the label, joined (a PDF may have cut it in two). */
function titleText(sheet: SheetIndex, hit: Hit, seg: Region): string | null {
  const parts = sheet
    .filledColumns(hit.row, hit.col + 1, seg.right)
    .map((c) => cellText(sheet.value(hit.row, c)))
    .filter((t): t is string => t !== null && !isRuleText(t));
  return parts.length > 0 ? parts.join(" ") : null;
}

/** Whether `part` continues the card `parts` started (see the file comment). */
function continues(sheet: SheetIndex, parts: readonly PartInfo[], part: PartInfo): boolean {
  const number = parts.find((p) => p.heading?.number != null)?.heading?.number ?? null;
  const title = parts.find((p) => p.title !== null)?.title ?? null;
  if (part.title !== null && title !== null && sheet.normalize(part.title) !== sheet.normalize(title)) return false;
  const partNumber = part.heading?.number ?? null;
  if (partNumber !== null && number !== null) return partNumber === number;
  if (partNumber === null) return part.title === null || title === null;
  return part.title === null && title === null;
}

/**
 * Reads the layout-A cards and structure headers of a sheet. `claimed` are the regions other
 * layouts already read.
 */
export function readLayoutA(cr: CellReader, claimed: readonly Region[]): StructureA[] {
  const sheet = cr.sheet;
  const anchors = findAnchors(sheet, claimed);
  const tables = findWeightTables(sheet, claimed);
  if (anchors.length === 0 && tables.length === 0) return [];
  const structures: StructureA[] = [];
  const headers: { row: number; col: number; structure: StructureA }[] = [];
  for (const band of bands(sheet, anchors)) {
    let current: StructureA | null = null;
    let group: PartInfo[] = [];
    const flush = (): void => {
      if (group.length === 0) return;
      const first = group[0] as PartInfo;
      let target = current;
      if (!target) {
        const name = first.sector?.text ?? sheet.name;
        const wanted = sheet.normalize(name);
        target = structures.find((s) => s.nameFromCard && sheet.normalize(s.draft.name) === wanted) ?? null;
        if (!target) {
          target = { draft: { name, owner: null, strategy: null, source: {}, objectives: [] }, weightRows: [], nameFromCard: true };
          if (first.sector) target.draft.source.header = cr.at(first.sector.row, first.sector.col);
          structures.push(target);
        }
      }
      target.draft.objectives.push(readCard(cr, group, target.draft));
      group = [];
    };
    for (const seg of segments(sheet, band, anchors, claimed, tables)) {
      if (seg.kind === "structure") {
        flush();
        current = readStructureHeader(cr, seg);
        structures.push(current);
        headers.push({ row: seg.anchor.row, col: seg.anchor.col, structure: current });
        continue;
      }
      const info = partInfo(sheet, seg);
      if (group.length > 0 && !continues(sheet, group, info)) flush();
      group.push(info);
    }
    flush();
  }
  // Each weight table belongs to the structure header above it (in reading order); without one,
  // each of its rows to the structure the row names (one summary table for the whole plan lists
  // the objectives of every structure, "1 | Polizia Locale | …", "1 | Tributi | …").
  headers.sort((a, b) => a.row - b.row || a.col - b.col);
  const named = (name: string): StructureA => {
    const wanted = sheet.normalize(name);
    let target = structures.find((s) => !s.nameFromCard && sheet.normalize(s.draft.name) === wanted) ?? null;
    if (!target) {
      target = { draft: { name, owner: null, strategy: null, source: {}, objectives: [] }, weightRows: [], nameFromCard: false };
      structures.push(target);
    }
    return target;
  };
  for (const table of tables) {
    const range = cr.range(table.top, table.left, table.bottom, table.right);
    const header = [...headers].reverse().find((h) => h.row < table.top || (h.row === table.top && h.col < table.left));
    if (header) {
      header.structure.weightRows.push(...readWeightTable(cr, table, header.structure.draft.name));
      header.structure.draft.source.weightTable = unionRanges([header.structure.draft.source.weightTable, range]) ?? range;
      continue;
    }
    const first = sheet.filledColumns(table.top, table.left, table.right)[1];
    const fallback = (table.kind === "numbered" && first !== undefined ? sheet.text(table.top, first) : null) ?? sheet.name;
    const groups: StructureA[] = [];
    for (const row of readWeightTable(cr, table, fallback)) {
      const text = row.structureText ?? fallback;
      // "Polizia Locale" and "Polizia Locale -" on two rows are one structure.
      const target = groups.find((g) => structureSimilarity(g.draft.name, text) === 1) ?? named(text);
      if (!groups.includes(target)) groups.push(target);
      row.scope.structure = target.draft.name;
      target.weightRows.push(row);
      target.draft.source.weightTable = unionRanges([target.draft.source.weightTable, range]) ?? range;
    }
  }
  return structures;
}

/** "Centro di Responsabilità | name", "Responsabile | name" and the weight table below them. */
function readStructureHeader(cr: CellReader, seg: Segment): StructureA {
  const sheet = cr.sheet;
  const hit: Hit = { row: seg.anchor.row, col: seg.anchor.col, label: L.centro };
  const nameCell = labelValue(sheet, hit, seg, isHeaderLabel);
  const name = nameCell?.text ?? sheet.name;
  const ownerHit = sheet.findAny(OWNER_HEADER_LABELS, [], seg)[0];
  const ownerCell = ownerHit ? labelValue(sheet, ownerHit, seg, isHeaderLabel) : null;
  const source: Record<string, SheetRange> = {
    header: cr.range(hit.row, hit.col, Math.max(hit.row, nameCell?.row ?? hit.row, ownerCell?.row ?? hit.row), Math.max(hit.col, nameCell?.col ?? hit.col)),
  };
  return { draft: { name, owner: ownerCell?.text ?? null, strategy: null, source, objectives: [] }, weightRows: [], nameFromCard: false };
}

/** The rows after the title up to the next block: where description and phase lists are typed. */
function descriptionZone(sheet: SheetIndex, seg: Segment, titleRow: number): Region | null {
  let bottom = titleRow;
  for (let r = titleRow + 1; r <= seg.bottom; r++) {
    const cols = sheet.filledColumns(r, seg.left, seg.right);
    const first = cols[0];
    if (first !== undefined) {
      const label = sheet.label(r, first);
      if (label !== null && isBlockLabel(label) && !label.startsWith(L.descriptionPrefix)) break;
      if (cols.some((c) => SECTOR_LABELS.includes(sheet.label(r, c) as (typeof SECTOR_LABELS)[number]))) break;
    }
    bottom = r;
  }
  return bottom > titleRow ? { top: titleRow + 1, bottom, left: seg.left, right: seg.right } : null;
}

const FASI_DI_ATTUAZIONE = /fasi\s+di\s+attuazione\s*:?/i;

/** True when the cell's text is a numbered list starting at 1 ("1. …", "<ol> 1. …", "Fase 1: …"). */
function startsNumberedList(raw: string): boolean {
  const t = cellText(raw) ?? "";
  return /^(fase\s*)?1\s*[.):]/i.test(t);
}

/**
 * splitList, keeping numbered sub-points inside the bullet they follow when the list is a
 * bulleted one: "-Previsione … = 1) Prestazione … 2) Dichiarazione …" is one phase (the card's
 * cronoprogramma has one row for it), not three.
 */
function bulletedList(raw: string): { number: string | null; text: string }[] {
  const items = splitList(raw);
  const firstLine = (stripHtml(raw).split("\n").find((l) => l.trim() !== "") ?? "").trim();
  if (!/^[-–—•·▪]/.test(firstLine)) return items;
  const out: { number: string | null; text: string }[] = [];
  for (const item of items) {
    const previous = out[out.length - 1];
    if (item.number !== null && previous) previous.text = `${previous.text} ${item.number}) ${item.text}`;
    else out.push({ ...item });
  }
  return out;
}

function toPhase(item: { number: string | null; text: string }, source: SheetRange): Phase {
  return {
    number: item.number,
    label: item.text.trim().replace(/[\s;,]+$/, ""),
    weight: null,
    deadline: null,
    scheduleText: null,
    scheduleMonths: [],
    completedOn: null,
    reviewNote: null,
    source: { label: source },
  };
}

/**
 * Description and phases from the cells between the title and the next block, read column by
 * column (a converted PDF continues a text column down, not across). A cell holding "Fasi di
 * attuazione" gives the list after that label; a cell that is a numbered list starting at 1 is a
 * phase list too; everything else is description ("Descrizione, finalità …" labels excluded).
 */
function readDescription(cr: CellReader, zone: Region): { description: string | null; phases: Phase[]; descSource: SheetRange | null } {
  const sheet = cr.sheet;
  const texts: string[] = [];
  const phases: Phase[] = [];
  let descSource: SheetRange | null = null;
  let expectList = false;
  for (let c = zone.left; c <= zone.right; c++) {
    for (let r = zone.top; r <= zone.bottom; r++) {
      const v = sheet.value(r, c);
      if (typeof v !== "string" && typeof v !== "number") continue;
      const raw = String(v);
      const label = sheet.label(r, c);
      if (label !== null && label.startsWith(L.descriptionPrefix)) continue;
      const text = cellText(raw);
      if (text === null || isRuleText(text)) continue;
      const at = cr.at(r, c);
      const m = FASI_DI_ATTUAZIONE.exec(raw);
      if (m) {
        const before = cellText(raw.slice(0, m.index));
        if (before !== null) {
          texts.push(before);
          descSource ??= at;
        }
        const items = bulletedList(raw.slice(m.index + m[0].length));
        if (items.length === 0) expectList = true;
        for (const item of items) phases.push(toPhase(item, at));
        continue;
      }
      if (expectList || startsNumberedList(raw)) {
        const items = bulletedList(raw);
        if (items.length > 0) {
          expectList = false;
          for (const item of items) phases.push(toPhase(item, at));
          continue;
        }
      }
      texts.push(text);
      descSource ??= at;
    }
  }
  return { description: texts.length > 0 ? texts.join("\n") : null, phases, descSource };
}

/** Reads one card (all its parts) into an objective draft. */
function readCard(cr: CellReader, parts: readonly PartInfo[], structure: StructureDraft): ObjectiveDraft {
  const sheet = cr.sheet;
  const first = parts[0] as PartInfo;
  const seg0 = first.segment;
  const o = emptyObjective({ sheet: sheet.name, row: seg0.top, col: seg0.anchor.col, structure: structure.name, layout: "A" });
  const scope: Scope = { objective: o, structure: structure.name };
  const headed = parts.find((p) => p.heading !== null)?.heading ?? null;
  o.number = parts.find((p) => p.heading?.number != null)?.heading?.number ?? null;
  o.kind = parts.find((p) => p.heading?.kind != null)?.heading?.kind ?? null;
  o.year = parts.find((p) => p.heading?.year != null)?.heading?.year ?? null;
  o.intersectoral = parts.some((p) => p.heading?.intersectoral === true || p.intersectoral);
  o.source.heading = cr.at(seg0.anchor.row, seg0.anchor.col);
  if (headed === null) delete o.source.heading;

  const ownerPart = parts.find((p) => p.owner !== null);
  const cardOwner = ownerPart?.owner ?? null;
  if (cardOwner && !(structure.owner && sheet.normalize(structure.owner) === sheet.normalize(cardOwner.text))) {
    o.owner = cardOwner.text;
    o.source.owner = cr.at(cardOwner.row, cardOwner.col);
  } else {
    o.owner = structure.owner ?? cardOwner?.text ?? null;
    if (cardOwner) o.source.owner = cr.at(cardOwner.row, cardOwner.col);
  }
  const sectorPart = parts.find((p) => p.sector !== null);
  if (sectorPart?.sector) {
    o.source.structure = cr.at(sectorPart.sector.row, sectorPart.sector.col);
    o.sectorText = sectorPart.sector.text;
  }

  const titled = parts.find((p) => p.title !== null && p.segment.title !== null);
  if (titled && titled.segment.title) {
    const hit = titled.segment.title;
    o.title = titled.title as string;
    const valueCol = sheet.nextFilled(hit.row, hit.col, titled.segment.right);
    o.source.title = cr.at(hit.row, valueCol ?? hit.col);
  }

  // Description and phases: the description label anywhere in the card, and the zone after the title.
  const phases: Phase[] = [];
  const descriptions: string[] = [];
  for (const p of parts) {
    const seg = p.segment;
    const titleRow = p.segment.title?.row ?? null;
    const zone = titleRow !== null ? descriptionZone(sheet, seg, titleRow) : null;
    const zones: Region[] = zone ? [zone] : [];
    for (const h of sheet.findPrefix(L.descriptionPrefix, seg)) {
      if (zone && h.row >= zone.top && h.row <= zone.bottom) continue;
      const z = descriptionZone(sheet, seg, h.row - 1);
      if (z) zones.push(z);
    }
    for (const z of zones) {
      const d = readDescription(cr, z);
      if (d.description !== null) descriptions.push(d.description);
      if (d.descSource && !o.source.description) o.source.description = d.descSource;
      phases.push(...d.phases);
    }
  }
  o.description = descriptions.length > 0 ? descriptions.join("\n") : null;

  // Indicators: every table, in every part.
  const indicators: Indicator[] = [];
  const indicatorRanges: SheetRange[] = [];
  for (const p of parts) {
    let consumed = -1;
    for (const h of sheet.findPrefix("indicatori", p.segment)) {
      if (h.row <= consumed || !(h.label.startsWith(L.indicators) || h.label === "indicatori" || h.label.startsWith("indicatori di performance"))) continue;
      const t = readIndicatorTable(cr, h, { ...p.segment, top: h.row }, scope);
      indicators.push(...t.indicators);
      indicatorRanges.push(t.range);
      consumed = t.range.bottom;
    }
  }
  o.indicators = indicators;

  // Cronoprogramma.
  const lines: ScheduleLine[] = [];
  const scheduleRanges: SheetRange[] = [];
  for (const p of parts) {
    for (const header of findScheduleHeaders(sheet, p.segment)) {
      const s = readScheduleRows(cr, header, p.segment, scope);
      lines.push(...s.lines);
      scheduleRanges.push(s.range);
      if (header.weightCol !== null) o.layout = "addin";
    }
  }
  o.schedule = lines.map((l) => l.row);

  addSchedulePhases(phases, lines);
  applyScheduleColumns(phases, lines, o.schedule);
  o.phases = phases;

  // Reviews and staff.
  const reviews: Review[] = [];
  const reviewRanges: SheetRange[] = [];
  const staff: StaffMember[] = [];
  const staffRanges: SheetRange[] = [];
  for (const p of parts) {
    const r = readReviews(cr, p.segment, scope);
    reviews.push(...r.reviews);
    if (r.range) reviewRanges.push(r.range);
    for (const h of sheet.findPrefix(L.personalePrefix, p.segment)) {
      if (!isStaffHeading(h.label)) continue;
      const s = readStaffTable(cr, h, { ...p.segment, top: h.row }, scope);
      staff.push(...s.lines.map((l) => l.member));
      staffRanges.push(s.range);
    }
  }
  assignReviewKinds(reviews);
  o.reviews = reviews;
  o.staff = staff;

  const phaseRanges: (SheetRange | undefined)[] = [];
  for (const p of phases) for (const key in p.source) phaseRanges.push(p.source[key]);
  const put = (key: string, ranges: readonly (SheetRange | null | undefined)[]): void => {
    const u = unionRanges(ranges);
    if (u) o.source[key] = u;
  };
  put("phases", phaseRanges);
  put("indicators", indicatorRanges);
  put("schedule", scheduleRanges);
  put("reviews", reviewRanges);
  put("staff", staffRanges);
  o.source.card = cardRange(cr, parts.map((p) => p.segment));
  return o;
}

/**
 * Phases from whichever source the card has. The phase list comes first; each cronoprogramma row
 * is tied to a listed phase the way the schedule computation ties them (by number, then by name:
 * see matchScheduleRows), and a labelled row tied to none is a phase of its own — a number "1",
 * a label "1.1" or a name: its label is what the row says, its months are the row's, and it takes
 * part in timeliness like any other (the `phase-description-missing` finding says the card does
 * not describe it). Rows without a label stay rows (`schedule-row-unmatched` reports them).
 */
function addSchedulePhases(phases: Phase[], lines: readonly ScheduleLine[]): void {
  for (const p of phases) p.origin = ["list"];
  if (lines.length === 0) return;
  // A copy: the matcher memoises on the arrays it is given, and `phases` grows below.
  const listed = [...phases];
  const matches = matchScheduleRows(listed, lines.map((l) => l.row));
  for (const m of matches) {
    const line = lines[m.rowIndex] as ScheduleLine;
    if (m.phaseIndex !== null) {
      const phase = listed[m.phaseIndex] as Phase;
      if (!phase.origin?.includes("schedule")) phase.origin = [...(phase.origin ?? []), "schedule"];
      continue;
    }
    const label = line.row.label.trim();
    if (label === "") continue;
    const number = readPhaseNumber(label);
    // A row whose label is only its number ("1", "Fase 2") has nothing else to name it by.
    const named = phases.find((p) => p.origin?.[0] === "schedule" && (number !== null ? p.number === number : p.label === label));
    if (named) continue;
    const phase = toPhase({ number, text: label }, line.row.source.label as SheetRange);
    phase.origin = ["schedule"];
    phases.push(phase);
  }
}

/**
 * Carries what the add-in's columns beside the cronoprogramma hold ("Peso %", "Completata il",
 * "Note verifica") to the phases, tying rows to phases the way the schedule computation does.
 */
function applyScheduleColumns(phases: Phase[], lines: readonly ScheduleLine[], rows: readonly ScheduleRow[]): void {
  if (phases.length === 0 || !lines.some((l) => l.row.source.weight || l.completedSource || l.noteSource)) return;
  // The objective's own arrays: during analyse() the matches are kept for the rules and scores.
  const matches = matchScheduleRows(phases, rows);
  for (const m of matches) {
    if (m.phaseIndex === null) continue;
    const phase = phases[m.phaseIndex] as Phase;
    const line = lines[m.rowIndex] as ScheduleLine;
    if (line.row.source.weight) {
      phase.weight = line.row.weight;
      phase.source.weight = line.row.source.weight;
    }
    if (line.completedSource) {
      phase.completedOn = line.completedOn;
      phase.source.completedOn = line.completedSource;
    }
    if (line.noteSource) {
      phase.reviewNote = line.reviewNote;
      phase.source.reviewNote = line.noteSource;
    }
  }
}

/** The bounding box of the filled cells of a card's segments. */
function cardRange(cr: CellReader, segs: readonly Segment[]): SheetRange {
  const sheet = cr.sheet;
  const s0 = segs[0] as Segment;
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const s of segs) {
    for (let r = s.top; r <= s.bottom; r++) {
      const cols = sheet.filledColumns(r, s.left, s.right);
      if (cols.length === 0) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, cols[0] as number);
      right = Math.max(right, cols[cols.length - 1] as number);
    }
  }
  if (top === Infinity) return cr.at(s0.anchor.row, s0.anchor.col);
  return cr.range(top, left, bottom, right);
}
