import { columnToLetters, quoteSheetName, type SheetRange } from "../cells/a1";
import { bandOf, combineShares } from "../compute/scores";
import { cellAt, formatAt, type SheetSnapshot } from "../model/snapshot";
import { OWNED_SHEET_MARKER } from "./ownership";
import { dateCell, formulaCell, numberCell, textCell } from "./escape";
import { FORMATS, TableLayout, ownedSheet, widthsOf, type ColumnDef } from "./layout";
import { AS_OF_CELL, REVIEW_CELL, fraction, sheetOf, type ObjectiveEntry, type WriteContext } from "./context";
import { meanAchievementFormula, type IndicatorKey } from "./indicators";
import { meanTimelinessFormula, type PhaseKey } from "./phases";
import { OWNERS_TABLE, OWNED_SHEETS } from "./sheets";
import type { CellContent, CellWrite, OwnedSheet } from "./types";

/** Headers readOverrides looks for: keep them in step with the columns below. */
export const SCORE_HEADERS = {
  id: "ID obiettivo",
  override: "Valutazione Nucleo",
  overrideNote: "Nota Nucleo",
} as const;

export const SCORE_COLUMNS = [
  { key: "id", header: SCORE_HEADERS.id, width: 28 },
  { key: "structure", header: "Struttura", width: 26 },
  { key: "owner", header: "Responsabile", width: 24 },
  { key: "title", header: "Obiettivo", width: 45 },
  { key: "weight", header: "Peso", numberFormat: FORMATS.percent, width: 9 },
  { key: "meanAchievement", header: "Media valore raggiunto", numberFormat: FORMATS.percent, width: 13 },
  { key: "meanTimeliness", header: "Media rispetto dei tempi", numberFormat: FORMATS.percent, width: 13 },
  { key: "score", header: "Punteggio calcolato", numberFormat: FORMATS.percent, width: 12 },
  { key: "override", header: SCORE_HEADERS.override, numberFormat: FORMATS.percent, width: 12 },
  { key: "overrideNote", header: SCORE_HEADERS.overrideNote, width: 30 },
  { key: "final", header: "Punteggio finale", numberFormat: FORMATS.percent, width: 12 },
  { key: "band", header: "Fascia", width: 7 },
  { key: "cardAchievement", header: "Media valore raggiunto (scheda)", numberFormat: FORMATS.percent, width: 14 },
  { key: "cardTimeliness", header: "Media rispetto dei tempi (scheda)", numberFormat: FORMATS.percent, width: 14 },
  { key: "hasScore", header: "Con punteggio", numberFormat: FORMATS.integer, width: 9 },
  { key: "scoreCounted", header: "Punteggio conteggiato", numberFormat: FORMATS.percent, width: 11 },
  { key: "weightCounted", header: "Peso conteggiato", numberFormat: FORMATS.percent, width: 11 },
  { key: "product", header: "Peso × punteggio", numberFormat: FORMATS.percent, width: 11 },
] as const satisfies readonly ColumnDef<string>[];
export type ScoreKey = (typeof SCORE_COLUMNS)[number]["key"];

export const OWNER_COLUMNS = [
  { key: "owner", header: "Responsabile", width: 24 },
  { key: "structure", header: "Struttura", width: 26 },
  { key: "objectives", header: "N. obiettivi", numberFormat: FORMATS.integer, width: 9 },
  { key: "weight", header: "Somma pesi", numberFormat: FORMATS.percent, width: 10 },
  { key: "score", header: "Punteggio", numberFormat: FORMATS.percent, width: 11 },
  { key: "band", header: "Fascia", width: 7 },
] as const satisfies readonly ColumnDef<string>[];
export type OwnerKey = (typeof OWNER_COLUMNS)[number]["key"];

export function scoreLayout(context: WriteContext): TableLayout<ScoreKey> {
  return new TableLayout(sheetOf(context, "scores"), OWNED_SHEETS.find((s) => s.key === "scores")?.table ?? "SO_Punteggi", SCORE_COLUMNS, context.objectives.length);
}

export function ownerLayout(context: WriteContext): TableLayout<OwnerKey> {
  return new TableLayout(sheetOf(context, "scores"), OWNERS_TABLE, OWNER_COLUMNS, context.scores.owners.length, SCORE_COLUMNS.length + 1);
}

