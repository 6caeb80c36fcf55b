import { rangeToA1 } from "../cells/a1";
import { computeAchievement, hasValue } from "../compute/indicators";
import type { IndicatorKind, IndicatorResult } from "../compute/types";
import type { Indicator, Measure } from "../model/plan";
import { OWNED_SHEET_MARKER } from "./ownership";
import { formulaCell, numberCell, textCell } from "./escape";
import { FORMATS, TableLayout, ownedSheet, sheetHeading, widthsOf, type ColumnDef } from "./layout";
import { linkTarget, sheetOf, type WriteContext } from "./context";
import { OWNED_SHEETS } from "./sheets";
import type { CellContent, OwnedSheet, TableSpec } from "./types";

export const INDICATOR_COLUMNS = [
  { key: "id", header: "ID obiettivo", width: 28 },
  { key: "number", header: "N.", numberFormat: FORMATS.integer, width: 5 },
  { key: "group", header: "Gruppo", width: 18 },
  { key: "description", header: "Indicatore", width: 50 },
  { key: "kind", header: "Tipo", width: 13 },
  { key: "targetText", header: "Valore atteso", width: 22 },
  { key: "actualText", header: "Valore raggiunto", width: 22 },
  { key: "target", header: "Atteso (valore)", width: 13 },
  { key: "actual", header: "Raggiunto (valore)", width: 13 },
  { key: "weight", header: "Peso", numberFormat: FORMATS.percent, width: 9 },
  { key: "raw", header: "Raggiungimento calcolato", numberFormat: FORMATS.percent, width: 13 },
  { key: "achievement", header: "Raggiungimento", numberFormat: FORMATS.percent, width: 13 },
  { key: "note", header: "Nota", width: 40 },
  { key: "sheet", header: "Foglio", width: 22 },
  { key: "cell", header: "Cella", width: 12 },
] as const satisfies readonly ColumnDef<string>[];
export type IndicatorKey = (typeof INDICATOR_COLUMNS)[number]["key"];

/** Italian names of the indicator kinds (the Tipo column). */
export const KIND_LABELS: Record<IndicatorKind, string> = {
  higher: "crescente",
  lower: "decrescente",
  yesno: "SI/NO",
  deadline: "scadenza",
  qualitative: "qualitativo",
};

export function indicatorLayout(context: WriteContext): TableLayout<IndicatorKey> {
  const rows = context.objectives.reduce((n, e) => n + e.objective.indicators.length, 0);
  return new TableLayout(sheetOf(context, "indicators"), OWNED_SHEETS.find((s) => s.key === "indicators")?.table ?? "SO_Indicatori", INDICATOR_COLUMNS, rows);
}

/** Which measure types each kind can compare; others are written as their text (so the formula leaves them out, as the engine does). */
function comparable(kind: IndicatorKind, role: "target" | "actual", m: Measure): boolean {
  switch (kind) {
    case "higher":
    case "lower":
      return m.type === "number";
    case "yesno":
      return m.type === "boolean";
    case "deadline":
      return role === "target" ? m.type === "date" : m.type === "date" || m.type === "boolean";
    case "qualitative":
      return role === "actual" ? m.type === "number" || m.type === "boolean" : true;
  }
}

/** The value cell of a measure: number, date, "SI"/"NO", or its text when not comparable; empty for none. */
function measureCell(kind: IndicatorKind, role: "target" | "actual", m: Measure | null): CellContent {
  if (!hasValue(m)) return { kind: "empty" };
  if (!comparable(kind, role, m)) return textCell(m.type === "text" ? m.text : m.text || "—");
  switch (m.type) {
    case "number":
      return numberCell(m.value);
    case "boolean":
      return { kind: "text", text: m.value ? "SI" : "NO" };
    case "date":
      return { kind: "date", iso: m.value };
    case "text":
      return textCell(m.text);
  }
}

/**
 * The uncapped achievement, as a fraction, by kind (g = Atteso, h = Raggiunto): the brief's
 * formulas; "" when the two values cannot be compared. A missing Raggiunto counts 0 when the
 * methodology says so and the indicator has a target, else it is left out.
 */
