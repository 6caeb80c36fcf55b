import { rangeToA1 } from "../cells/a1";
import { endOfMonth } from "../compute/scores";
import { phaseWeights } from "../compute/weights";
import type { PhaseTimeliness } from "../compute/types";
import { OWNED_SHEET_MARKER } from "./ownership";
import { dateCell, formulaCell, numberCell, textCell } from "./escape";
import { FORMATS, TableLayout, ownedSheet, sheetHeading, sumWhere, widthsOf, countWhere, type ColumnDef } from "./layout";
import { isoToSerial, linkTarget, sheetOf, type WriteContext } from "./context";
import { MONTHS_SHORT, checkResult, weightCheckFormula } from "./plan-tables";
import { OWNED_SHEETS } from "./sheets";
import type { CellContent, OwnedSheet, TableSpec } from "./types";

export const PHASE_COLUMNS = [
  { key: "id", header: "ID obiettivo", width: 28 },
  { key: "number", header: "N.", width: 6 },
  { key: "phase", header: "Fase", width: 50 },
  { key: "weight", header: "Peso", numberFormat: FORMATS.percent, width: 9 },
  { key: "deadline", header: "Data fine attesa", numberFormat: FORMATS.date, width: 14 },
  { key: "months", header: "Mesi previsti", width: 18 },
  { key: "lastMonth", header: "Ultimo mese previsto", numberFormat: FORMATS.integer, width: 10 },
  { key: "year", header: "Anno", numberFormat: FORMATS.integer, width: 7 },
  { key: "completedOn", header: "Completata il", numberFormat: FORMATS.date, width: 13 },
  { key: "reviewNote", header: "Note verifica", width: 30 },
  { key: "dueBy", header: "Fine mese previsto", numberFormat: FORMATS.date, width: 13 },
  { key: "due", header: "Dovuta", numberFormat: FORMATS.integer, width: 8 },
  { key: "monthsLate", header: "Mesi di ritardo", numberFormat: FORMATS.integer, width: 9 },
  { key: "timeliness", header: "Rispetto dei tempi", numberFormat: FORMATS.percent, width: 11 },
  { key: "sheet", header: "Foglio", width: 22 },
  { key: "cell", header: "Cella", width: 12 },
] as const satisfies readonly ColumnDef<string>[];
export type PhaseKey = (typeof PHASE_COLUMNS)[number]["key"];

export const PHASE_TOTAL_COLUMNS = [
  { key: "id", header: "ID obiettivo", width: 28 },
  { key: "total", header: "Somma pesi fasi", numberFormat: FORMATS.percent, width: 12 },
  { key: "check", header: "Esito", width: 26 },
] as const satisfies readonly ColumnDef<string>[];

/** The Fasi table's layout (the Punteggi formulas refer to its columns). */
export function phaseLayout(context: WriteContext): TableLayout<PhaseKey> {
  const rows = context.objectives.reduce((n, e) => n + e.objective.phases.length, 0);
  return new TableLayout(sheetOf(context, "phases"), OWNED_SHEETS.find((s) => s.key === "phases")?.table ?? "SO_Fasi", PHASE_COLUMNS, rows);
}

/**
 * Fasi: one row per phase with its weight, last planned month and completion date, and the
 * timeliness the engine computes, as formulas:
 * - Fine mese previsto = DATE(Anno, mese + 1, 0), the last day of the last planned month;
 * - Dovuta = 1 when that day is on or before the review date (Punteggi!B2);
 * - Rispetto dei tempi = "" when not due; 0 when not completed by the review date; 100 % when
 *   completed by the end of the month; else 100 % minus the penalty per month late (Metodologia);
 * - a phase counts in the mean on Punteggi when its Rispetto dei tempi is a number: Punteggi
 *   sums over this table with SUMPRODUCT, with no helper columns here (on a big plan they were
 *   a fifth of the file).
 * Beside it, the sum of the phase weights of each objective that has any.
 */
