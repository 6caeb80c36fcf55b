import { columnToLetters, quoteSheetName } from "../cells/a1";
import { METHODOLOGY_LABELS, type Methodology } from "../compute/methodology";
import { methodologyRows } from "../compute/methodology-sheet";
import type { ReviewKind } from "../compute/types";
import { cellAt, formatAt, snapshotBounds, type SheetSnapshot } from "../model/snapshot";
import { normalizeLabel } from "../values/text";
import { OWNED_SHEET_MARKER } from "./ownership";
import { TABLE_TOP, TableLayout } from "./layout";
import type { CellContent, OwnedSheet, WriteMessage } from "./types";

type NumericKey =
  | "achievementShare"
  | "timelinessShare"
  | "achievementCap"
  | "deadlinePenaltyPer30Days"
  | "timelinessPenaltyPerMonth"
  | "weightTolerance";

/**
 * How the formulas reach the methodology: an absolute reference to the setting's cell on the
 * Metodologia sheet when that cell holds the number the engine used, else the number itself
 * (a kept user sheet may spell a value as text, or the caller may override the sheet), so the
 * workbook computes what the engine computed.
 */
export interface MethodologyRefs {
  /** A setting in the engine's units (50 for 50 %), as a formula fragment. */
  num(key: NumericKey): string;
  /** A boolean fragment: missing achieved values count 0 at this review. */
  missingIsZero(review: ReviewKind): string;
  /** A fragment giving the plan year: the sheet's, when set, else `fallback`. */
  planYear(fallback: number): string;
  /** The band of a score given as a fraction (0.95 for 95 %): nested IFs over the bands' minimums; "" below all. */
  band(scoreFraction: string): string;
}

const SCALARS = Object.keys(METHODOLOGY_LABELS).filter((k) => k !== "bands") as Exclude<keyof Methodology, "bands">[];
const PERCENT_KEYS = new Set<string>(["achievementShare", "timelinessShare", "achievementCap"]);

const LOOKUP = new Map<string, string>(
  SCALARS.flatMap((k) => [
    [normalizeLabel(k), k],
    [normalizeLabel(METHODOLOGY_LABELS[k]), k],
    [normalizeLabel(METHODOLOGY_LABELS[k].replace(/\s*\([^)]*\)\s*$/, "")), k],
  ]),
);
const BAND = /^(?:fascia|band)\s*[:\-–]?\s*([a-z0-9+]+)/;

interface Located {
  row: number;
  col: number;
}

/** Finds each setting's value cell the way the methodology reader does (key, then first other cell to the right). */
function locate(sheet: SheetSnapshot): { settings: Map<string, Located>; bands: Map<string, Located> } {
  const settings = new Map<string, Located>();
  const bands = new Map<string, Located>();
  const b = snapshotBounds(sheet);
  const keyOf = (v: unknown): string | null => {
    if (typeof v !== "string") return null;
    const t = normalizeLabel(v);
    const s = LOOKUP.get(t);
    if (s) return s;
    const m = BAND.exec(t);
    return m ? `band:${(m[1] as string).toUpperCase()}` : null;
  };
  for (let row = b.top; row <= b.bottom; row++) {
    let key: string | null = null;
    let col = b.left;
    for (; col <= b.right && key === null; col++) key = keyOf(cellAt(sheet, row, col));
    if (key === null) continue;
    for (let c = col; c <= b.right; c++) {
      const v = cellAt(sheet, row, c);
      if (v === null || keyOf(v) === key) continue;
      if (key.startsWith("band:")) bands.set(key.slice(5), { row, col: c });
      else settings.set(key, { row, col: c });
      break;
    }
  }
  return { settings, bands };
}

const abs = (sheet: string, at: Located): string => `${quoteSheetName(sheet)}!$${columnToLetters(at.col)}$${at.row + 1}`;
const num = (n: number): string => (Number.isFinite(n) ? String(n) : "0");

