import { parseRangeA1, type SheetRange } from "../../../src/engine/cells/a1";
import type {
  Indicator,
  Measure,
  Objective,
  Phase,
  Plan,
  Review,
  ScheduleRow,
  Source,
  StaffMember,
  Structure,
  UnreadableCell,
} from "../../../src/engine/model/plan";

/**
 * A small builder of plans for rule and compute tests. Entities get explicit `source` ranges
 * laid out like a layout-A card whose first row is `top + 1` (A1 rows below, with top = 0):
 *
 *   card A1:N50 · title B2 · objective weight E2 · objective deadline F2
 *   phase i      (row 5 + i):  number A, label B, weight C, deadline D, completed on E
 *   indicator i  (row 15 + i): description A, target B, actual C, weight D
 *   schedule i   (row 25 + i): label A, months B:M (January…December), weight N
 *   staff i      (row 35 + i): category A, name B, participation C
 *   review i     (row 45 + i): date A, mean achievement B, mean timeliness C
 *
 * An entity built with an explicit `source` keeps it; the others are placed by position when the
 * objective is built. Defaults make an objective that every rule accepts.
 */

export const SHEET = "Scheda";

/** "C5", "C5:D7" or "Pesi!C5" → a SheetRange (default sheet SHEET). */
export function at(address: string, sheet = SHEET): SheetRange {
  const bang = address.lastIndexOf("!");
  const sheetName = bang >= 0 ? address.slice(0, bang) : sheet;
  const bounds = parseRangeA1(bang >= 0 ? address.slice(bang + 1) : address);
  if (!bounds) throw new Error(`bad range ${address}`);
  return { sheet: sheetName, ...bounds };
}

/** { weight: "C5" } → a Source on `sheet`. */
export function src(map: Record<string, string>, sheet = SHEET): Source {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, at(v, sheet)]));
}

// ---- measures ---------------------------------------------------------------------------------

type NumberMeasure = Extract<Measure, { type: "number" }>;

export function num(value: number, extra: Partial<NumberMeasure> = {}): Measure {
  return { type: "number", value, unit: "number", comparator: null, direction: null, text: String(value), ...extra };
}
export function pct(value: number): Measure {
  return num(value, { unit: "percent", text: `${value}%` });
}
/** "< di 5": lower is better. */
export function lessThan(value: number): Measure {
  return num(value, { comparator: "<", text: `< di ${value}` });
}
export function yes(): Measure {
  return { type: "boolean", value: true, text: "SI" };
}
export function no(): Measure {
  return { type: "boolean", value: false, text: "NO" };
}
export function date(iso: string): Measure {
  const [y, m, d] = iso.split("-");
  return { type: "date", value: iso, text: `${d}/${m}/${y}` };
}
export function text(t: string): Measure {
  return { type: "text", text: t };
}

// ---- entities ---------------------------------------------------------------------------------

export function phase(overrides: Partial<Phase> = {}): Phase {
  return {
    number: null,
    label: "Fase",
    weight: null,
    deadline: null,
    scheduleText: null,
    scheduleMonths: [],
    completedOn: null,
    reviewNote: null,
    source: {},
    ...overrides,
  };
}

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return { description: "Pratiche evase", group: null, target: num(100), actual: null, weight: null, source: {}, ...overrides };
}

export function scheduleRow(label: string, months: number[], overrides: Partial<ScheduleRow> = {}): ScheduleRow {
  return { label, months, weight: null, source: {}, ...overrides };
}

