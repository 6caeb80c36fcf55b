import { toA1 } from "../cells/a1";
import type { Layout, Objective, Plan, Structure, UnreadableCell } from "../model/plan";
import type { SheetSnapshot } from "../model/snapshot";
import { slugify } from "../values";
import { CellReader, type ObjectiveDraft, type PendingUnreadable, type StructureDraft } from "./context";
import { readLayoutA, type StructureA } from "./layout-a";
import { readLayoutB } from "./layout-b";
import { readLayoutC } from "./layout-c";
import { LabelCache, SheetIndex } from "./sheet";
import { attachWeightRows, type WeightRow } from "./weight-table";

export interface ReadPlanOptions {
  /** The plan year when the methodology fixes it; otherwise it is read from headings and deadlines. */
  planYear?: number | null;
  /**
   * Normalized labels of an earlier read of (nearly) the same workbook: analyse() reads the plan
   * a second time with the review headers in place, and need not normalize every label again.
   */
  labels?: LabelCache;
}

/** A structure of the whole plan while sheets are merged. */
interface StructureAcc {
  draft: StructureDraft;
  weightRows: WeightRow[];
  nameFromCard: boolean;
}

/**
 * Reads a workbook's sheets into the plan model, whatever the layout of its cards (A: vertical
 * card, B: tabular plan, C: three-column card; see each layout file). Every field keeps the sheet
 * range it came from. Never throws on bad input: cells that should hold a number, percent, date
 * or months and cannot be read are listed in `plan.unreadable`.
 *
 * Per sheet: one pass builds the label index (`SheetIndex`); layout B tables and layout C cards
 * claim their rows first, layout A reads the rest. Structures of the same name (by slug) are
 * merged across sheets; layout-A weight tables then give their cards weights; ids, the plan year
 * and the per-sheet summary are assigned last. An objective without a year of its own (no
 * heading) takes the plan year.
 */
export function readPlan(snapshots: readonly SheetSnapshot[], options: ReadPlanOptions = {}): Plan {
  const labels = options.labels ?? new LabelCache();
  const pending: PendingUnreadable[] = [];
  const found: StructureAcc[] = [];
  const sheetsRead: string[] = [];

  for (const snapshot of snapshots) {
    sheetsRead.push(snapshot.name);
    if (snapshot.cells.length === 0) continue;
    const sheet = new SheetIndex(snapshot, labels);
    const cr = new CellReader(sheet, pending);
    const b = readLayoutB(cr);
    const c = readLayoutC(cr, b.claimed);
    const a = readLayoutA(cr, [...b.claimed, ...c.claimed]);
    for (const s of [...b.structures, ...c.structures]) found.push({ draft: s, weightRows: [], nameFromCard: false });
    for (const s of a) found.push(fromA(s));
  }

  const structures = mergeStructures(found, labels);
  const objectivesByStructure = new Map<StructureAcc, ObjectiveDraft[]>();
  for (const s of structures) {
    const added = attachWeightRows(s.weightRows, s.draft.objectives, s.draft.owner);
    const all = [...s.draft.objectives, ...added];
    // Weight-table order when the structure has one; cards not listed there keep reading order after.
    const listed = all.filter((o) => o.tableOrder !== null).sort((x, y) => (x.tableOrder as number) - (y.tableOrder as number));
    objectivesByStructure.set(s, [...listed, ...all.filter((o) => o.tableOrder === null)]);
  }

  const drafts = [...objectivesByStructure.values()].flat();
  const year = options.planYear ?? planYear(drafts);
  for (const o of drafts) o.year ??= year;
  assignIds(drafts);

  const planStructures: Structure[] = structures.map((s) => ({
    id: slugify(s.draft.name),
    name: s.draft.name,
    owner: s.draft.owner,
    strategy: s.draft.strategy,
    objectives: (objectivesByStructure.get(s) ?? []).map(finish),
    source: s.draft.source,
  }));

  const unreadable: UnreadableCell[] = pending.map(({ cell, scope }) => ({
    ...cell,
    objectiveId: scope.objective?.id ?? null,
    structure: scope.objective?.structure ?? scope.structure,
  }));

  // A sheet's cards are the objectives read from it; a weight-table row without a card counts
  // too, since that row is where the objective is written (the Segreteria table).
  const sheets = sheetsRead.map((name) => {
    const mine = drafts.filter((o) => o.anchor.sheet === name);
    const layouts = [...new Set(mine.map((o) => o.layout))].sort() as Layout[];
    return { name, cards: mine.length, layouts };
  });

  return { year, structures: planStructures, sheets, unreadable };
}