/** Formula references to the methodology on `sheetName` (its snapshot when the sheet exists). */
export function methodologyRefs(
  methodology: Methodology,
  sheetName: string,
  existing: SheetSnapshot | null,
  messages: WriteMessage[],
): MethodologyRefs {
  const snapshot = existing ?? writtenSnapshot(sheetName, methodology);
  const { settings, bands } = locate(snapshot);
  const numeric = new Map<string, string>();
  const differs: string[] = [];
  for (const key of SCALARS) {
    const value = methodology[key];
    const at = settings.get(key);
    const cellValue = at ? cellAt(snapshot, at.row, at.col) : null;
    let fragment: string | null = null;
    if (at && typeof cellValue === "number") {
      const percentCell = PERCENT_KEYS.has(key) && (formatAt(snapshot, at.row, at.col) ?? "").includes("%");
      const read = percentCell ? cellValue * 100 : cellValue;
      if (typeof value === "number" && Math.abs(read - value) < 1e-9) fragment = percentCell ? `(${abs(sheetName, at)}*100)` : abs(sheetName, at);
      else if (typeof value === "number" || value === null) differs.push(METHODOLOGY_LABELS[key]);
    } else if (at && typeof cellValue === "string" && typeof value === "string" && normalizeLabel(cellValue) === value) {
      fragment = abs(sheetName, at);
    }
    if (fragment !== null) numeric.set(key, fragment);
  }
  if (differs.length > 0) {
    messages.push({
      code: "methodology-value-differs",
      severity: "info",
      sheet: sheetName,
      message: `Le formule usano la metodologia dell'analisi, diversa dal foglio «${sheetName}» per: ${differs.join(", ")}.`,
    });
  }

  const sortedBands = [...methodology.bands].sort((a, b) => b.min - a.min);
  return {
    num(key) {
      return numeric.get(key) ?? num(methodology[key]);
    },
    missingIsZero(review) {
      const key = review === "interim" ? "missingActualInterim" : "missingActualFinal";
      const ref = numeric.get(key);
      return ref ? `${ref}="zero"` : methodology[key] === "zero" ? "TRUE" : "FALSE";
    },
    planYear(fallback) {
      const ref = numeric.get("planYear");
      return ref ? ref : String(methodology.planYear ?? fallback);
    },
    band(score) {
      let out = '""';
      for (let i = sortedBands.length - 1; i >= 0; i--) {
        const b = sortedBands[i] as { band: string; min: number };
        const at = bands.get(b.band.toUpperCase());
        const cell = at ? cellAt(snapshot, at.row, at.col) : null;
        const min = at && typeof cell === "number" && cell === b.min ? abs(sheetName, at) : num(b.min);
        out = `IF(ROUND(${score}*100,9)>=${min},"${b.band.replace(/"/g, '""')}",${out})`;
      }
      return `IF(ISNUMBER(${score}),${out},"")`;
    },
  };
}

const KEY_HEADER = "Chiave";
const METHODOLOGY_COLUMNS = [
  { key: "key", header: KEY_HEADER, width: 30 },
  { key: "label", header: "Impostazione", width: 55 },
  { key: "value", header: "Valore", width: 14 },
] as const;

/** The Metodologia sheet the add-in writes when the workbook has none: key | setting | value. */
export function methodologySheet(name: string, methodology: Methodology): OwnedSheet {
  const rows = methodologyRows(methodology).map(([key, label, value]) => ({
    key: { kind: "text", text: key } as CellContent,
    label: { kind: "text", text: label } as CellContent,
    value: (typeof value === "number" ? { kind: "number", value } : value === "" ? { kind: "empty" } : { kind: "text", text: value }) as CellContent,
  }));
  const spec = new TableLayout(name, "SO_Metodologia", METHODOLOGY_COLUMNS, rows.length).spec(rows);
  return {
    key: "methodology",
    name,
    keepIfExists: true,
    tables: [spec],
    cells: [
      { sheet: name, row: 0, col: 0, content: { kind: "text", text: `${OWNED_SHEET_MARKER} Metodologia di valutazione` }, style: { bold: true } },
      {
        sheet: name,
        row: 1,
        col: 0,
        content: {
          kind: "text",
          text: "Impostazioni usate dalle formule di Punteggi, Indicatori e Fasi. Si possono modificare nella colonna «Valore»: il componente conserva questo foglio.",
        },
        style: { italic: true },
      },
    ],
    columnWidths: { 0: 30, 1: 55, 2: 14 },
    freeze: { rows: TABLE_TOP + 1, cols: 0 },
  };
}

/** The snapshot the written Metodologia sheet will have, so that references point at its cells. */
function writtenSnapshot(name: string, methodology: Methodology): SheetSnapshot {
  const rows = methodologyRows(methodology);
  const cells: (string | number | null)[][] = [[null, null, null], [null, null, null], [null, null, null], [KEY_HEADER, "Impostazione", "Valore"]];
  for (const [key, label, value] of rows) cells.push([key, label, value === "" ? null : value]);
  return { name, origin: { row: 0, col: 0 }, cells };
}