export function rawAchievementFormula(kind: IndicatorKind, g: string, h: string, context: WriteContext): string {
  let byKind: string;
  switch (kind) {
    case "higher":
      byKind = `IF(AND(ISNUMBER(${g}),ISNUMBER(${h})),IF(${g}=0,IF(${h}>=0,1,0),${h}/${g}),"")`;
      break;
    case "lower":
      byKind = `IF(AND(ISNUMBER(${g}),ISNUMBER(${h})),IF(${g}=0,IF(${h}<=0,1,0),(2*${g}-${h})/${g}),"")`;
      break;
    case "yesno":
      byKind = `IF(AND(OR(${g}="SI",${g}="NO"),OR(${h}="SI",${h}="NO")),IF(${g}=${h},1,0),"")`;
      break;
    case "deadline": {
      const pen = context.refs.num("deadlinePenaltyPer30Days");
      byKind =
        `IF(NOT(ISNUMBER(${g})),"",IF(${h}="SI",1,IF(${h}="NO",IF(${context.asOfRef}<=${g},"",0),` +
        `IF(ISNUMBER(${h}),IF(${h}-${g}<=0,1,1-ROUNDUP((${h}-${g})/30,0)*${pen}/100),""))))`;
      break;
    }
    case "qualitative":
      byKind = `IF(ISNUMBER(${h}),${h}/100,IF(${h}="SI",1,IF(${h}="NO",0,"")))`;
      break;
  }
  return `IF(${h}="",IF(AND(${g}<>"",${context.refs.missingIsZero(context.review)}),0,""),${byKind})`;
}

/**
 * The achievement counted, as a fraction: the uncapped figure converted by the methodology
 * (thresholds or range table, over the Metodologia cells), then clamped to 0…cap. A missing
 * Raggiunto counted 0 stays 0 (the conversion applies to achieved values only).
 */
export function achievementFormula(raw: string, actual: string, cap: string, context: WriteContext): string {
  const converted = context.refs.conversion(`MAX(0,${raw}*100)`);
  if (converted === null) return `IF(ISNUMBER(${raw}),MIN(${cap}/100,MAX(0,${raw})),"")`;
  return `IF(ISNUMBER(${raw}),IF(${actual}="",0,MIN(${cap},MAX(0,${converted}))/100),"")`;
}

/**
 * Indicatori: one row per indicator with its kind, expected and achieved values (as typed, and as
 * values the formulas compare), weight, and the achievement as formulas (uncapped, then capped
 * by Metodologia's cap). An indicator counts in the mean on Punteggi when its Raggiungimento
 * is a number: Punteggi sums over this table with SUMPRODUCT, with no helper columns here.
 */
export function indicatorsSheet(context: WriteContext): OwnedSheet {
  const layout = indicatorLayout(context);
  const sheet = layout.sheet;
  const cap = context.refs.num("achievementCap");
  const links: NonNullable<TableSpec["links"]> = [];
  const rows: Partial<Record<IndicatorKey, CellContent>>[] = [];
  for (const e of context.objectives) {
    e.objective.indicators.forEach((indicator, index) => {
      const i = rows.length;
      const c = (k: IndicatorKey): string => layout.cell(k, i);
      const result: IndicatorResult | undefined = e.score?.indicators[index];
      const kind: IndicatorKind = result?.kind ?? "qualitative";
      const achieved = result && result.included && result.achievement !== null ? result.achievement : null;
      const raw = rawValue(indicator, result, context);
      const weight = indicator.weight;
      const where = indicator.source.description ?? indicator.source.target ?? Object.values(indicator.source)[0];
      if (where) links.push({ row: i, col: layout.col("cell") - layout.left, target: linkTarget(where) });
      rows.push({
        id: textCell(e.key),
        number: numberCell(index + 1),
        group: textCell(indicator.group),
        description: textCell(indicator.description),
        kind: textCell(KIND_LABELS[kind]),
        targetText: textCell(indicator.target && hasValue(indicator.target) ? indicator.target.text : null),
        actualText: textCell(indicator.actual && hasValue(indicator.actual) ? indicator.actual.text : null),
        target: measureCell(kind, "target", indicator.target),
        actual: measureCell(kind, "actual", indicator.actual),
        weight: numberCell(weight === null ? null : weight / 100),
        raw: formulaCell(rawAchievementFormula(kind, c("target"), c("actual"), context), raw === null ? "" : raw / 100),
        achievement: formulaCell(achievementFormula(c("raw"), c("actual"), cap, context), achieved === null ? "" : achieved / 100),
        note: textCell(result?.note ?? null),
        sheet: textCell(where?.sheet ?? null),
        cell: textCell(where ? rangeToA1(where) : null),
      });
    });
  }
  const cells = sheetHeading(
    sheet,
    `${OWNED_SHEET_MARKER} Indicatori`,
    "Indicatori e raggiungimento. «Raggiunto (valore)» si può correggere qui: le formule e i punteggi si ricalcolano.",
  );
  return ownedSheet("indicators", sheet, [layout.spec(rows, links)], cells, widthsOf(layout));
}