function fromA(s: StructureA): StructureAcc {
  return { draft: s.draft, weightRows: s.weightRows, nameFromCard: s.nameFromCard };
}

/**
 * Merges structures of the same name (slug) across sheets and layouts. A structure named only
 * by its cards' "Settore" cell (or the sheet name) joins the structure of a header whose name
 * contains it or whose owner is the cards' owner, when exactly one does: a card reading
 * "Amministrativo" on its own sheet belongs to "Servizio Amministrativo" of the summary sheet.
 */
function mergeStructures(found: readonly StructureAcc[], labels: LabelCache): StructureAcc[] {
  const normalizeLabel = (text: string): string => labels.normalize(text);
  const bySlug = new Map<string, StructureAcc>();
  const out: StructureAcc[] = [];
  for (const s of found) {
    const slug = slugify(s.draft.name);
    const existing = bySlug.get(slug);
    if (!existing) {
      const copy: StructureAcc = { draft: { ...s.draft, objectives: [...s.draft.objectives] }, weightRows: [...s.weightRows], nameFromCard: s.nameFromCard };
      bySlug.set(slug, copy);
      out.push(copy);
      continue;
    }
    existing.draft.objectives.push(...s.draft.objectives);
    existing.weightRows.push(...s.weightRows);
    existing.draft.owner ??= s.draft.owner;
    existing.draft.strategy ??= s.draft.strategy;
    for (const [k, v] of Object.entries(s.draft.source)) existing.draft.source[k] ??= v;
    if (!s.nameFromCard && existing.nameFromCard) {
      existing.nameFromCard = false;
      existing.draft.name = s.draft.name;
    }
  }
  const headed = out.filter((s) => !s.nameFromCard);
  const result: StructureAcc[] = [];
  for (const s of out) {
    if (s.nameFromCard) {
      const name = normalizeLabel(s.draft.name);
      const owners = new Set(s.draft.objectives.map((o) => (o.owner === null ? "" : normalizeLabel(o.owner))));
      const candidates = headed.filter((h) => {
        const hn = normalizeLabel(h.draft.name);
        const byName = name.length >= 4 && (hn.includes(name) || name.includes(hn));
        const byOwner = h.draft.owner !== null && owners.has(normalizeLabel(h.draft.owner));
        return byName || byOwner;
      });
      if (candidates.length === 1) {
        const target = candidates[0] as StructureAcc;
        target.draft.objectives.push(...s.draft.objectives);
        continue;
      }
    }
    result.push(s);
  }
  for (const s of result) {
    const owner = s.draft.owner;
    for (const o of s.draft.objectives) {
      o.structure = s.draft.name;
      // "Michele Rallo" on a card is the structure's "MICHELE RALLO": one spelling per person, so owner scores group.
      if (owner !== null && o.owner !== null && normalizeLabel(o.owner) === normalizeLabel(owner)) o.owner = owner;
    }
  }
  return result;
}

/** The plan year: the most frequent heading year, else the most frequent deadline year. */
function planYear(drafts: readonly ObjectiveDraft[]): number | null {
  const fromHeadings = mostFrequent(drafts.map((o) => o.year));
  if (fromHeadings !== null) return fromHeadings;
  const deadlines = drafts.flatMap((o) => [o.deadline, ...o.phases.map((p) => p.deadline)]);
  return mostFrequent(deadlines.map((d) => (d === null ? null : Number(d.slice(0, 4)))));
}

function mostFrequent(values: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null && Number.isFinite(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && v > best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** `<structure slug>/<number>`, or `<structure slug>/<sheet>!<A1>` when unnumbered; "-2", "-3" … on collisions. */
function assignIds(drafts: readonly ObjectiveDraft[]): void {
  const used = new Set<string>();
  for (const o of drafts) {
    const base = `${slugify(o.structure)}/${o.number ?? `${o.anchor.sheet}!${toA1({ row: o.anchor.row, col: o.anchor.col })}`}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    o.id = id;
  }
}

/** The model objective: the draft without the reader's bookkeeping. */
function finish(o: ObjectiveDraft): Objective {
  const { anchor: _anchor, tableOrder: _tableOrder, id, ...rest } = o;
  return { id: id ?? "", ...rest };
}
