import { rangeToA1, type SheetRange } from "../cells/a1";
import { OWNED_SHEET_MARKER } from "./ownership";
import { dateCell, formulaCell, numberCell, textCell } from "./escape";
import { FORMATS, TableLayout, countWhere, ownedSheet, sheetHeading, sumWhere, widthsOf, type ColumnDef } from "./layout";
import { linkTarget, sheetOf, type ObjectiveEntry, type WriteContext } from "./context";
import { OWNED_SHEETS } from "./sheets";
import type { CellContent, CellWrite, OwnedSheet, TableSpec } from "./types";

export const MONTHS_SHORT = ["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"] as const;

const tableName = (key: string): string => OWNED_SHEETS.find((s) => s.key === key)?.table ?? `SO_${key}`;

/** The card range an objective's row links to. */
export function cardRange(entry: ObjectiveEntry): SheetRange | null {
  const s = entry.objective.source;
  return s.card ?? s.title ?? s.phases ?? Object.values(s)[0] ?? null;
}

/** Location cells (sheet name, A1 with a link) of a source range. */
function location(range: SheetRange | null | undefined): { sheet: CellContent; cell: CellContent; target: string | null } {
  if (!range) return { sheet: { kind: "empty" }, cell: { kind: "empty" }, target: null };
  return { sheet: textCell(range.sheet), cell: textCell(rangeToA1(range)), target: linkTarget(range) };
}

export const OBJECTIVE_COLUMNS = [
  { key: "id", header: "ID obiettivo", width: 28 },
  { key: "number", header: "N.", width: 6 },
  { key: "structure", header: "Struttura", width: 28 },
  { key: "owner", header: "Responsabile", width: 24 },
  { key: "title", header: "Obiettivo", width: 60 },
  { key: "kind", header: "Tipo", width: 16 },
  { key: "weight", header: "Peso", numberFormat: FORMATS.percent, width: 10 },
  { key: "unit", header: "Unità peso", width: 10 },
  { key: "weightText", header: "Peso (testo)", width: 16 },
  { key: "deadline", header: "Data fine attesa", numberFormat: FORMATS.date, width: 14 },
  { key: "phases", header: "N. fasi", numberFormat: FORMATS.integer, width: 8 },
  { key: "indicators", header: "N. indicatori", numberFormat: FORMATS.integer, width: 11 },
  { key: "sheet", header: "Foglio", width: 22 },
  { key: "cell", header: "Cella", width: 12 },
] as const satisfies readonly ColumnDef<string>[];
type ObjectiveKey = (typeof OBJECTIVE_COLUMNS)[number]["key"];

export const STRUCTURE_TOTAL_COLUMNS = [
  { key: "structure", header: "Struttura", width: 28 },
  { key: "total", header: "Somma pesi obiettivi", numberFormat: FORMATS.percent, width: 14 },
  { key: "check", header: "Esito", width: 26 },
] as const satisfies readonly ColumnDef<string>[];

/** Text of the weights check cell: OK, or what to do. */
export function weightCheckFormula(total: string, tolerance: string): string {
  return `IF(${total}="","",IF(ABS(${total}-1)<=${tolerance}/100+1E-9,"OK","Da correggere: deve fare 100%"))`;
}

/**
 * Obiettivi: one row per objective (weights as fractions, formatted %), the counts of its phases
 * and indicators counted over the Fasi and Indicatori tables, and beside it the sum of the
 * objective weights per structure (SUMPRODUCT over the table) with its check.
 */
