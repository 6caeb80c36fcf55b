import { columnToLetters, quoteSheetName } from "../cells/a1";
import { bandOf } from "../compute/scores";
import type { Finding } from "../model/finding";
import { OWNED_SHEET_MARKER } from "./ownership";
import { formulaCell, numberCell, textCell } from "./escape";
import { FORMATS, sheetHeading, TABLE_TOP, type TableLayout } from "./layout";
import { checkResult, weightCheckFormula } from "./plan-tables";
import { fraction, sheetOf, type WriteContext } from "./context";
import type { OwnerKey, ScoreKey } from "./scores";
import type { CellContent, CellStyle, CellWrite, OwnedSheet } from "./types";

const HEADERS = ["N.", "Obiettivo", "Peso", "Media valore raggiunto", "Media rispetto dei tempi", "Punteggio", "Fascia", "Errori", "Avvisi"] as const;
const WIDTHS = [6, 42, 10, 13, 13, 11, 8, 8, 8];
const HEADER_FILL = "#DDEBF7";
/** Data bars of the Punteggio cells (0 to 100 %). */
const BAR_COLOR = "#5B9BD5";

/**
 * Riepilogo, the one page per structure the segretario hands the Giunta: the structure and its
 * owner, its objectives with their weights, the weight total and its check, the counts of errors
 * and warnings, and — at a review — the two means, the score (with a data bar) and the band of
 * each objective and of each owner. Every figure is a formula over Punteggi (so it follows a
 * correction there); the counts of findings are the engine's. A page break follows each block.
 */