/** January…December as month numbers: months(1, 6) → [1…6]. */
export function months(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function staff(name: string, participation: number | null, overrides: Partial<StaffMember> = {}): StaffMember {
  return { category: null, name, participation, hourlyCost: null, hours: null, cost: null, source: {}, ...overrides };
}

export function review(overrides: Partial<Review> = {}): Review {
  return {
    kind: "interim",
    date: null,
    meanAchievement: null,
    meanTimeliness: null,
    causes: null,
    effects: null,
    actionsTaken: null,
    actionsPlanned: null,
    source: {},
    ...overrides,
  };
}

export const slug = (name: string): string =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export interface ObjectiveOptions extends Partial<Objective> {
  /** Zero-based row offset of the card (0: the card starts in row 1). */
  top?: number;
  sheet?: string;
}

const place = (source: Source, map: Record<string, string>, sheet: string): Source =>
  Object.keys(source).length > 0 ? source : src(map, sheet);

/**
 * An objective that every rule accepts, unless overridden: weight 100 %, two phases weighted
 * 50/50 with deadlines in June and December 2024 and matching cronoprogramma rows (January–June,
 * July–December), one indicator with a target of 100, two people at 60 % and 40 %.
 */
export function objective(options: ObjectiveOptions = {}): Objective {
  const { top = 0, sheet = SHEET, ...overrides } = options;
  const row = (n: number): number => top + n;
  const structure = overrides.structure ?? "Servizio Amministrativo";
  const number = overrides.number === undefined ? "1" : overrides.number;
  const phases = (
    overrides.phases ?? [
      phase({ number: "1", label: "Analisi", weight: 50, deadline: "2024-06-30" }),
      phase({ number: "2", label: "Attuazione", weight: 50, deadline: "2024-12-31" }),
    ]
  ).map((p, i) => ({
    ...p,
    source: place(p.source, { number: `A${row(5 + i)}`, label: `B${row(5 + i)}`, weight: `C${row(5 + i)}`, deadline: `D${row(5 + i)}`, completedOn: `E${row(5 + i)}` }, sheet),
  }));
  const indicators = (overrides.indicators ?? [indicator()]).map((x, i) => ({
    ...x,
    source: place(x.source, { description: `A${row(15 + i)}`, target: `B${row(15 + i)}`, actual: `C${row(15 + i)}`, weight: `D${row(15 + i)}` }, sheet),
  }));
  const schedule = (overrides.schedule ?? [scheduleRow("1", months(1, 6)), scheduleRow("2", months(7, 12))]).map((r, i) => ({
    ...r,
    source: place(r.source, { label: `A${row(25 + i)}`, months: `B${row(25 + i)}:M${row(25 + i)}`, weight: `N${row(25 + i)}` }, sheet),
  }));
  const staffList = (overrides.staff ?? [staff("Mario Rossi", 60), staff("Anna Bianchi", 40)]).map((s, i) => ({
    ...s,
    source: place(s.source, { category: `A${row(35 + i)}`, name: `B${row(35 + i)}`, participation: `C${row(35 + i)}` }, sheet),
  }));
  const reviews = (overrides.reviews ?? []).map((r, i) => ({
    ...r,
    source: place(r.source, { date: `A${row(45 + i)}`, meanAchievement: `B${row(45 + i)}`, meanTimeliness: `C${row(45 + i)}` }, sheet),
  }));
  return {
    id: `${slug(structure)}/${number ?? `${sheet}!A${row(1)}`}`,
    number,
    kind: "miglioramento",
    intersectoral: false,
    year: 2024,
    title: "Trasparenza",
    description: null,
    owner: "Deborah Ariboni",
    weight: { value: 100, unit: "percent" },
    weightText: null,
    deadline: null,
    strategy: null,
    layout: "A",
    ...overrides,
    structure,
    phases,
    indicators,
    schedule,
    staff: staffList,
    reviews,
    source:
      overrides.source ??
      src(
        {
          card: `A${row(1)}:N${row(50)}`,
          title: `B${row(2)}`,
          weight: `E${row(2)}`,
          deadline: `F${row(2)}`,
          phases: `A${row(5)}:E${row(14)}`,
          indicators: `A${row(15)}:D${row(24)}`,
          schedule: `A${row(25)}:N${row(34)}`,
          staff: `A${row(35)}:C${row(44)}`,
          reviews: `A${row(45)}:C${row(49)}`,
        },
        sheet,
      ),
  };
}

/** A weight in percent or points. */
export function weight(value: number, unit: "percent" | "points" = "percent"): Objective["weight"] {
  return { value, unit };
}

export function structure(name: string, objectives: Objective[], overrides: Partial<Structure> = {}): Structure {
  return {
    id: slug(name),
    name,
    owner: objectives[0]?.owner ?? null,
    strategy: null,
    objectives: objectives.map((o) => ({ ...o, structure: name, id: o.number !== null ? `${slug(name)}/${o.number}` : o.id })),
    source: {},
    ...overrides,
  };
}

/**
 * A plan of 2024. Pass structures, or objectives (grouped into structures by their `structure`
 * name, in order of appearance).
 */
export function plan(
  content: { structures?: Structure[]; objectives?: Objective[]; unreadable?: UnreadableCell[] },
  overrides: Partial<Plan> = {},
): Plan {
  let structures = content.structures ?? [];
  if (content.objectives) {
    const byName = new Map<string, Objective[]>();
    for (const o of content.objectives) byName.set(o.structure, [...(byName.get(o.structure) ?? []), o]);
    structures = [...structures, ...[...byName].map(([name, list]) => structure(name, list))];
  }
  const cards = new Map<string, number>();
  for (const s of structures) for (const o of s.objectives) {
    const sheet = o.source.card?.sheet ?? SHEET;
    cards.set(sheet, (cards.get(sheet) ?? 0) + 1);
  }
  return {
    year: 2024,
    structures,
    sheets: [...cards].map(([name, n]) => ({ name, cards: n, layouts: ["A" as const] })),
    unreadable: content.unreadable ?? [],
    ...overrides,
  };
}