export function objectivesSheet(context: WriteContext, phaseIds: string, indicatorIds: string): OwnedSheet {
  const sheet = sheetOf(context, "objectives");
  const layout = new TableLayout(sheet, tableName("objectives"), OBJECTIVE_COLUMNS, context.objectives.length);
  const links: NonNullable<TableSpec["links"]> = [];
  const rows = context.objectives.map((e, i) => {
    const o = e.objective;
    const where = location(cardRange(e));
    if (where.target) links.push({ row: i, col: layout.col("cell") - layout.left, target: where.target });
    const phases = o.phases.length;
    const indicators = o.indicators.length;
    const row: Partial<Record<ObjectiveKey, CellContent>> = {
      id: textCell(e.key),
      number: textCell(o.number),
      structure: textCell(e.structure.name),
      owner: textCell(e.owner),
      title: textCell(o.title),
      kind: textCell(o.kind),
      weight: numberCell(o.weight ? o.weight.value / 100 : null),
      unit: textCell(o.weight ? (o.weight.unit === "points" ? "punti" : "%") : null),
      weightText: textCell(o.weightText),
      deadline: dateCell(o.deadline),
      phases: formulaCell(countWhere(phaseIds, layout.cell("id", i)), phases),
      indicators: formulaCell(countWhere(indicatorIds, layout.cell("id", i)), indicators),
      sheet: where.sheet,
      cell: where.cell,
    };
    return row;
  });

  const structures = [...new Set(context.objectives.map((e) => e.structure.name))];
  const totals = new TableLayout(sheet, "SO_Pesi_Strutture", STRUCTURE_TOTAL_COLUMNS, structures.length, OBJECTIVE_COLUMNS.length + 1);
  const tolerance = context.refs.num("weightTolerance");
  const totalRows = structures.map((name, i) => {
    const weights = context.objectives.filter((e) => e.structure.name === name).map((e) => e.objective.weight?.value ?? null);
    const sum = weights.some((w) => w !== null) ? weights.reduce<number>((s, w) => s + (w ?? 0), 0) / 100 : 0;
    const total = totals.cell("total", i);
    return {
      structure: textCell(name),
      total: formulaCell(sumWhere(layout.range("structure"), totals.cell("structure", i), layout.range("weight")), sum),
      check: formulaCell(weightCheckFormula(total, tolerance), checkResult(sum, context.methodology.weightTolerance)),
    };
  });

  const cells: CellWrite[] = sheetHeading(
    sheet,
    `${OWNED_SHEET_MARKER} Obiettivi`,
    "Tabella generata dalle schede obiettivo: viene riscritta a ogni analisi. Le correzioni vanno fatte sulle schede.",
  );
  return ownedSheet("objectives", sheet, [layout.spec(rows, links), totals.spec(totalRows)], cells, widthsOf(layout, totals));
}

/** The engine's value of the weights check (the formula's cached result). */
export function checkResult(sumFraction: number, tolerance: number): string {
  return Math.abs(sumFraction - 1) <= tolerance / 100 + 1e-9 ? "OK" : "Da correggere: deve fare 100%";
}

export const SCHEDULE_COLUMNS = [
  { key: "id", header: "ID obiettivo", width: 28 },
  { key: "number", header: "N.", width: 6 },
  { key: "phase", header: "Fase", width: 50 },
  ...MONTHS_SHORT.map((m, i) => ({ key: `m${i + 1}` as const, header: m, width: 5 })),
  { key: "source", header: "Fonte dei mesi", width: 22 },
] as const satisfies readonly ColumnDef<string>[];
type ScheduleKey = (typeof SCHEDULE_COLUMNS)[number]["key"];

const SOURCE_LABEL: Record<string, string> = {
  grid: "cronoprogramma",
  text: "testo della fase",
  deadline: "date di scadenza",
  none: "nessuna",
};