/** The engine's uncapped achievement in % (the cached result of the Raggiungimento calcolato formula). */
function rawValue(indicator: Indicator, result: IndicatorResult | undefined, context: WriteContext): number | null {
  if (!result || !result.included || result.achievement === null) return null;
  if (!hasValue(indicator.actual)) return 0;
  const a = computeAchievement(indicator, result.kind, context.methodology, { asOf: context.asOf });
  return a.raw ?? result.achievement;
}

/**
 * Media valore raggiunto of one objective over the Indicatori table, as the engine computes it:
 * weighted by indicator weight when every counted indicator has one (and they sum above 0), else
 * the plain mean, or with the "worst" aggregation the lowest achievement; "" when no indicator
 * counts or no achieved value is recorded ("non calcolabile").
 */
export function meanAchievementFormula(
  ind: TableLayout<IndicatorKey>,
  idCell: string,
  options: { aggregation?: "mean" | "worst"; rows?: { first: number; count: number } } = {},
): string {
  // Nothing recorded yet (no Raggiunto on any indicator of the objective): "non calcolabile".
  const recorded = `SUMPRODUCT((${ind.range("id")}=${idCell})*(${ind.range("actual")}<>""))`;
  if (options.aggregation === "worst") {
    const rows = options.rows;
    if (!rows || rows.count === 0) return '""';
    // The objective's rows of Indicatori are written together: MIN leaves out the "" of an indicator not counted.
    const own = ind.rows("achievement", rows.first, rows.first + rows.count - 1);
    const counted = `SUMPRODUCT((${ind.range("id")}=${idCell})*ISNUMBER(${ind.range("achievement")}))`;
    return `IF(OR(${recorded}=0,${counted}=0),"",MIN(${own}))`;
  }
  return `IF(${recorded}=0,"",${plainMeanFormula(ind, idCell)})`;
}

function plainMeanFormula(ind: TableLayout<IndicatorKey>, idCell: string): string {
  const achievement = ind.range("achievement");
  const weight = ind.range("weight");
  // An indicator counts when its achievement is a number ("" when it cannot be computed).
  const counted = `(${ind.range("id")}=${idCell})*ISNUMBER(${achievement})`;
  const n = `SUMPRODUCT(${counted})`;
  const unweighted = `SUMPRODUCT(${counted}*(1-ISNUMBER(${weight})))`;
  // SUMPRODUCT takes text (the "" of an indicator left out) in a separate array as 0.
  const withWeight = `${counted}*ISNUMBER(${weight})`;
  const wsum = `SUMPRODUCT(${withWeight},${weight})`;
  const wv = `SUMPRODUCT(${withWeight},${weight},${achievement})`;
  const vsum = `SUMPRODUCT(${counted},${achievement})`;
  return `IF(${n}=0,"",IF(AND(${unweighted}=0,${wsum}>0),${wv}/${wsum},${vsum}/${n}))`;
}
