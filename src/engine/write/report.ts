import { columnToLetters, quoteSheetName } from "../cells/a1";
import { bandOf } from "../compute/scores";
import { hasValue } from "../compute/indicators";
import { OWNED_SHEET_MARKER } from "./ownership";
import { formulaCell, numberCell, textCell } from "./escape";
import { FORMATS, TableLayout, ownedSheet, sheetHeading, widthsOf, type ColumnDef } from "./layout";
import { fraction, sheetOf, type WriteContext } from "./context";
import type { ScoreKey } from "./scores";
import { OWNED_SHEETS } from "./sheets";
import type { CellContent, OwnedSheet } from "./types";

export const REPORT_COLUMNS = [
  { key: "structure", header: "Struttura", width: 24 },
  { key: "owner", header: "Responsabile", width: 22 },
  { key: "number", header: "N.", width: 5 },
  { key: "title", header: "Obiettivo", width: 40 },
  { key: "weight", header: "Peso", numberFormat: FORMATS.percent, width: 8 },
  { key: "targets", header: "Valori attesi", width: 34 },
  { key: "actuals", header: "Valori raggiunti", width: 34 },
  { key: "achievement", header: "Media valore raggiunto", numberFormat: FORMATS.percent, width: 12 },
  { key: "timeliness", header: "Media rispetto dei tempi", numberFormat: FORMATS.percent, width: 12 },
  { key: "score", header: "Punteggio", numberFormat: FORMATS.percent, width: 11 },
  { key: "band", header: "Fascia", width: 7 },
  { key: "causes", header: "Cause degli scostamenti", width: 34 },
  { key: "actions", header: "Azioni correttive", width: 34 },
] as const satisfies readonly ColumnDef<string>[];
type ReportKey = (typeof REPORT_COLUMNS)[number]["key"];

/**
 * Relazione (year end): one row per objective, ready to paste into the Relazione sulla
 * performance: structure, owner, title, weight, expected and achieved values of its indicators,
 * the two means, the final score and band (formulas over Punteggi), and the review blocks' causes
 * of deviation and corrective actions (taken, then planned), as typed on the card.
 */
export function reportSheet(context: WriteContext, scores: TableLayout<ScoreKey>): OwnedSheet {
  const sheet = sheetOf(context, "report");
  const layout = new TableLayout(sheet, OWNED_SHEETS.find((s) => s.key === "report")?.table ?? "SO_Relazione", REPORT_COLUMNS, context.objectives.length);
  const ref = (key: ScoreKey, i: number): string => `${quoteSheetName(scores.sheet)}!$${columnToLetters(scores.col(key))}$${scores.firstRow + i + 1}`;
  const live = (key: ScoreKey, i: number, value: number | string | ""): CellContent => formulaCell(`IF(${ref(key, i)}="","",${ref(key, i)})`, value);
  const rows = context.objectives.map((e, i) => {
    const s = e.score;
    const lines = (pick: "target" | "actual"): string =>
      e.objective.indicators
        .map((ind) => {
          const m = ind[pick];
          return `${ind.description ?? "Indicatore"}: ${m && hasValue(m) ? m.text : "—"}`;
        })
        .join("\n");
    const reviews = e.objective.reviews;
    const join = (xs: (string | null)[]): string => xs.filter((x): x is string => Boolean(x && x.trim())).join("\n");
    const weight = s?.weight ?? e.objective.weight?.value ?? null;
    return {
      structure: textCell(e.structure.name),
      owner: textCell(e.owner),
      number: textCell(e.objective.number),
      title: textCell(e.objective.title),
      weight: numberCell(weight === null ? null : weight / 100),
      targets: textCell(lines("target")),
      actuals: textCell(lines("actual")),
      achievement: live("meanAchievement", i, fraction(s?.meanAchievement)),
      timeliness: live("meanTimeliness", i, fraction(s?.meanTimeliness)),
      score: live("final", i, fraction(s?.finalScore)),
      band: live("band", i, s ? (bandOf(s.finalScore, context.methodology.bands) ?? "") : ""),
      causes: textCell(join(reviews.map((r) => r.causes))),
      actions: textCell(join(reviews.flatMap((r) => [r.actionsTaken, r.actionsPlanned]))),
    } satisfies Partial<Record<ReportKey, CellContent>>;
  });
  const cells = sheetHeading(
    sheet,
    `${OWNED_SHEET_MARKER} Relazione`,
    "Per la Relazione sulla performance: una riga per obiettivo. Medie, punteggio e fascia sono formule sul foglio Punteggi.",
  );
  return ownedSheet("report", sheet, [layout.spec(rows)], cells, widthsOf(layout));
}