/** Absolute reference to the review date cell on Punteggi. */
export function asOfReference(scoresSheet: string): string {
  return `${quoteSheetName(scoresSheet)}!$${columnToLetters(AS_OF_CELL.col)}$${AS_OF_CELL.row + 1}`;
}

/**
 * A formula showing the figure typed on the card ("Media valore raggiunto ___ %"), live: a
 * cell formatted as percent holds the fraction already; a plain number (80) means 80 %.
 */
function cardFigure(range: SheetRange | undefined, snapshots: readonly SheetSnapshot[]): CellContent {
  if (!range) return { kind: "empty" };
  const sheet = snapshots.find((s) => s.name === range.sheet);
  if (!sheet) return { kind: "empty" };
  let col = range.left;
  let value = cellAt(sheet, range.top, col);
  // An empty card shows "Media valore raggiunto | ___ | %": the figure goes in the blank before the "%".
  if (typeof value === "string" && /^[\s.%_-]*$/.test(value)) {
    if (col === 0 || cellAt(sheet, range.top, col - 1) !== null) return { kind: "empty" };
    col -= 1;
    value = null;
  }
  const ref = `${quoteSheetName(range.sheet)}!$${columnToLetters(col)}$${range.top + 1}`;
  const percent = (formatAt(sheet, range.top, col) ?? "").includes("%");
  const result = typeof value === "number" ? (percent ? value : value / 100) : typeof value === "string" ? value : "";
  return formulaCell(`IF(ISNUMBER(${ref}),${ref}${percent ? "" : "/100"},IF(${ref}="","",${ref}))`, result);
}

/**
 * Punteggi: the review date and kind (row 2; the Fasi and Indicatori formulas refer to the date),
 * one row per objective with the two means, the score, the Nucleo's override and note (the only
 * cells meant to be typed here: the next run reads them back), the final score and band, and the
 * figures typed on the card beside them; to the right, one row per owner with the weighted score
 * and band. Every figure is a formula over the Indicatori and Fasi tables and Metodologia.
 */
