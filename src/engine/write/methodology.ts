import { columnToLetters, quoteSheetName } from "../cells/a1";
import { METHODOLOGY_LABELS, type Methodology } from "../compute/methodology";
import { ACHIEVEMENT_BAND_KEY, PERCENT_KEYS, TIMELINESS_BAND_KEY, achievementBandRows, methodologyRows, type TableKey } from "../compute/methodology-sheet";
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
  | "weightTolerance"
  | "thresholdMin"
  | "thresholdMinScore"
  | "thresholdTarget"
  | "thresholdMax"
  | "thresholdExcellence";

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
  /**
   * The methodology's conversion of an achievement given in % (a formula fragment ≥ 0), as a
   * fragment in %, before the cap (see convertAchievement): null for the linear conversion.
   * Thresholds and range-table rows are references to their cells on Metodologia.
   */
  conversion(percent: string): string | null;
  /**
   * The timeliness (%) of a phase `days` late (a fragment ≥ 1) by the days-late table, over its
   * cells on Metodologia; null for the months penalty (timelinessRule "months").
   */
  lateTimeliness(days: string): string | null;
}

const SCALARS = Object.keys(METHODOLOGY_LABELS).filter((k) => k !== "bands" && k !== "achievementBands" && k !== "timelinessBands") as Exclude<
  keyof Methodology,
  "bands" | TableKey
