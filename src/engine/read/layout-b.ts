import { unionRanges, type SheetRange } from "../cells/a1";
import type { Indicator, Phase, StrategyLink } from "../model/plan";
import { cellText, readPhaseNumber } from "../values";
import { labelValue, readStaffTable } from "./blocks";
import { emptyObjective, type CellReader, type ObjectiveDraft, type Scope, type StructureDraft } from "./context";
import { isBlockLabel, L } from "./labels";
import type { Hit, Region, SheetIndex } from "./sheet";
import { titleSimilarity } from "./join/names";
import { defineLayout } from "./layout";

/**
 * Layout B, the tabular plan (PDO template 2022):
 *
 *   STRUTTURA: NAME – DIRIGENTE/RESPONSABILE: ______
 *   | Linea Strategica     | text |   (and Obiettivo Strategico, Missione, Obiettivo Operativo)
 *   | N° | Descrizione Obiettivi Gestionali | Peso % | Indicatori di Misurazione | Valori Attesi | Data Fine Attesa |
 *   | 1   | objective text  | 20%   | indicator text | expected text | 31.12.2022 |
 *   | 1.1 | Fase: phase …   | (50%) | indicator text | expected text | 31.07.2022 |
 *   Dipendenti coinvolti sugli obiettivi: | N. | Dipendenti | Obiettivo | Peso % |
 *
 * Indicators: each row, objective or phase, whose "Indicatori di Misurazione" (or "Valori
 * Attesi") cell is filled gives ONE indicator whose description is that cell as typed and whose
 * target is the "Valori Attesi" cell read as a measure. The cells often hold several lines
 * ("Risultati prodotti …\n\nRisultati dei questionari …"): the plan pairs them by position only
 * loosely (line counts differ between the two columns), so splitting them would invent pairs;
 * one indicator per row keeps what was typed and where. Phase-row indicators are grouped under
 * "Fase 1.1", objective-row indicators have no group.
 */

const KINDS = ["miglioramento", "innovativo", "gestione", "mantenimento", "sviluppo"];
const ROLE = /^(.*?)\s+[–—-]\s*((?:dirigente|responsabile|segretario|funzionario|direttore|titolare|referente)[^:]*):\s*(.*)$/i;

/** "STRUTTURA: AREA X – DIRIGENTE/RESPONSABILE: ____" → name and owner (underscores: no owner). */
export function parseStructureLine(text: string): { name: string; owner: string | null } {
  const body = text.replace(/^\s*struttura\s*:?\s*/i, "").trim();
  const m = ROLE.exec(body) ?? /^(.*)\s[–—-]\s*([^:–—-]+):\s*(.*)$/.exec(body);
  if (!m) return { name: body.replace(/[\s_:]+$/, ""), owner: null };
  const owner = (m[3] as string).replace(/[_.…\s]+$/g, "").replace(/^[_.…\s]+/g, "").trim();
  return { name: (m[1] as string).trim(), owner: owner === "" ? null : owner };
}

interface TableColumns {
  number: number;
  description: number;
  weight: number | null;
  indicator: number | null;
  target: number | null;
  deadline: number | null;
  actual: number | null;
  completedOn: number | null;
  reviewNote: number | null;
}

function tableColumns(sheet: SheetIndex, h: Hit): TableColumns {
  const cols: TableColumns = {
    number: h.col - 1,
    description: h.col,
    weight: null,
    indicator: null,
    target: null,
    deadline: null,
    actual: null,
    completedOn: null,
    reviewNote: null,
  };
  for (const c of sheet.filledColumns(h.row, sheet.bounds.left, sheet.bounds.right)) {
    const l = sheet.label(h.row, c);
    if (l === null) continue;
    if (c < h.col && (l === "n°" || l === "n" || l === "numero" || l === "nr")) cols.number = c;
    else if (l.startsWith("peso")) cols.weight ??= c;
    else if (l.startsWith("indicatori") || l.startsWith("indicatore")) cols.indicator ??= c;
    else if (l.startsWith("valori attesi") || l.startsWith("valore atteso")) cols.target ??= c;
    else if (l.startsWith("data fine") || l.startsWith("scadenza")) cols.deadline ??= c;
    else if (l.startsWith(L.actual) || l.startsWith("valori raggiunti")) cols.actual ??= c;
    else if (l.startsWith(L.completedOn)) cols.completedOn ??= c;
    else if (l.startsWith(L.reviewNote)) cols.reviewNote ??= c;
  }
  return cols;
}