export function scoresSheet(
  context: WriteContext,
  ind: TableLayout<IndicatorKey>,
  phases: TableLayout<PhaseKey>,
  snapshots: readonly SheetSnapshot[],
): OwnedSheet {
  const layout = scoreLayout(context);
  const sheet = layout.sheet;
  const { refs, methodology } = context;
  const sa = refs.num("achievementShare");
  const st = refs.num("timelinessShare");
  const tolerance = refs.num("weightTolerance");

  // Each objective's first row in Indicatori (written in objective order), for the worst-of MIN.
  const firstIndicator: number[] = [];
  context.objectives.reduce((n, e) => (firstIndicator.push(n), n + e.objective.indicators.length), 0);
  const rows = context.objectives.map((e, i) => {
    const c = (k: ScoreKey): string => layout.cell(k, i);
    const s = e.score;
    const review = lastReview(e, context.review);
    const final = s?.finalScore ?? null;
    const weight = s?.weight ?? e.objective.weight?.value ?? null;
    const counted = final !== null;
    const F = c("meanAchievement");
    const G = c("meanTimeliness");
    const row: Partial<Record<ScoreKey, CellContent>> = {
      id: textCell(e.key),
      structure: textCell(e.structure.name),
      owner: textCell(e.owner),
      title: textCell(e.objective.title),
      weight: numberCell(weight === null ? null : weight / 100),
      meanAchievement: formulaCell(meanAchievementFormula(ind, c("id"), { aggregation: methodology.aggregation, rows: { first: firstIndicator[i] ?? 0, count: e.objective.indicators.length } }), fraction(s?.meanAchievement)),
      meanTimeliness: formulaCell(meanTimelinessFormula(phases, c("id"), tolerance), fraction(s?.meanTimeliness)),
      score: formulaCell(
        `IF(AND(${F}="",${G}=""),"",IF(${F}="",${G},IF(${G}="",${F},IF(${sa}+${st}<=0,(${F}+${G})/2,(${sa}*${F}+${st}*${G})/(${sa}+${st})))))`,
        fraction(s ? combineShares(s.meanAchievement, s.meanTimeliness, methodology) : null),
      ),
      override: numberCell(s?.override ? s.override.value / 100 : null),
      overrideNote: textCell(s?.override?.note ?? null),
      final: formulaCell(`IF(ISNUMBER(${c("override")}),${c("override")},${c("score")})`, fraction(final)),
      band: formulaCell(refs.band(c("final")), bandOf(final, methodology.bands) ?? ""),
      cardAchievement: cardFigure(review?.source.meanAchievement, snapshots),
      cardTimeliness: cardFigure(review?.source.meanTimeliness, snapshots),
      hasScore: formulaCell(`IF(ISNUMBER(${c("final")}),1,0)`, counted ? 1 : 0),
      scoreCounted: formulaCell(`IF(ISNUMBER(${c("final")}),${c("final")},0)`, counted ? (final as number) / 100 : 0),
      weightCounted: formulaCell(
        `IF(AND(ISNUMBER(${c("final")}),ISNUMBER(${c("weight")})),IF(${c("weight")}>0,${c("weight")},0),0)`,
        counted && weight !== null && weight > 0 ? weight / 100 : 0,
      ),
      product: formulaCell(
        `${c("weightCounted")}*${c("scoreCounted")}`,
        counted && weight !== null && weight > 0 ? (weight / 100) * ((final as number) / 100) : 0,
      ),
    };
    return row;
  });

  const owners = ownerLayout(context);
  const ownerRows = context.scores.owners.map((o, i) => {
    const c = (k: OwnerKey): string => owners.cell(k, i);
    // EXACT: the engine groups owners by their exact spelling ("ROSSI" and "Rossi" are two).
    const cond = `EXACT(${layout.range("structure")},${c("structure")})*EXACT(${layout.range("owner")},${c("owner")})`;
    const n = `SUMPRODUCT(${cond}*${layout.range("hasScore")})`;
    const wsum = `SUMPRODUCT(${cond}*${layout.range("weightCounted")})`;
    const mine = context.objectives.filter((e) => e.structure.name === o.structure && e.owner === o.owner);
    const weights = mine.map((e) => e.score?.weight ?? null);
    return {
      owner: textCell(o.owner),
      structure: textCell(o.structure),
      objectives: formulaCell(`SUMPRODUCT(${cond}*1)`, mine.length),
      weight: formulaCell(`SUMPRODUCT(${cond}*${layout.range("weight")})`, weights.reduce<number>((a, w) => a + (w ?? 0), 0) / 100),
      score: formulaCell(
        `IF(${n}=0,"",IF(${wsum}>0,SUMPRODUCT(${cond}*${layout.range("product")})/${wsum},SUMPRODUCT(${cond}*${layout.range("scoreCounted")})/${n}))`,
        fraction(o.score),
      ),
      band: formulaCell(refs.band(c("score")), o.band ?? ""),
    } satisfies Partial<Record<OwnerKey, CellContent>>;
  });

  const cells: CellWrite[] = [
    { sheet, row: 0, col: 0, content: { kind: "text", text: `${OWNED_SHEET_MARKER} Punteggi` }, style: { bold: true } },
    { sheet, row: AS_OF_CELL.row, col: AS_OF_CELL.col - 1, content: { kind: "text", text: "Data di riferimento" }, style: { bold: true } },
    { sheet, row: AS_OF_CELL.row, col: AS_OF_CELL.col, content: dateCell(context.asOf), style: { numberFormat: FORMATS.date } },
    { sheet, row: REVIEW_CELL.row, col: REVIEW_CELL.col - 1, content: { kind: "text", text: "Verifica" }, style: { bold: true } },
    { sheet, row: REVIEW_CELL.row, col: REVIEW_CELL.col, content: { kind: "text", text: context.review === "interim" ? "intermedia" : "finale" } },
    {
      sheet,
      row: 2,
      col: 0,
      content: {
        kind: "text",
        text: "Formule sulle tabelle Indicatori e Fasi e sul foglio Metodologia. Il Nucleo può scrivere solo «Valutazione Nucleo» e «Nota Nucleo»: il punteggio finale le usa al posto del calcolato.",
      },
      style: { italic: true },
    },
  ];
  return ownedSheet("scores", sheet, [layout.spec(rows), owners.spec(ownerRows)], cells, widthsOf(layout, owners));
}

/** The card's review block for this review kind (the last one when there are two). */
function lastReview(e: ObjectiveEntry, kind: "interim" | "final"): ObjectiveEntry["objective"]["reviews"][number] | null {
  const matching = e.objective.reviews.filter((r) => r.kind === kind);
  return matching[matching.length - 1] ?? null;
}
