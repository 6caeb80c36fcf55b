import { toA1 } from "../cells/a1";
import type { Layout, Objective, Plan, Structure, UnreadableCell } from "../model/plan";
import type { OutsideArea, SheetSnapshot } from "../model/snapshot";
import { slugify } from "../values";
import { CellReader, type ObjectiveDraft, type PendingUnreadable } from "./context";
import type { LayoutStructure } from "./layout";
import { allLayouts } from "./layouts";
import { LabelCache, SheetIndex, type Region } from "./sheet";
import { fullerName, personSimilarity, personWords, sharesWord, SHORT_NAME, structureKey, structureSimilarity } from "./join/names";
import { attachWeightRows } from "./weight-table";

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
type StructureAcc = LayoutStructure;

/**
 * Reads a workbook's sheets into the plan model, whatever the layout of its cards (A: vertical
 * card, B: tabular plan, C: three-column card; see each layout file). Every field keeps the sheet
 * range it came from. Never throws on bad input: cells that should hold a number, percent, date
 * or months and cannot be read are listed in `plan.unreadable`.
 *
 * Per sheet: one pass builds the label index (`SheetIndex`); then each layout reader of
 * `allLayouts` reads what the ones before it left (B tables and C cards first, A the rest). Structures of the same name (by slug) are
 * merged across sheets; layout-A weight tables then give their cards weights; ids, the plan year
 * and the per-sheet summary are assigned last. An objective without a year of its own (no
 * heading) takes the plan year.
 */
export function readPlan(snapshots: readonly SheetSnapshot[], options: ReadPlanOptions = {}): Plan {
  const labels = options.labels ?? new LabelCache();
  const pending: PendingUnreadable[] = [];
  const found: StructureAcc[] = [];
  const sheetsRead: string[] = [];
  const outside = new Map<string, OutsideArea[]>();

  for (const snapshot of snapshots) {
    sheetsRead.push(snapshot.name);
    if (snapshot.outside && snapshot.outside.length > 0) outside.set(snapshot.name, snapshot.outside);
    if (snapshot.cells.length === 0) continue;
    const sheet = new SheetIndex(snapshot, labels);
    const cr = new CellReader(sheet, pending);
    const claimed: Region[] = [];
    for (const layout of allLayouts) {
      const read = layout.read(cr, claimed);
      found.push(...read.structures);
      claimed.push(...read.claimed);
    }
  }

  const structures = mergeStructures(found);
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
    ...(s.draft.mergedFrom && s.draft.mergedFrom.length > 0 ? { mergedFrom: s.draft.mergedFrom } : {}),
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
    const far = outside.get(name);
    return far ? { name, cards: mine.length, layouts, outside: far } : { name, cards: mine.length, layouts };
  });

  return { year, structures: planStructures, sheets, unreadable };
}

/**
 * Merges structures of the same name (slug) across sheets and layouts, then joins the spellings
 * of one unit: a structure known only from its cards' "Settore" cell (or the sheet name), or a
 * header without a weight table, joins the headed structure whose name it matches (see
 * `structureSimilarity`: "Amministrativo" is "Servizio Amministrativo", "Servizi per X – Opere
 * Pubbliche" is "Servizio per X"), or else whose owner is its cards' owner — when exactly one
 * structure is the best and the owners do not contradict it. Last, each person gets one
 * spelling, the fuller one (see `canonicalOwners`), so owner scores group.
 */
function mergeStructures(found: readonly StructureAcc[]): StructureAcc[] {
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
  const merged = new Set<StructureAcc>();
  for (const s of out) {
    const canJoin = s.nameFromCard || (s.weightRows.length === 0 && s.draft.objectives.length > 0);
    if (!canJoin) continue;
    const targets = headed.filter((h) => h !== s && !merged.has(h) && (s.nameFromCard || h.weightRows.length > 0));
    const target = joinTarget(s, targets);
    if (!target) continue;
    target.structure.draft.objectives.push(...s.draft.objectives);
    target.structure.draft.owner ??= s.draft.owner;
    const mergedFrom = (target.structure.draft.mergedFrom ??= []);
    mergedFrom.push({ name: s.draft.name, at: s.draft.source.header ?? s.draft.objectives[0]?.source.structure ?? null, by: target.by, similarity: target.similarity }, ...(s.draft.mergedFrom ?? []));
    merged.add(s);
  }
  const result = out.filter((s) => !merged.has(s));
  for (const s of result) for (const o of s.draft.objectives) o.structure = s.draft.name;
  canonicalOwners(result);
  return result;
}