const STRATEGY_FIELDS: ReadonlyArray<[keyof Omit<StrategyLink, "source">, string]> = [
  ["strategicLine", L.strategicLine],
  ["strategicObjective", L.strategicObjective],
  ["mission", L.mission],
  ["operationalObjective", L.operationalObjective],
];

const STRATEGY_LABELS = new Set<string>(STRATEGY_FIELDS.map(([, l]) => l));

function readStrategy(cr: CellReader, region: Region): StrategyLink | null {
  const link: StrategyLink = { strategicLine: null, strategicObjective: null, mission: null, operationalObjective: null, source: {} };
  let any = false;
  for (const [field, label] of STRATEGY_FIELDS) {
    const hit = cr.sheet.find(label, region)[0];
    if (!hit) continue;
    const v = labelValue(cr.sheet, hit, region, (l) => l !== null && (STRATEGY_LABELS.has(l) || isBlockLabel(l)));
    if (!v) continue;
    link[field] = v.text;
    link.source[field] = cr.at(v.row, v.col);
    any = true;
  }
  return any ? link : null;
}

function cloneStrategy(s: StrategyLink | null): StrategyLink | null {
  return s === null ? null : { ...s, source: { ...s.source } };
}

/** Phase text without its "Fase:" prefix. */
function phaseLabel(text: string): string {
  return text.replace(/^\s*fase\s*(\d+(\.\d+)*)?\s*[:.\-–]?\s*/i, "").trim();
}

function kindOf(text: string): string | null {
  const m = /^\s*obiettivo\s+(?:di\s+)?([a-zà-ù]+)/i.exec(text);
  const k = m ? (m[1] as string).toLowerCase() : null;
  return k !== null && KINDS.includes(k) ? k : null;
}

/** Layout B, registered in layouts.ts: its indicators sit on phase rows, so "Valore raggiunto" goes in the phase table. */
export const layoutB = defineLayout({
  ids: ["B"],
  name: "tabella del piano (B)",
  read: (cr) => {
    const b = readLayoutB(cr);
    return { structures: b.structures.map((draft) => ({ draft, weightRows: [], nameFromCard: false })), claimed: b.claimed };
  },
  review: { indicatorTables: false, actualInPhaseTable: true, phaseTableToCardBottom: true },
});

/** Reads every layout-B table of a sheet; returns the structures and the rows they cover. */
export function readLayoutB(cr: CellReader): { structures: StructureDraft[]; claimed: Region[] } {
  const sheet = cr.sheet;
  const headers = sheet.findPrefix(L.tableDescriptionPrefix);
  const structureLines = sheet.findPrefix(L.strutturaPrefix).filter((h) => h.label.startsWith("struttura:") || h.label === "struttura");
  const structures: StructureDraft[] = [];
  const claimed: Region[] = [];
  if (headers.length === 0) return { structures, claimed };

  // Each table owns the rows from its STRUTTURA line (or the end of the previous block) down to the next one.
  const blocks = headers.map((h, i) => {
    const previous = headers[i - 1];
    const line = [...structureLines].reverse().find((s) => s.row < h.row && (!previous || s.row > previous.row)) ?? null;
    return { header: h, line, top: line?.row ?? (previous ? previous.row + 1 : sheet.bounds.top), bottom: sheet.bounds.bottom };
  });
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (next) b.bottom = Math.min(next.top, next.header.row) - 1;
    const nextLine = structureLines.find((s) => s.row > b.header.row);
    if (nextLine && nextLine.row - 1 < b.bottom) b.bottom = nextLine.row - 1;
  });

  for (const b of blocks) {
    const region: Region = { top: b.top, bottom: b.bottom, left: sheet.bounds.left, right: sheet.bounds.right };
    claimed.push(region);
    let name = sheet.name;
    let owner: string | null = null;
    const source: Record<string, SheetRange> = {};
    if (b.line) {
      source.header = cr.at(b.line.row, b.line.col);
      if (b.line.label === "struttura") {
        const v = labelValue(sheet, b.line, region, (l) => l !== null && isBlockLabel(l));
        if (v) name = v.text;
      } else {
        const parsed = parseStructureLine(sheet.text(b.line.row, b.line.col) ?? "");
        name = parsed.name === "" ? sheet.name : parsed.name;
        owner = parsed.owner;
      }
    }
    const strategy = readStrategy(cr, { ...region, bottom: b.header.row - 1 });
    const structure: StructureDraft = { name, owner, strategy, source, objectives: [] };
    structures.push(structure);
    readTable(cr, b.header, region, structure);
  }
  return { structures, claimed };
}