/** Cronoprogramma: phase × Gen…Dic with an X for every month of the computed grid. */
export function scheduleSheet(context: WriteContext): OwnedSheet {
  const sheet = sheetOf(context, "schedule");
  const rows: Partial<Record<ScheduleKey, CellContent>>[] = [];
  for (const e of context.objectives) {
    for (const p of e.schedule?.phases ?? []) {
      const phase = p.phaseIndex === null ? null : e.objective.phases[p.phaseIndex];
      const row: Partial<Record<ScheduleKey, CellContent>> = {
        id: textCell(e.key),
        number: textCell(phase?.number ?? null),
        phase: textCell(p.phaseIndex === null ? `${p.label} (riga senza fase)` : p.label),
        source: textCell(SOURCE_LABEL[p.source] ?? p.source),
      };
      for (const m of p.months) row[`m${m}` as ScheduleKey] = { kind: "text", text: "X" };
      rows.push(row);
    }
  }
  const layout = new TableLayout(sheet, tableName("schedule"), SCHEDULE_COLUMNS, rows.length);
  const cells = sheetHeading(
    sheet,
    `${OWNED_SHEET_MARKER} Cronoprogramma`,
    "Mesi di ogni fase come li calcola il componente (dal cronoprogramma, dal testo o dalle scadenze).",
  );
  return ownedSheet("schedule", sheet, [layout.spec(rows)], cells, widthsOf(layout));
}

export const STAFF_COLUMNS = [
  { key: "id", header: "ID obiettivo", width: 28 },
  { key: "category", header: "Cat.", width: 7 },
  { key: "name", header: "Cognome e nome", width: 30 },
  { key: "participation", header: "% partecipazione", numberFormat: FORMATS.percent, width: 14 },
  { key: "hourlyCost", header: "Costo orario", numberFormat: FORMATS.currency, width: 12 },
  { key: "hours", header: "N. ore dedicate", numberFormat: FORMATS.number, width: 12 },
  { key: "cost", header: "Costo della risorsa", numberFormat: FORMATS.currency, width: 16 },
  { key: "sheet", header: "Foglio", width: 22 },
  { key: "cell", header: "Cella", width: 12 },
] as const satisfies readonly ColumnDef<string>[];
type StaffKey = (typeof STAFF_COLUMNS)[number]["key"];

export const STAFF_TOTAL_COLUMNS = [
  { key: "id", header: "ID obiettivo", width: 28 },
  { key: "total", header: "Somma partecipazione", numberFormat: FORMATS.percent, width: 14 },
] as const satisfies readonly ColumnDef<string>[];

/** Personale: the staff of every objective, and beside it the participation total per objective. */
export function staffSheet(context: WriteContext): OwnedSheet {
  const sheet = sheetOf(context, "staff");
  const rows: Partial<Record<StaffKey, CellContent>>[] = [];
  const links: NonNullable<TableSpec["links"]> = [];
  for (const e of context.objectives) {
    for (const m of e.objective.staff) {
      const where = location(m.source.name ?? Object.values(m.source)[0]);
      if (where.target) links.push({ row: rows.length, col: STAFF_COLUMNS.findIndex((c) => c.key === "cell"), target: where.target });
      rows.push({
        id: textCell(e.key),
        category: textCell(m.category),
        name: textCell(m.name),
        participation: numberCell(m.participation === null ? null : m.participation / 100),
        hourlyCost: numberCell(m.hourlyCost),
        hours: numberCell(m.hours),
        cost: numberCell(m.cost),
        sheet: where.sheet,
        cell: where.cell,
      });
    }
  }
  const layout = new TableLayout(sheet, tableName("staff"), STAFF_COLUMNS, rows.length);
  const withStaff = context.objectives.filter((e) => e.objective.staff.length > 0);
  const totals = new TableLayout(sheet, "SO_Partecipazione", STAFF_TOTAL_COLUMNS, withStaff.length, STAFF_COLUMNS.length + 1);
  const totalRows = withStaff.map((e, i) => ({
    id: textCell(e.key),
    total: formulaCell(
      sumWhere(layout.range("id"), totals.cell("id", i), layout.range("participation")),
      e.objective.staff.reduce((s, m) => s + (m.participation ?? 0), 0) / 100,
    ),
  }));
  const cells = sheetHeading(sheet, `${OWNED_SHEET_MARKER} Personale`, "Personale coinvolto negli obiettivi, dalle schede.");
  return ownedSheet("staff", sheet, [layout.spec(rows, links), totals.spec(totalRows)], cells, widthsOf(layout, totals));
}
