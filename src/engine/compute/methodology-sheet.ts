import { cellRange, type SheetRange } from "../cells/a1";
import type { UnreadableCell } from "../model/plan";
import { cellAt, formatAt, snapshotBounds, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { cellText, normalizeLabel } from "../values/text";
import { methodologyProblems, withDefaultsFor, type MethodologyProblem } from "./conversion";
import { DEFAULT_METHODOLOGY, METHODOLOGY_LABELS, MethodologySchema, type AchievementBand, type Methodology } from "./methodology";

/** Name of the sheet holding the methodology (matched ignoring case and accents). */
export const METHODOLOGY_SHEET = "Metodologia";

type Key = keyof Methodology;
type ScalarKey = Exclude<Key, "bands" | TableKey>;
/** The two range tables of the sheet. */
export type TableKey = "achievementBands" | "timelinessBands";

const KEYS = Object.keys(METHODOLOGY_LABELS) as Key[];
const ENUM_KEYS: ReadonlySet<Key> = new Set<Key>(["missingActualInterim", "missingActualFinal", "conversion", "aggregation", "timelinessRule"]);
/** Settings written as a percent, so that 0,5 in a cell formatted "0%" reads as 50 (read and written alike). */
export const PERCENT_KEYS: ReadonlySet<Key> = new Set<Key>([
  "achievementShare",
  "timelinessShare",
  "achievementCap",
  "thresholdMin",
  "thresholdMinScore",
  "thresholdTarget",
  "thresholdMax",
  "thresholdExcellence",
]);

const stripParens = (label: string): string => label.replace(/\s*\([^)]*\)\s*$/, "");

/** Normalized key text → setting. Property names and Italian labels (with or without the "(…)" tail). */
const KEY_LOOKUP: ReadonlyMap<string, Key> = new Map(
  KEYS.flatMap((k) => [
    [normalizeLabel(k), k] as const,
    [normalizeLabel(METHODOLOGY_LABELS[k]), k] as const,
    [normalizeLabel(stripParens(METHODOLOGY_LABELS[k])), k] as const,
  ]),
);

const BAND_KEY = /^(?:fascia|band)\s*[:\-–]?\s*([a-z0-9+]+)/;
/** A row of the range table: "Scaglione 1", "Fascia di raggiungimento 2" (checked before BAND_KEY). */
export const ACHIEVEMENT_BAND_KEY = /^(?:scaglione|fascia (?:di )?raggiungimento)\s*[:\-–]?\s*(\d+)$/;
/** A row of the days-late table: "Ritardo 1", "Fascia di ritardo 2" (checked before BAND_KEY). */
export const TIMELINESS_BAND_KEY = /^(?:ritardo|fascia (?:di )?ritardo)\s*[:\-–]?\s*(\d+)$/;
/** The key of the range tables' rows as written: "Scaglione 1", "Ritardo 1". */
export const TABLE_ROW_KEYS: Record<TableKey, string> = { achievementBands: "Scaglione", timelinessBands: "Ritardo" };

/** Italian words accepted for the missing-value settings. */
const MISSING_WORDS: Record<string, "exclude" | "zero"> = {
  exclude: "exclude",
  escludi: "exclude",
  escluso: "exclude",
  escludere: "exclude",
  esclusione: "exclude",
  zero: "zero",
  "0": "zero",
  "conta zero": "zero",
  "conta 0": "zero",
};
const CONVERSION_WORDS: Record<string, Methodology["conversion"]> = {
  linear: "linear",
  lineare: "linear",
  thresholds: "thresholds",
  soglie: "thresholds",
  soglia: "thresholds",
  bands: "bands",
  fasce: "bands",
  "fasce di raggiungimento": "bands",
};
const AGGREGATION_WORDS: Record<string, Methodology["aggregation"]> = {
  mean: "mean",
  media: "mean",
  "media ponderata": "mean",
  worst: "worst",
  peggiore: "worst",
  minimo: "worst",
  "il peggiore": "worst",
};
const TIMELINESS_WORDS: Record<string, Methodology["timelinessRule"]> = { months: "months", mesi: "months", mese: "months", days: "days", giorni: "days", "fasce di ritardo": "days" };
const ENUM_WORDS: Partial<Record<Key, Record<string, string>>> = {
  timelinessRule: TIMELINESS_WORDS,
  missingActualInterim: MISSING_WORDS,
  missingActualFinal: MISSING_WORDS,
  conversion: CONVERSION_WORDS,
  aggregation: AGGREGATION_WORDS,
};
const ENUM_REASONS: Partial<Record<Key, string>> = {
  missingActualInterim: "valori ammessi: exclude (escludi) oppure zero",
  missingActualFinal: "valori ammessi: exclude (escludi) oppure zero",
  conversion: "valori ammessi: lineare, soglie oppure fasce",
  aggregation: "valori ammessi: media oppure peggiore",
  timelinessRule: "valori ammessi: mesi oppure giorni",
};
const MODE_WORDS: Record<string, AchievementBand["mode"]> = {
  fixed: "fixed",
  fisso: "fixed",
  fissa: "fixed",
  "valore fisso": "fixed",
  proportional: "proportional",
  proporzionale: "proportional",
};