>[];
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
function locate(sheet: SheetSnapshot): { settings: Map<string, Located>; bands: Map<string, Located>; tables: Record<TableKey, Located[]> } {
  const settings = new Map<string, Located>();
  const bands = new Map<string, Located>();
  const tables: Record<TableKey, Located[]> = { achievementBands: [], timelinessBands: [] };
  const b = snapshotBounds(sheet);
  const keyOf = (v: unknown): string | null => {
    if (typeof v !== "string") return null;
    const t = normalizeLabel(v);
    const s = LOOKUP.get(t);
    if (s) return s;
    if (ACHIEVEMENT_BAND_KEY.test(t)) return "table:achievementBands";
    if (TIMELINESS_BAND_KEY.test(t)) return "table:timelinessBands";
    const m = BAND.exec(t);
    return m ? `band:${(m[1] as string).toUpperCase()}` : null;
  };
  for (let row = b.top; row <= b.bottom; row++) {
    let key: string | null = null;
    let col = b.left;
    for (; col <= b.right && key === null; col++) key = keyOf(cellAt(sheet, row, col));
    if (key === null) continue;
    if (key.startsWith("table:")) {
      // The reader's row: from | to | mode | value | value at the end, right of the key (col - 1).
      if ([0, 1, 2, 3, 4].some((k) => cellAt(sheet, row, col + k) !== null)) tables[key.slice(6) as TableKey].push({ row, col: col - 1 });
      continue;
    }
    for (let c = col; c <= b.right; c++) {
      const v = cellAt(sheet, row, c);
      if (v === null || keyOf(v) === key) continue;
      if (key.startsWith("band:")) bands.set(key.slice(5), { row, col: c });
      else settings.set(key, { row, col: c });
      break;
    }
  }
  return { settings, bands, tables };
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
  const { settings, bands, tables } = locate(snapshot);
  const numeric = new Map<string, string>();
  const differs: string[] = [];
  for (const key of SCALARS) {
    const value = methodology[key];
    const at = settings.get(key);
    const cellValue = at ? cellAt(snapshot, at.row, at.col) : null;
    let fragment: string | null = null;
    if (at && typeof cellValue === "number") {
      const percentCell = (PERCENT_KEYS as ReadonlySet<string>).has(key) && (formatAt(snapshot, at.row, at.col) ?? "").includes("%");
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
  /** A number of the range table: its cell when it holds the engine's figure (a percent cell scaled), else the figure. */
  const bandRef = (table: TableKey, i: number, offset: number, expected: number): string => {
    const at = tables[table][i];
    if (!at || methodology[table].length !== tables[table].length) return num(expected);
    const cell = cellAt(snapshot, at.row, at.col + offset);
    if (typeof cell !== "number") return num(expected);
    const percentCell = (formatAt(snapshot, at.row, at.col + offset) ?? "").includes("%");
    const read = percentCell ? cell * 100 : cell;
    if (Math.abs(read - expected) > 1e-9) return num(expected);
    const ref = abs(sheetName, { row: at.row, col: at.col + offset });
    return percentCell ? `(${ref}*100)` : ref;
  };
  const numRef = (key: NumericKey): string => numeric.get(key) ?? num(methodology[key] ?? 0);
  /** A range table as nested IFs over its rows: the last row whose "da" the figure reaches. */
  const tableFormula = (table: TableKey, x: string): string => {
    const rows = methodology[table].map((band, i) => ({ band, i })).sort((a, b) => a.band.from - b.band.from);
    let out = "0";
    for (const { band, i } of rows) {
      const from = bandRef(table, i, 1, band.from);
      const value = bandRef(table, i, 4, band.value);
      let figure = value;
      if (band.mode === "proportional" && band.valueTo !== null && band.to > band.from) {
        const to = bandRef(table, i, 2, band.to);
        const end = bandRef(table, i, 5, band.valueTo);
        figure = `(${value}+(MIN(${x},${to})-${from})/(${to}-${from})*(${end}-${value}))`;
      }
      out = `IF(${x}>=${from},${figure},${out})`;
    }
    return out;
  };
  return {
    num(key) {
      return numRef(key);
    },
    conversion(x) {
      const m = methodology;
      if (m.conversion === "linear") return null;
      if (m.conversion === "thresholds") {
        const [min, ms, target, max, exc] = (["thresholdMin", "thresholdMinScore", "thresholdTarget", "thresholdMax", "thresholdExcellence"] as const).map(numRef);
        const above =
          m.thresholdMax !== null && m.thresholdExcellence !== null && m.thresholdMax > m.thresholdTarget
            ? `IF(${x}<${max},100+(${x}-${target})/(${max}-${target})*(${exc}-100),${exc})`
            : "100";
        return `IF(${x}<${min},0,IF(${x}<${target},${ms}+(${x}-${min})/(${target}-${min})*(100-${ms}),${above}))`;
      }
      return tableFormula("achievementBands", x);
    },
    lateTimeliness(days) {
      return methodology.timelinessRule === "days" ? tableFormula("timelinessBands", days) : null;
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

const BAND_COLUMNS = [
  { key: "key", header: KEY_HEADER },
  { key: "from", header: "Da (%)" },
  { key: "to", header: "A (%)" },
  { key: "mode", header: "Tipo (fisso/proporzionale)" },
  { key: "value", header: "Valore (%)" },
  { key: "valueTo", header: "Valore a fine fascia (%)" },
] as const;

/** Row (zero-based) of the range table's header: two rows below the settings table. */
function bandTableTop(methodology: Methodology): number {
  return TABLE_TOP + methodologyRows(methodology).length + 3;
}

/** Row (zero-based) of the days-late table's header: two rows below the range table. */
function lateTableTop(methodology: Methodology): number {
  return bandTableTop(methodology) + methodology.achievementBands.length + 3;
}

const BAND_TITLE = "Fasce di raggiungimento (conversione «fasce»): da % incluso a % escluso; l'ultima fascia vale anche oltre.";
const LATE_TITLE = "Fasce di ritardo delle fasi (regola «giorni»): giorni di ritardo da (incluso) a (escluso) → rispetto dei tempi %.";
const LATE_COLUMNS = [
  { key: "key", header: KEY_HEADER },
  { key: "from", header: "Da (giorni)" },
  { key: "to", header: "A (giorni)" },
  { key: "mode", header: "Tipo (fisso/proporzionale)" },
  { key: "value", header: "Valore (%)" },
  { key: "valueTo", header: "Valore a fine fascia (%)" },
] as const;

/**
 * The Metodologia sheet the add-in writes when the workbook has none: key | setting | value,
 * then the range table of the "fasce" conversion (Scaglione N | from | to | mode | value | value
 * at the end), then the days-late table of the phases (Ritardo N | …).
 */
export function methodologySheet(name: string, methodology: Methodology): OwnedSheet {
  const rows = methodologyRows(methodology).map(([key, label, value]) => ({
    key: { kind: "text", text: key } as CellContent,
    label: { kind: "text", text: label } as CellContent,
    value: (typeof value === "number" ? { kind: "number", value } : value === "" ? { kind: "empty" } : { kind: "text", text: value }) as CellContent,
  }));
  const spec = new TableLayout(name, "SO_Metodologia", METHODOLOGY_COLUMNS, rows.length).spec(rows);
  const cell = (v: string | number): CellContent => (typeof v === "number" ? { kind: "number", value: v } : v === "" ? { kind: "empty" } : { kind: "text", text: v });
  const tableRows = (table: TableKey) =>
    achievementBandRows(methodology, table).map(([key, from, to, mode, value, valueTo]) => ({
      key: cell(key),
      from: cell(from),
      to: cell(to),
      mode: cell(mode),
      value: cell(value),
      valueTo: cell(valueTo),
    }));
  const top = bandTableTop(methodology);
  const lateTop = lateTableTop(methodology);
  const bandSpec = new TableLayout(name, "SO_Fasce_Raggiungimento", BAND_COLUMNS, methodology.achievementBands.length, 0, top).spec(tableRows("achievementBands"));
  const lateSpec = new TableLayout(name, "SO_Fasce_Ritardo", LATE_COLUMNS, methodology.timelinessBands.length, 0, lateTop).spec(tableRows("timelinessBands"));
  return {
    key: "methodology",
    name,
    keepIfExists: true,
    tables: [spec, bandSpec, lateSpec],
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
      { sheet: name, row: top - 1, col: 0, content: { kind: "text", text: BAND_TITLE }, style: { bold: true } },
      { sheet: name, row: lateTop - 1, col: 0, content: { kind: "text", text: LATE_TITLE }, style: { bold: true } },
    ],
    columnWidths: { 0: 30, 1: 55, 2: 14, 3: 24, 4: 12, 5: 22 },
    freeze: { rows: TABLE_TOP + 1, cols: 0 },
  };
}

/** The snapshot the written Metodologia sheet will have, so that references point at its cells. */
function writtenSnapshot(name: string, methodology: Methodology): SheetSnapshot {
  const rows = methodologyRows(methodology);
  const cells: (string | number | null)[][] = [[null, null, null], [null, null, null], [null, null, null], [KEY_HEADER, "Impostazione", "Valore"]];
  for (const [key, label, value] of rows) cells.push([key, label, value === "" ? null : value]);
  cells.push([null], [BAND_TITLE], BAND_COLUMNS.map((c) => c.header));
  for (const r of achievementBandRows(methodology)) cells.push(r.map((v) => (v === "" ? null : v)));
  cells.push([null], [LATE_TITLE], LATE_COLUMNS.map((c) => c.header));
  for (const r of achievementBandRows(methodology, "timelinessBands")) cells.push(r.map((v) => (v === "" ? null : v)));
  const width = Math.max(...cells.map((r) => r.length));
  return { name, origin: { row: 0, col: 0 }, cells: cells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)) };
}