export function phasesSheet(context: WriteContext): OwnedSheet {
  const layout = phaseLayout(context);
  const sheet = layout.sheet;
  const pen = context.refs.num("timelinessPenaltyPerMonth");
  const asOf = context.asOfRef;
  const links: NonNullable<TableSpec["links"]> = [];
  const rows: Partial<Record<PhaseKey, CellContent>>[] = [];
  // Late: the months penalty, or the days-late table over the days after the end of the planned month.
  const lateFormula = (c: (k: PhaseKey) => string): string => {
    const byDays = context.refs.lateTimeliness(`(${c("completedOn")}-${c("dueBy")})`);
    if (byDays !== null) return `MAX(0,${byDays})/100`;
    return `MAX(0,1-((YEAR(${c("completedOn")})-${c("year")})*12+MONTH(${c("completedOn")})-${c("lastMonth")})*${pen}/100)`;
  };
  for (const e of context.objectives) {
    const weights = phaseWeights(e.objective);
    e.objective.phases.forEach((phase, index) => {
      const i = rows.length;
      const c = (k: PhaseKey): string => layout.cell(k, i);
      const months = e.schedule?.phases.find((p) => p.phaseIndex === index)?.months ?? [];
      const t: PhaseTimeliness | undefined = e.score?.phases[index];
      const lastMonth = months.length > 0 ? Math.max(...months) : null;
      const dueBy = lastMonth === null ? null : endOfMonth(e.year, lastMonth);
      const weight = weights[index]?.weight ?? null;
      const timeliness = t?.timeliness ?? null;
      const where = phase.source.label ?? phase.source.number ?? Object.values(phase.source)[0];
      if (where) links.push({ row: i, col: layout.col("cell") - layout.left, target: linkTarget(where) });
      const completed = phase.completedOn !== null && /^\d{4}-\d{2}-\d{2}$/.test(phase.completedOn) ? phase.completedOn : null;
      rows.push({
        id: textCell(e.key),
        number: textCell(phase.number),
        phase: textCell(phase.label),
        weight: numberCell(weight === null ? null : weight / 100),
        deadline: dateCell(phase.deadline),
        months: textCell(months.map((m) => MONTHS_SHORT[m - 1]).join(", ")),
        lastMonth: numberCell(lastMonth),
        year: yearCell(context.refs.planYear(e.year), e.year),
        completedOn: dateCell(completed),
        reviewNote: textCell(phase.reviewNote),
        dueBy: formulaCell(`IF(${c("lastMonth")}="","",DATE(${c("year")},${c("lastMonth")}+1,0))`, dueBy === null ? "" : isoToSerial(dueBy)),
        due: formulaCell(`IF(${c("dueBy")}="",0,IF(${c("dueBy")}<=${asOf},1,0))`, t?.due ? 1 : 0),
        monthsLate: formulaCell(
          `IF(AND(${c("due")}=1,ISNUMBER(${c("completedOn")})),IF(AND(${c("completedOn")}<=${asOf},${c("completedOn")}>${c("dueBy")}),` +
            `(YEAR(${c("completedOn")})-${c("year")})*12+MONTH(${c("completedOn")})-${c("lastMonth")},""),"")`,
          t?.monthsLate && t.monthsLate > 0 ? t.monthsLate : "",
        ),
        timeliness: formulaCell(
          `IF(${c("due")}=0,"",IF(NOT(ISNUMBER(${c("completedOn")})),0,IF(${c("completedOn")}>${asOf},0,` +
            `IF(${c("completedOn")}<=${c("dueBy")},1,${lateFormula(c)}))))`,
          timeliness === null ? "" : timeliness / 100,
        ),
        sheet: textCell(where?.sheet ?? null),
        cell: textCell(where ? rangeToA1(where) : null),
      });
    });
  }

  const withWeights = context.objectives.filter((e) => phaseWeights(e.objective).some((w) => w.weight !== null));
  const totals = new TableLayout(sheet, "SO_Pesi_Fasi", PHASE_TOTAL_COLUMNS, withWeights.length, PHASE_COLUMNS.length + 1);
  const tolerance = context.refs.num("weightTolerance");
  const totalRows = withWeights.map((e, i) => {
    const sum = phaseWeights(e.objective).reduce((s, w) => s + (w.weight ?? 0), 0) / 100;
    return {
      id: textCell(e.key),
      total: formulaCell(sumWhere(layout.range("id"), totals.cell("id", i), layout.range("weight")), sum),
      check: formulaCell(weightCheckFormula(totals.cell("total", i), tolerance), checkResult(sum, context.methodology.weightTolerance)),
    };
  });
  const cells = sheetHeading(
    sheet,
    `${OWNED_SHEET_MARKER} Fasi`,
    "Fasi degli obiettivi e rispetto dei tempi alla data di riferimento (foglio Punteggi). «Completata il» si può correggere qui: le formule si ricalcolano.",
  );
  return ownedSheet("phases", sheet, [layout.spec(rows, links), totals.spec(totalRows)], cells, widthsOf(layout, totals));
}

/**
 * Media rispetto dei tempi of one objective over the Fasi table, as the engine computes it:
 * the mean of the counted phases, weighted by phase weight when every phase of the objective has
 * a weight and the weights sum to 100 % (within the tolerance), else the plain mean; "" when no
 * phase is due, or when none of the phases due has a completion date ("non calcolabile").
 */
export function meanTimelinessFormula(phases: TableLayout<PhaseKey>, idCell: string, tolerance: string): string {
  const ids = phases.range("id");
  const timeliness = phases.range("timeliness");
  const weight = phases.range("weight");
  // A phase counts when its timeliness is a number ("" when not due).
  const counted = `(${ids}=${idCell})*ISNUMBER(${timeliness})`;
  const n = `SUMPRODUCT(${counted})`;
  const all = countWhere(ids, idCell);
  const weighted = sumWhere(ids, idCell, `(${weight}<>"")`);
  const weightSum = sumWhere(ids, idCell, weight);
  const valid = `AND(${weighted}=${all},ABS(${weightSum}-1)<=${tolerance}/100+1E-9)`;
  // SUMPRODUCT takes text (the "" of a phase not due) in a separate array as 0.
  const withWeight = `${counted}*ISNUMBER(${weight})`;
  const wsum = `SUMPRODUCT(${withWeight},${weight})`;
  const wv = `SUMPRODUCT(${withWeight},${weight},${timeliness})`;
  const vsum = `SUMPRODUCT(${counted},${timeliness})`;
  // Phases due but no completion date recorded on any of them: "non calcolabile".
  const recorded = `SUMPRODUCT((${ids}=${idCell})*(${phases.range("due")}=1)*ISNUMBER(${phases.range("completedOn")}))`;
  return `IF(OR(${n}=0,${recorded}=0),"",IF(AND(${valid},${wsum}>0),${wv}/${wsum},${vsum}/${n}))`;
}

/** The plan year: a reference to Metodologia when it sets one, else the number. */
function yearCell(fragment: string, year: number): CellContent {
  return /^\d+$/.test(fragment) ? numberCell(Number(fragment)) : formulaCell(fragment, year);
}
