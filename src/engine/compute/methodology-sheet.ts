import { cellRange } from "../cells/a1";
import type { UnreadableCell } from "../model/plan";
import { cellAt, formatAt, snapshotBounds, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { cellText, normalizeLabel } from "../values/text";
import { DEFAULT_METHODOLOGY, METHODOLOGY_LABELS, MethodologySchema, type Methodology } from "./methodology";

/** Name of the sheet holding the methodology (matched ignoring case and accents). */
export const METHODOLOGY_SHEET = "Metodologia";

type Key = keyof Methodology;
type ScalarKey = Exclude<Key, "bands">;

const KEYS = Object.keys(METHODOLOGY_LABELS) as Key[];
const ENUM_KEYS: ReadonlySet<Key> = new Set<Key>(["missingActualInterim", "missingActualFinal"]);
/** Settings written as a percent, so that 0,5 in a cell formatted "0%" reads as 50. */
const PERCENT_KEYS: ReadonlySet<Key> = new Set<Key>(["achievementShare", "timelinessShare", "achievementCap"]);

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

/** Italian words accepted for the missing-value settings. */
const ENUM_WORDS: Record<string, "exclude" | "zero"> = {
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

type CellKey = { kind: "setting"; key: Key } | { kind: "band"; band: string };

function keyOf(value: CellValue): CellKey | null {
  if (typeof value !== "string") return null;
  const t = normalizeLabel(value);
  const setting = KEY_LOOKUP.get(t);
  if (setting === "bands") return null;
  if (setting) return { kind: "setting", key: setting };
  const band = BAND_KEY.exec(t);
  if (band) return { kind: "band", band: (band[1] as string).toUpperCase() };
  return null;
}

const sameKey = (a: CellKey, b: CellKey): boolean =>
  a.kind === b.kind && (a.kind === "setting" ? a.key === (b as typeof a).key : a.band === (b as typeof a).band);

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
};

/** "un numero tra 100 e 200", for the reason of an unreadable setting. */
function describeRange(key: ScalarKey): string {
  const b = BOUNDS[key];
  return b ? `un numero tra ${b[0]} e ${b[1]}` : "un numero";
}

/**
 * Reads the methodology from a sheet named "Metodologia": rows of key | value, the key being a
 * setting's property name or its Italian label (METHODOLOGY_LABELS), anywhere on the sheet; a
 * third column is allowed (key | label | value, as `methodologyRows` writes). Bands are rows
 * "Fascia A" | 95; when any is present they replace the default bands. A value that cannot be read
 * or is out of range becomes an UnreadableCell and the default is kept; an empty value keeps the
 * default. No sheet → the defaults.
 */
export function readMethodology(snapshots: readonly SheetSnapshot[]): { methodology: Methodology; unreadable: UnreadableCell[] } {
  const sheet = snapshots.find((s) => normalizeLabel(s.name) === normalizeLabel(METHODOLOGY_SHEET));
  const methodology: Methodology = { ...DEFAULT_METHODOLOGY, bands: DEFAULT_METHODOLOGY.bands.map((b) => ({ ...b })) };
  const unreadable: UnreadableCell[] = [];
  if (!sheet) return { methodology, unreadable };

  const bands: { band: string; min: number }[] = [];
  const bounds = snapshotBounds(sheet);
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    let col = bounds.left;
    let key: CellKey | null = null;
    for (; col <= bounds.right; col += 1) {
      key = keyOf(cellAt(sheet, row, col));
      if (key) break;
    }
    if (!key) continue;
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
    if (ENUM_KEYS.has(setting)) {
      const choice = ENUM_WORDS[normalizeLabel(text)];
      if (choice) (methodology as Record<ScalarKey, unknown>)[setting] = choice;
      else bad(setting, "valori ammessi: exclude (escludi) oppure zero");
      continue;
    }
    const n = readNumber(value, formatAt(sheet, row, valueCol), PERCENT_KEYS.has(setting));
    const parsed = n === null ? null : MethodologySchema.shape[setting].safeParse(n);
    if (parsed && parsed.success) (methodology as Record<ScalarKey, unknown>)[setting] = parsed.data;
    else bad(setting, n === null ? `serve ${describeRange(setting)}` : `fuori dall'intervallo ammesso: serve ${describeRange(setting)}`);
  }
  if (bands.length > 0) methodology.bands = bands.sort((a, b) => b.min - a.min);
  return { methodology, unreadable };
}

/**
 * The methodology as rows for the Metodologia sheet: [key, Italian label, value]. Bands come as
 * one row each ("Fascia A", "Fascia A (punteggio minimo)", 95); an unset plan year is "".
 * `readMethodology` reads these rows back.
 */
export function methodologyRows(m: Methodology): Array<[key: string, label: string, value: string | number]> {
  const rows: Array<[string, string, string | number]> = [];
  for (const key of KEYS) {
    if (key === "bands") {
      for (const b of [...m.bands].sort((x, y) => y.min - x.min)) rows.push([`Fascia ${b.band}`, `Fascia ${b.band} (punteggio minimo)`, b.min]);
      continue;
    }
    const value = m[key];
    rows.push([key, METHODOLOGY_LABELS[key], value === null ? "" : value]);
  }
  return rows;
}