function readTable(cr: CellReader, header: Hit, region: Region, structure: StructureDraft): void {
  const sheet = cr.sheet;
  const cols = tableColumns(sheet, header);
  const tableRight = Math.max(...Object.values(cols).filter((c): c is number => c !== null));
  let objective: ObjectiveDraft | null = null;
  let staffStart: Hit | null = null;
  const rowsOf = new Map<ObjectiveDraft, number[]>();
  for (let r = header.row + 1; r <= region.bottom; r++) {
    const filled = sheet.filledColumns(r, region.left, region.right);
    if (filled.length === 0) continue;
    const firstLabel = sheet.label(r, filled[0] as number);
    if (firstLabel !== null && firstLabel.startsWith(L.staffBPrefix)) {
      staffStart = { row: r, col: filled[0] as number, label: firstLabel };
      break;
    }
    if (sheet.isBlankBetween(r, cols.number, tableRight)) continue;
    if (firstLabel !== null && firstLabel.startsWith(L.tableDescriptionPrefix)) continue;
    if (sheet.label(r, cols.description)?.startsWith(L.tableDescriptionPrefix)) continue;
    const number = readPhaseNumber(sheet.value(r, cols.number));
    if (number === null) {
      // A row without number continues the row above (a page break inside a cell).
      if (objective) appendContinuation(cr, objective, r, cols);
      continue;
    }
    const scope: Scope = { objective, structure: structure.name };
    if (!number.includes(".")) {
      objective = emptyObjective({ sheet: sheet.name, row: r, col: cols.number, structure: structure.name, layout: "B" });
      const o: ObjectiveDraft = objective;
      scope.objective = o;
      o.number = number;
      o.owner = structure.owner;
      o.strategy = cloneStrategy(structure.strategy);
      const title = cr.text(r, cols.description);
      o.title = title ?? "";
      o.kind = title ? kindOf(title) : null;
      o.source.number = cr.at(r, cols.number);
      o.source.title = cr.at(r, cols.description);
      if (cols.weight !== null) {
        o.weight = cr.weight(r, cols.weight, "objective.weight", scope);
        o.source.weight = cr.at(r, cols.weight);
      }
      if (cols.deadline !== null) {
        o.deadline = cr.date(r, cols.deadline, "objective.deadline", scope);
        o.source.deadline = cr.at(r, cols.deadline);
      }
      const ind = rowIndicator(cr, r, cols, null);
      if (ind) o.indicators.push(ind);
      structure.objectives.push(o);
      rowsOf.set(o, [r]);
      continue;
    }
    const parentNumber = number.split(".")[0] as string;
    const parent = structure.objectives.find((x) => x.number === parentNumber) ?? objective;
    if (!parent) continue;
    scope.objective = parent;
    const text = cr.text(r, cols.description);
    const phase: Phase = {
      number,
      label: text === null ? "" : phaseLabel(text),
      weight: null,
      deadline: null,
      scheduleText: null,
      scheduleMonths: [],
      completedOn: null,
      reviewNote: null,
      origin: ["table"],
      source: { number: cr.at(r, cols.number), label: cr.at(r, cols.description), row: cr.range(r, cols.number, r, tableRight) },
    };
    if (cols.weight !== null) {
      phase.weight = cr.percent(r, cols.weight, "phase.weight", scope);
      phase.source.weight = cr.at(r, cols.weight);
    }
    if (cols.deadline !== null) {
      phase.deadline = cr.date(r, cols.deadline, "phase.deadline", scope);
      phase.source.deadline = cr.at(r, cols.deadline);
    }
    if (cols.completedOn !== null) {
      phase.completedOn = cr.date(r, cols.completedOn, "phase.completedOn", scope);
      phase.source.completedOn = cr.at(r, cols.completedOn);
    }
    if (cols.reviewNote !== null) {
      phase.reviewNote = cr.text(r, cols.reviewNote);
      phase.source.reviewNote = cr.at(r, cols.reviewNote);
    }
    parent.phases.push(phase);
    const ind = rowIndicator(cr, r, cols, `Fase ${number}`);
    if (ind) parent.indicators.push(ind);
    rowsOf.get(parent)?.push(r);
  }

  for (const [o, rows] of rowsOf) {
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    o.source.card = cr.range(top, cols.number, bottom, tableRight);
    const phases = unionRanges(o.phases.map((p) => p.source.row));
    if (phases) o.source.phases = phases;
    const indicators = unionRanges(o.indicators.flatMap((i) => Object.values(i.source)));
    if (indicators) o.source.indicators = indicators;
    for (const p of o.phases) delete p.source.row;
  }

  const staff = staffStart ?? sheet.findPrefix(L.staffBPrefix, { ...region, top: header.row })[0];
  if (staff) readStaffB(cr, staff, region, structure);
}