type CellKey = { kind: "setting"; key: Key } | { kind: "band"; band: string } | { kind: "tableRow"; table: TableKey; n: number };

function keyOf(value: CellValue): CellKey | null {
  if (typeof value !== "string") return null;
  const t = normalizeLabel(value);
  const setting = KEY_LOOKUP.get(t);
  if (setting === "bands" || setting === "achievementBands" || setting === "timelinessBands") return null;
  if (setting) return { kind: "setting", key: setting };
  const row = ACHIEVEMENT_BAND_KEY.exec(t);
  if (row) return { kind: "tableRow", table: "achievementBands", n: Number(row[1]) };
  const late = TIMELINESS_BAND_KEY.exec(t);
  if (late) return { kind: "tableRow", table: "timelinessBands", n: Number(late[1]) };
  const band = BAND_KEY.exec(t);
  if (band) return { kind: "band", band: (band[1] as string).toUpperCase() };
  return null;
}

const sameKey = (a: CellKey, b: CellKey): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A number typed as 50, "50", "50%", "50,5", "1.100"; percent cells (0,5 formatted "0%") → 50. */
function readNumber(value: CellValue, format: string | null, percent: boolean): number | null {
  if (typeof value === "number") return percent && format !== null && format.includes("%") ? value * 100 : value;
  if (typeof value !== "string") return null;
  const t = value.trim().replace(/\s+/g, "").replace(/%$/, "");
  let normal: string;
  if (/^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else if (/^[-+]?\d+(?:[.,]\d+)?$/.test(t)) normal = t.replace(",", ".");
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

const BOUNDS: Partial<Record<ScalarKey, [number, number]>> = {
  achievementShare: [0, 100],
  timelinessShare: [0, 100],
  achievementCap: [100, 200],
  deadlinePenaltyPer30Days: [0, 100],
  timelinessPenaltyPerMonth: [0, 100],
  participationTolerance: [0, 10],
  weightTolerance: [0, 1],
  planYear: [2000, 2100],
  thresholdMin: [0, 200],
  thresholdMinScore: [0, 100],
  thresholdTarget: [0, 200],
  thresholdMax: [0, 200],
  thresholdExcellence: [100, 200],
};

/** "un numero tra 100 e 200", for the reason of an unreadable setting. */
function describeRange(key: ScalarKey): string {
  const b = BOUNDS[key];
  return b ? `un numero tra ${b[0]} e ${b[1]}` : "un numero";
}

/** A problem between settings (see methodologyProblems), at the cell to correct. */
export interface LocatedMethodologyProblem extends MethodologyProblem {
  at: SheetRange;
}

export interface MethodologyReading {
  /** The methodology in use: a setting with a problem falls back to its default. */
  methodology: Methodology;
  unreadable: UnreadableCell[];
  /** Settings readable one by one but inconsistent together (the `methodology-invalid` rule). */
  problems: LocatedMethodologyProblem[];
}

/**
 * Reads the methodology from a sheet named "Metodologia": rows of key | value, the key being a
 * setting's property name or its Italian label (METHODOLOGY_LABELS), anywhere on the sheet; a
 * third column is allowed (key | label | value, as `methodologyRows` writes). Bands are rows
 * "Fascia A" | 95; when any is present they replace the default bands. The range table of the
 * "fasce" conversion is rows "Scaglione 1" | from | to | fisso/proporzionale | value | value at
 * the end (the five cells right of the key); when any is present they replace the default table.
 * A value that cannot be read or is out of range becomes an UnreadableCell and the default is
 * kept; an empty value keeps the default. Thresholds out of order, a table with gaps or overlaps
 * are `problems` (at their cells) and the defaults of those settings are used. No sheet → the
 * defaults.
 */
export function readMethodology(snapshots: readonly SheetSnapshot[]): MethodologyReading {
  const sheet = snapshots.find((s) => normalizeLabel(s.name) === normalizeLabel(METHODOLOGY_SHEET));
  const methodology: Methodology = {
    ...DEFAULT_METHODOLOGY,
    bands: DEFAULT_METHODOLOGY.bands.map((b) => ({ ...b })),
    achievementBands: DEFAULT_METHODOLOGY.achievementBands.map((b) => ({ ...b })),
    timelinessBands: DEFAULT_METHODOLOGY.timelinessBands.map((b) => ({ ...b })),
  };
  const unreadable: UnreadableCell[] = [];
  if (!sheet) return { methodology, unreadable, problems: [] };

  const bands: { band: string; min: number }[] = [];
  const tables: Record<TableKey, { band: AchievementBand; at: SheetRange }[]> = { achievementBands: [], timelinessBands: [] };
  const located = new Map<Key, SheetRange>();
  const bounds = snapshotBounds(sheet);
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    let col = bounds.left;
    let key: CellKey | null = null;
    for (; col <= bounds.right; col += 1) {
      key = keyOf(cellAt(sheet, row, col));
      if (key) break;
    }
    if (!key) continue;
    if (key.kind === "tableRow") {
      const read = readAchievementBand(sheet, row, col, unreadable, key.table);
      if (read) tables[key.table].push({ band: read, at: { sheet: sheet.name, top: row, left: col, bottom: row, right: col + 5 } });
      continue;
    }
    // The value is the first cell to the right that is not the same key again (its label).
    let valueCol = -1;
    for (let c = col + 1; c <= bounds.right; c += 1) {
      const v = cellAt(sheet, row, c);
      if (v === null) continue;
      const again = keyOf(v);
      if (again && sameKey(again, key)) continue;
      valueCol = c;
      break;
    }
    if (valueCol < 0) continue;
    const value = cellAt(sheet, row, valueCol);
    const at = cellRange(sheet.name, row, valueCol);
    const text = cellText(value) ?? "";
    const bad = (field: string, reason: string, expected: UnreadableCell["expected"] = "number"): void => {
      unreadable.push({ at, expected, text, reason, field: `methodology.${field}`, objectiveId: null, structure: null });
    };

    if (key.kind === "band") {
      const min = readNumber(value, formatAt(sheet, row, valueCol), false);
      if (min === null) bad(`bands.${key.band}`, "la soglia di una fascia deve essere un numero (punteggio minimo)");
      else bands.push({ band: key.band, min });
      continue;
    }
    const setting = key.key as ScalarKey;
    located.set(setting, at);
    const words = ENUM_WORDS[setting];
    if (ENUM_KEYS.has(setting) && words) {
      const choice = words[normalizeLabel(text)];
      if (choice) (methodology as Record<ScalarKey, unknown>)[setting] = choice;
      else bad(setting, ENUM_REASONS[setting] ?? "valore non ammesso");
      continue;
    }
    const n = readNumber(value, formatAt(sheet, row, valueCol), PERCENT_KEYS.has(setting));
    const parsed = n === null ? null : MethodologySchema.shape[setting].safeParse(n);
    if (parsed && parsed.success) (methodology as Record<ScalarKey, unknown>)[setting] = parsed.data;
    else bad(setting, n === null ? `serve ${describeRange(setting)}` : `fuori dall'intervallo ammesso: serve ${describeRange(setting)}`);
  }
  if (bands.length > 0) methodology.bands = bands.sort((a, b) => b.min - a.min);
  for (const t of ["achievementBands", "timelinessBands"] as const) if (tables[t].length > 0) methodology[t] = tables[t].map((b) => b.band);

  const problems: LocatedMethodologyProblem[] = [];
  for (const p of methodologyProblems(methodology)) {
    const table = p.setting === "achievementBands" || p.setting === "timelinessBands" ? tables[p.setting] : null;
    const at = table && p.band !== null ? table[p.band]?.at : (located.get(p.setting) ?? located.get("thresholdTarget"));
    if (at) problems.push({ ...p, at });
  }
  return { methodology: withDefaultsFor(methodology, problems), unreadable, problems };
}

/** One row of the range table: from | to | mode | value | value at the end, right of the key. */
function readAchievementBand(sheet: SheetSnapshot, row: number, col: number, unreadable: UnreadableCell[], table: TableKey): AchievementBand | null {
  const cell = (k: number): CellValue => cellAt(sheet, row, col + k);
  const numberAt = (k: number): number | null => readNumber(cell(k), formatAt(sheet, row, col + k), true);
  const bad = (k: number, reason: string): null => {
    unreadable.push({
      at: cellRange(sheet.name, row, col + k),
      expected: "number",
      text: cellText(cell(k)) ?? "",
      reason,
      field: `methodology.${table}`,
      objectiveId: null,
      structure: null,
    });
    return null;
  };
  if ([1, 2, 3, 4, 5].every((k) => cell(k) === null)) return null;
  const from = numberAt(1);
  if (from === null || from < 0) return bad(1, "serve l'inizio della fascia, un numero da 0 in su (es. 50)");
  const to = numberAt(2);
  if (to === null || to < 0) return bad(2, "serve la fine della fascia, un numero da 0 in su (es. 80)");
  const mode = MODE_WORDS[normalizeLabel(cellText(cell(3)) ?? "")];
  if (!mode) return bad(3, "valori ammessi: fisso oppure proporzionale");
  const value = numberAt(4);
  if (value === null || value < 0 || value > 200) return bad(4, "serve il valore della fascia, un numero tra 0 e 200");
  if (mode === "fixed") return { from, to, mode, value, valueTo: null };
  // A proportional row's end value; empty is a problem between settings (band-no-end-value).
  const end = cell(5) === null ? null : numberAt(5);
  if (cell(5) !== null && (end === null || end < 0 || end > 200)) return bad(5, "serve il valore a fine fascia, un numero tra 0 e 200");
  return { from, to, mode, value, valueTo: end };
}

/**
 * The methodology as rows for the Metodologia sheet: [key, Italian label, value]. Bands come as
 * one row each ("Fascia A", "Fascia A (punteggio minimo)", 95); an unset plan year is "". The
 * range table is not among them (see `achievementBandRows`). `readMethodology` reads these rows
 * back.
 */
export function methodologyRows(m: Methodology): Array<[key: string, label: string, value: string | number]> {
  const rows: Array<[string, string, string | number]> = [];
  for (const key of KEYS) {
    if (key === "achievementBands" || key === "timelinessBands") continue;
    if (key === "bands") {
      for (const b of [...m.bands].sort((x, y) => y.min - x.min)) rows.push([`Fascia ${b.band}`, `Fascia ${b.band} (punteggio minimo)`, b.min]);
      continue;
    }
    const value = m[key];
    rows.push([key, METHODOLOGY_LABELS[key], value === null ? "" : value]);
  }
  return rows;
}

/** Italian words the sheet shows for the range table's modes. */
export const MODE_LABELS: Record<AchievementBand["mode"], string> = { fixed: "fisso", proportional: "proporzionale" };

/** A range table as rows: ["Scaglione 1", from, to, "fisso"/"proporzionale", value, value at the end or ""] ("Ritardo 1" … for the days late). */
export function achievementBandRows(
  m: Methodology,
  table: TableKey = "achievementBands",
): Array<[key: string, from: number, to: number, mode: string, value: number, valueTo: number | ""]> {
  return m[table].map((b, i) => [`${TABLE_ROW_KEYS[table]} ${i + 1}`, b.from, b.to, MODE_LABELS[b.mode], b.value, b.valueTo ?? ""]);
}
