import type { Override } from "../compute/types";
import { cellAt, formatAt, snapshotBounds, type SheetSnapshot } from "../model/snapshot";
import { cellText, normalizeLabel } from "../values/text";
import { hasOwnedSheetMarker, readOwnershipRecord } from "./ownership";
import { SCORE_HEADERS } from "./scores";

const ID = normalizeLabel(SCORE_HEADERS.id);
const VALUE = normalizeLabel(SCORE_HEADERS.override);
const NOTE = normalizeLabel(SCORE_HEADERS.overrideNote);

/**
 * The Nucleo's overrides typed on the add-in's Punteggi sheet ("Valutazione Nucleo" and "Nota
 * Nucleo" beside each objective), so that the next run keeps them. Only the add-in's own sheet
 * counts (named in the ownership record, or carrying the generated-sheet marker in A1): a user
 * sheet that happens to be called "Punteggi" is not read. A value in a cell formatted as percent
 * (0,9) is 90; a plain number is taken as points (90); text such as "90%" or "90,5" is read too.
 * Rows without an id or a readable value are skipped; a note alone is no override.
 */
export function readOverrides(snapshots: readonly SheetSnapshot[]): Override[] {
  const record = readOwnershipRecord(snapshots).record;
  const scoresName = record?.sheetKeys?.scores?.toLowerCase();
  const candidates = snapshots.filter((s) => (scoresName !== undefined && s.name.toLowerCase() === scoresName) || hasOwnedSheetMarker(s));
  const out: Override[] = [];
  const seen = new Set<string>();
  for (const sheet of candidates) {
    const b = snapshotBounds(sheet);
    for (let row = b.top; row <= b.bottom; row++) {
      let idCol = -1;
      let valueCol = -1;
      let noteCol = -1;
      for (let col = b.left; col <= b.right; col++) {
        const v = cellAt(sheet, row, col);
        if (typeof v !== "string") continue;
        const l = normalizeLabel(v);
        if (l === ID && idCol < 0) idCol = col;
        else if (l === VALUE && valueCol < 0) valueCol = col;
        else if (l === NOTE && noteCol < 0) noteCol = col;
      }
      if (idCol < 0 || valueCol < 0) continue;
      for (let r = row + 1; r <= b.bottom; r++) {
        const id = cellText(cellAt(sheet, r, idCol));
        if (id === null) break;
        const value = readOverrideValue(cellAt(sheet, r, valueCol), formatAt(sheet, r, valueCol));
        if (value === null || seen.has(id)) continue;
        seen.add(id);
        const note = noteCol < 0 ? null : cellText(cellAt(sheet, r, noteCol));
        out.push({ objectiveId: id, value, note });
      }
      break;
    }
  }
  return out;
}

/** 0,9 formatted as percent → 90; 90 → 90; "90%", "90,5" → 90, 90.5; anything else → null. */
export function readOverrideValue(value: unknown, format: string | null): number | null {
  let n: number | null = null;
  if (typeof value === "number" && Number.isFinite(value)) n = format !== null && format.includes("%") ? value * 100 : value;
  else if (typeof value === "string") {
    const t = value.trim().replace(/\s+/g, "");
    const m = /^(\d+(?:[.,]\d+)?)%?$/.exec(t);
    if (m) n = Number((m[1] as string).replace(",", "."));
  }
  if (n === null || n < 0 || n > 200) return null;
  return Math.round(n * 1e9) / 1e9;
}
