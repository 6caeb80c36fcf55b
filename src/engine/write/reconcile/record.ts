/**
 * The record of what the add-in owns after this write, stored on the very hidden SO_Stato in
 * one write of column A (an interrupted write never leaves half a record).
 */
import { encodeOwnershipRecord } from "../ownership";
import { STATE_SHEET, type OwnershipRecord } from "../types";
import { COLUMN_A, type Draft, infoOf, touch } from "./draft";
import { dedupe } from "./sheets";

/** The record the draft leaves. */
export function nextRecord(d: Draft): OwnershipRecord {
  const record: OwnershipRecord = {
    version: 1,
    sheets: dedupe(d.next.sheets),
    tables: dedupe(d.next.tables),
    flags: [...d.next.carriedFlags, ...d.next.flags],
    addedCells: [...d.next.carriedCells, ...d.next.cells],
  };
  if (Object.keys(d.next.sheetKeys).length > 0) record.sheetKeys = { ...d.next.sheetKeys };
  const kept = dedupe(d.next.keptSheets);
  if (kept.length > 0) record.keptSheets = kept;
  const fingerprints = nextFingerprints(d, record.sheets);
  if (Object.keys(fingerprints).length > 0) record.fingerprints = fingerprints;
  return record;
}

/**
 * The fingerprint of each owned sheet: the plan's for a sheet this program writes, the previous
 * record's for one it keeps as it is (a kept Metodologia, every sheet when only flags change).
 */
function nextFingerprints(d: Draft, sheets: readonly string[]): NonNullable<OwnershipRecord["fingerprints"]> {
  const out: NonNullable<OwnershipRecord["fingerprints"]> = {};
  const written = new Set(d.report.sheetsWritten.map((n) => n.toLowerCase()));
  const planned = new Map(d.mode.kind === "apply" ? d.mode.plan.sheets.map((s) => [s.name.toLowerCase(), s.fingerprint] as const) : []);
  const previous = new Map(Object.entries(d.prev.fingerprints ?? {}).map(([name, fp]) => [name.toLowerCase(), fp] as const));
  for (const name of sheets) {
    const key = name.toLowerCase();
    const fingerprint = written.has(key) ? planned.get(key) : previous.get(key);
    if (fingerprint) out[name] = fingerprint;
  }
  return out;
}

export const ownsNothing = (r: OwnershipRecord): boolean => r.sheets.length === 0 && r.flags.length === 0 && r.addedCells.length === 0;

/** The operations that store `record`, or remove the state sheet when `clear` left nothing owned. */
export function recordOps(d: Draft, record: OwnershipRecord): boolean {
  const stateInfo = infoOf(d, STATE_SHEET);
  const keep = d.mode.kind !== "clear" || !ownsNothing(record);
  if (!keep) {
    if (stateInfo) d.ops.tail.push({ kind: "deleteSheet", sheet: stateInfo.name, ...(stateInfo.visibility === "VeryHidden" ? { veryHidden: true } : {}) });
    return false;
  }
  touch(d, STATE_SHEET, COLUMN_A);
  const chunks = encodeOwnershipRecord(record);
  if (!stateInfo) d.ops.record.push({ kind: "addSheet", sheet: STATE_SHEET, veryHidden: true });
  else if (stateInfo.visibility !== "VeryHidden") d.ops.record.push({ kind: "hideSheet", sheet: stateInfo.name });
  d.ops.record.push({ kind: "writeRecord", sheet: stateInfo?.name ?? STATE_SHEET, chunks, rows: Math.max(chunks.length, d.state.recordRows) });
  return true;
}