/**
 * Names at least this alike are one structure: every distinctive word of a name of up to three
 * words found in the other, three of four for longer ones (see `structureSimilarity`).
 */
const STRUCTURE_MATCH = 0.75;

/** The one structure `s` belongs to among `targets` (see mergeStructures), or null. */
function joinTarget(s: StructureAcc, targets: readonly StructureAcc[]): { structure: StructureAcc; by: "name" | "owner"; similarity: number } | null {
  const owners = [...new Set([s.draft.owner, ...s.draft.objectives.map((o) => o.owner)].filter((o): o is string => o !== null))];
  const ownerMatch = (h: StructureAcc): number => (h.draft.owner === null ? 0 : Math.max(0, ...owners.map((o) => personSimilarity(o, h.draft.owner as string))));
  const contradicts = (h: StructureAcc): boolean => h.draft.owner !== null && owners.length > 0 && ownerMatch(h) === 0;
  const byName = targets
    .filter((h) => sharesWord(structureKey(s.draft.name), structureKey(h.draft.name)))
    .map((h) => ({ h, sim: structureSimilarity(s.draft.name, h.draft.name) }))
    .filter((x) => x.sim >= STRUCTURE_MATCH && !contradicts(x.h))
    .sort((a, b) => b.sim - a.sim);
  const best = byName[0];
  if (best) {
    if (byName.length > 1 && (byName[1] as { sim: number }).sim >= best.sim) return null;
    return { structure: best.h, by: "name", similarity: best.sim };
  }
  if (!s.nameFromCard) return null;
  const byOwner = targets.map((h) => ({ h, sim: ownerMatch(h) })).filter((x) => x.sim >= SHORT_NAME);
  if (byOwner.length !== 1) return null;
  const only = byOwner[0] as { h: StructureAcc; sim: number };
  return { structure: only.h, by: "owner", similarity: only.sim };
}

/**
 * One spelling per person across the plan: "Rallo" and "Arch. Michele Rallo" on the cards of
 * the structure whose header says "MICHELE RALLO" all become the fuller spelling, when the short
 * one fits exactly one fuller name (a surname shared by two people stays as typed).
 */
function canonicalOwners(structures: readonly StructureAcc[]): void {
  const names = new Set<string>();
  for (const s of structures) {
    if (s.draft.owner !== null) names.add(s.draft.owner);
    for (const o of s.draft.objectives) if (o.owner !== null) names.add(o.owner);
  }
  const all = [...names];
  const headers = new Set(structures.map((s) => s.draft.owner).filter((o): o is string => o !== null));
  // Two spellings of one person share a word: only those are compared.
  const byWord = new Map<string, string[]>();
  for (const n of all) {
    for (const w of new Set(personWords(n).filter((x) => x.length > 1))) {
      const list = byWord.get(w);
      if (list) list.push(n);
      else byWord.set(w, [n]);
    }
  }
  const canonical = new Map<string, string>();
  for (const n of all) {
    const list = [...new Set(personWords(n).flatMap((w) => byWord.get(w) ?? []))];
    const fuller = list.filter((m) => m !== n && personSimilarity(n, m) > 0 && fullerName(n, m) === m);
    // Same words spelled differently ("MICHELE RALLO", "Michele Rallo"): the structure's header spelling.
    const same = list.filter((m) => personSimilarity(n, m) === 1);
    const headerSpelling = same.find((m) => headers.has(m)) ?? same[0] ?? n;
    if (fuller.length === 0) {
      canonical.set(n, headerSpelling);
      continue;
    }
    const top = fuller.filter((m) => !fuller.some((k) => k !== m && personSimilarity(m, k) > 0 && fullerName(m, k) === k));
    const groups = new Set(top.map((m) => [...personWords(m)].sort().join(" ")));
    if (groups.size === 1) {
      const sameTop = top.filter((m) => personSimilarity(m, top[0] as string) === 1);
      canonical.set(n, sameTop.find((m) => headers.has(m)) ?? (top[0] as string));
    } else canonical.set(n, headerSpelling);
  }
  const fix = (n: string | null): string | null => (n === null ? null : (canonical.get(n) ?? n));
  for (const s of structures) {
    s.draft.owner = fix(s.draft.owner);
    for (const o of s.draft.objectives) o.owner = fix(o.owner);
  }
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
  const { anchor: _anchor, tableOrder: _tableOrder, sectorText: _sectorText, id, ...rest } = o;
  return { id: id ?? "", ...rest };
}