/** The row's one indicator (see the file comment), or null when both cells are empty. */
function rowIndicator(cr: CellReader, r: number, cols: TableColumns, group: string | null): Indicator | null {
  const description = cols.indicator === null ? null : cr.text(r, cols.indicator);
  const target = cols.target === null ? null : cr.measure(r, cols.target);
  if (description === null && target === null) return null;
  const source: Record<string, SheetRange> = {};
  if (cols.indicator !== null) source.description = cr.at(r, cols.indicator);
  if (cols.target !== null) source.target = cr.at(r, cols.target);
  let actual = null;
  if (cols.actual !== null) {
    actual = cr.measure(r, cols.actual);
    source.actual = cr.at(r, cols.actual);
  }
  return { description, group, target, actual, weight: null, source };
}

/** A number-less row under a table row: its texts continue the cells above. */
function appendContinuation(cr: CellReader, o: ObjectiveDraft, r: number, cols: TableColumns): void {
  const extra = cr.text(r, cols.description);
  const lastPhase = o.phases[o.phases.length - 1];
  if (extra !== null) {
    if (lastPhase && (lastPhase.source.label?.top ?? -1) > (o.source.title?.top ?? -1)) lastPhase.label = `${lastPhase.label}\n${extra}`.trim();
    else o.title = `${o.title}\n${extra}`.trim();
  }
  const ind = o.indicators[o.indicators.length - 1];
  if (!ind) return;
  const more = cols.indicator === null ? null : cr.text(r, cols.indicator);
  if (more !== null) ind.description = ind.description === null ? more : `${ind.description}\n${more}`;
  const moreTarget = cols.target === null ? null : cr.text(r, cols.target);
  if (moreTarget !== null && cols.target !== null) {
    const before = ind.target?.text ?? null;
    const text = before === null ? moreTarget : `${before}\n${moreTarget}`;
    ind.target = { type: "text", text };
  }
}

/** "Dipendenti coinvolti sugli obiettivi: N. | Dipendenti | Obiettivo | Peso %" → staff of the named objective. */
function readStaffB(cr: CellReader, start: Hit, region: Region, structure: StructureDraft): void {
  const scope: Scope = { objective: null, structure: structure.name };
  const { lines } = readStaffTable(cr, start, { ...region, top: start.row }, scope, Number.POSITIVE_INFINITY);
  for (const line of lines) {
    const targets = resolveObjectives(line.objectiveRef?.text ?? null, structure.objectives);
    if (targets.length === 0) {
      if (structure.objectives.length === 1) {
        (structure.objectives[0] as ObjectiveDraft).staff.push(line.member);
        continue;
      }
      // A reference that names no objective is unreadable; an empty one is not (nothing was
      // typed) and the row, belonging to no objective, is left out.
      const ref = line.objectiveRef;
      if (ref) {
        cr.fail(ref.row, ref.col, "number", ref.text, "Nessun obiettivo della struttura corrisponde a questo riferimento: indicare il numero dell'obiettivo.", "staff.objective", scope);
      }
      continue;
    }
    for (const o of targets) {
      o.staff.push({ ...line.member, source: { ...line.member.source } });
      const u = unionRanges([o.source.staff, line.member.source.row]);
      if (u) o.source.staff = u;
    }
  }
}

/** "1", "1, 3", "1 e 2" → those objectives; otherwise the objective whose title matches best. */
function resolveObjectives(ref: string | null, objectives: readonly ObjectiveDraft[]): ObjectiveDraft[] {
  if (ref === null) return [];
  const text = cellText(ref) ?? "";
  const numbers = text.split(/\s*(?:,|;|\/|\be\b|-)\s*/).map((t) => readPhaseNumber(t));
  if (numbers.length > 0 && numbers.every((n) => n !== null)) {
    const found = numbers.map((n) => objectives.find((o) => o.number === (n as string).split(".")[0]));
    return found.every((o) => o !== undefined) ? (found as ObjectiveDraft[]) : [];
  }
  let best: ObjectiveDraft | null = null;
  let bestScore = 0;
  for (const o of objectives) {
    const s = titleSimilarity(text, o.title);
    if (s > bestScore) {
      best = o;
      bestScore = s;
    }
  }
  return best && bestScore >= 0.5 ? [best] : [];
}