export function summarySheet(
  context: WriteContext,
  scores: TableLayout<ScoreKey>,
  owners: TableLayout<OwnerKey>,
  findings: readonly Finding[],
  reviewed: boolean,
): OwnedSheet {
  const sheet = sheetOf(context, "summary");
  const cells: CellWrite[] = sheetHeading(
    sheet,
    `${OWNED_SHEET_MARKER} Riepilogo`,
    reviewed
      ? "Riepilogo per struttura: pesi, segnalazioni, medie e punteggi (formule sul foglio Punteggi). Una struttura per pagina."
      : "Riepilogo per struttura: pesi e segnalazioni. Medie e punteggi compaiono dopo una verifica. Una struttura per pagina.",
  );
  const put = (row: number, col: number, content: CellContent, style?: CellStyle): void => {
    if (content.kind !== "empty") cells.push(style ? { sheet, row, col, content, style } : { sheet, row, col, content });
  };
  const ref = (layout: TableLayout<string>, key: string, i: number): string =>
    `${quoteSheetName(layout.sheet)}!$${columnToLetters(layout.col(key))}$${layout.firstRow + i + 1}`;
  const tolerance = context.refs.num("weightTolerance");
  const dataBars: NonNullable<OwnedSheet["dataBars"]> = [];
  const pageBreaks: number[] = [];
  const count = (sev: Finding["severity"], match: (f: Finding) => boolean): number => findings.filter((f) => f.severity === sev && match(f)).length;

  let row = TABLE_TOP;
  for (const structure of context.plan.structures) {
    const entries = context.objectives.map((e, i) => ({ e, i })).filter(({ e }) => e.structure === structure);
    const ownerNames = [...new Set(entries.map(({ e }) => e.owner))];
    put(row, 0, textCell("Struttura"), { bold: true });
    put(row, 1, textCell(structure.name), { bold: true });
    put(row, 2, textCell("Responsabile"), { bold: true });
    put(row, 3, textCell(ownerNames.join(", ") || structure.owner));
    row += 1;
    const header = reviewed ? HEADERS : HEADERS.filter((h) => !["Media valore raggiunto", "Media rispetto dei tempi", "Punteggio", "Fascia"].includes(h));
    header.forEach((h, c) => put(row, c, textCell(h), { bold: true, fill: HEADER_FILL, wrap: true }));
    const col = (h: (typeof HEADERS)[number]): number => header.indexOf(h);
    row += 1;
    const first = row;
    let weightSum = 0;
    for (const { e, i } of entries) {
      const s = e.score;
      const weight = s?.weight ?? e.objective.weight?.value ?? null;
      weightSum += weight ?? 0;
      put(row, col("N."), textCell(e.objective.number));
      put(row, col("Obiettivo"), textCell(e.objective.title), { wrap: true });
      put(row, col("Peso"), formulaCell(`IF(ISNUMBER(${ref(scores, "weight", i)}),${ref(scores, "weight", i)},"")`, weight === null ? "" : weight / 100), { numberFormat: FORMATS.percent });
      if (reviewed) {
        const live = (key: ScoreKey, value: number | string | null | undefined, format?: string): void => {
          const r = ref(scores, key, i);
          put(row, col(HEADER_OF[key] as (typeof HEADERS)[number]), formulaCell(`IF(${r}="","",${r})`, value === null || value === undefined ? "" : value), format ? { numberFormat: format } : undefined);
        };
        live("meanAchievement", fraction(s?.meanAchievement), FORMATS.percent);
        live("meanTimeliness", fraction(s?.meanTimeliness), FORMATS.percent);
        live("final", fraction(s?.finalScore), FORMATS.percent);
        live("band", s ? (bandOf(s.finalScore, context.methodology.bands) ?? "") : "");
      }
      put(row, col("Errori"), numberCell(count("error", (f) => f.objectiveId === e.objective.id)), { numberFormat: FORMATS.integer });
      put(row, col("Avvisi"), numberCell(count("warning", (f) => f.objectiveId === e.objective.id)), { numberFormat: FORMATS.integer });
      row += 1;
    }
    if (reviewed && entries.length > 0) dataBars.push({ top: first, left: col("Punteggio"), bottom: row - 1, right: col("Punteggio"), min: 0, max: 1, color: BAR_COLOR });
    // Totals: weights (and how far from 100), findings of the structure (its cards and its weight table).
    const weightCol = columnToLetters(col("Peso"));
    const total = entries.length > 0 ? `SUM(${weightCol}${first + 1}:${weightCol}${row})` : "0";
    put(row, col("Obiettivo"), textCell("Totale pesi"), { bold: true });
    put(row, col("Peso"), formulaCell(total, weightSum / 100), { numberFormat: FORMATS.percent, bold: true });
    const totalCell = `${weightCol}${row + 1}`;
    put(
      row,
      col("Peso") + 1,
      formulaCell(`IF(${weightCheckFormula(totalCell, tolerance)}="OK","✓","Scarto da 100%: "&ROUND((${totalCell}-1)*100,2)&" punti")`, checkMark(weightSum, context.methodology.weightTolerance)),
    );
    const inStructure = (f: Finding): boolean => f.structure === structure.name;
    put(row, col("Errori"), numberCell(count("error", inStructure)), { numberFormat: FORMATS.integer, bold: true });
    put(row, col("Avvisi"), numberCell(count("warning", inStructure)), { numberFormat: FORMATS.integer, bold: true });
    row += 1;
    if (reviewed) {
      context.scores.owners.forEach((o, k) => {
        if (o.structure !== structure.name) return;
        put(row, col("Obiettivo"), textCell(`Punteggio del responsabile: ${o.owner}`), { bold: true });
        const score = ref(owners, "score", k);
        const band = ref(owners, "band", k);
        put(row, col("Punteggio"), formulaCell(`IF(${score}="","",${score})`, fraction(o.score)), { numberFormat: FORMATS.percent, bold: true });
        put(row, col("Fascia"), formulaCell(`IF(${band}="","",${band})`, o.band ?? ""), { bold: true });
        dataBars.push({ top: row, left: col("Punteggio"), bottom: row, right: col("Punteggio"), min: 0, max: 1, color: BAR_COLOR });
        row += 1;
      });
    }
    pageBreaks.push(row - 1);
    row += 1;
  }
  pageBreaks.pop();
  const columnWidths: Record<number, number> = {};
  WIDTHS.forEach((w, c) => (columnWidths[c] = w));
  return { key: "summary", name: sheet, tables: [], cells, columnWidths, dataBars, pageBreaks };
}

const HEADER_OF: Partial<Record<ScoreKey, (typeof HEADERS)[number]>> = {
  meanAchievement: "Media valore raggiunto",
  meanTimeliness: "Media rispetto dei tempi",
  final: "Punteggio",
  band: "Fascia",
};

function checkMark(sum: number, tolerance: number): string {
  return checkResult(sum / 100, tolerance) === "OK" ? "✓" : `Scarto da 100%: ${Math.round((sum / 100 - 1) * 10000) / 100} punti`;
}
