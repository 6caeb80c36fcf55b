import { z } from "zod";
import { normalizeFill, type SheetSnapshot } from "../model/snapshot";
import { STATE_CHUNK, STATE_SHEET, type OwnershipRecord } from "./types";

/**
 * The ownership record, stored by both hosts on the very hidden STATE_SHEET as JSON split into
 * chunks in column A. Parsed with zod because it comes from a file anybody may have edited:
 * a damaged record means "nothing is known to be ours", never a crash or a deleted user sheet.
 */
const KeySchema = z.enum(["findings", "scores", "objectives", "phases", "indicators", "schedule", "staff", "methodology", "summary", "report"]);

const OwnershipRecordSchema = z.object({
  version: z.literal(1),
  sheets: z.array(z.string()),
  tables: z.array(z.string()),
  flags: z.array(
    z.object({
      sheet: z.string(),
      top: z.number().int().min(0),
      left: z.number().int().min(0),
      bottom: z.number().int().min(0),
      right: z.number().int().min(0),
      originalFills: z.array(z.string().nullable()),
      originalNotes: z.array(z.string().nullable()),
      note: z.string().optional(),
      fill: z.string().optional(),
      originalNoteModels: z.array(z.string().nullable()).optional(),
    }),
  ),
  addedCells: z.array(
    z.object({
      sheet: z.string(),
      row: z.number().int().min(0),
      col: z.number().int().min(0),
      written: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    }),
  ),
  sheetKeys: z.partialRecord(KeySchema, z.string()).optional(),
  keptSheets: z.array(z.string()).optional(),
});

/** An empty record: the add-in owns nothing yet. */
export function emptyOwnershipRecord(): OwnershipRecord {
  return { version: 1, sheets: [], tables: [], flags: [], addedCells: [], sheetKeys: {}, keptSheets: [] };
}

/** The record as JSON chunks for column A of STATE_SHEET, row 1 down. */
export function encodeOwnershipRecord(record: OwnershipRecord): string[] {
  const json = JSON.stringify(record);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STATE_CHUNK) chunks.push(json.slice(i, i + STATE_CHUNK));
  return chunks;
}

/** What was found on STATE_SHEET. */
export type OwnershipState =
  | { status: "absent"; record: null }
  | { status: "ok"; record: OwnershipRecord }
  | { status: "unreadable"; record: null };

/** Chunks (column A, top down; null/empty cells end the record) → the record. */
export function decodeOwnershipRecord(chunks: readonly unknown[]): OwnershipState {
  let json = "";
  for (const c of chunks) {
    if (typeof c !== "string" || c === "") break;
    json += c;
  }
  if (json === "") return { status: "absent", record: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { status: "unreadable", record: null };
  }
  const result = OwnershipRecordSchema.safeParse(parsed);
  if (!result.success) return { status: "unreadable", record: null };
  return { status: "ok", record: result.data as OwnershipRecord };
}

/** Column A of a STATE_SHEET snapshot, top down from row 1. */
export function stateChunks(snapshot: SheetSnapshot): unknown[] {
  const out: unknown[] = [];
  if (snapshot.origin.col !== 0 || snapshot.origin.row !== 0) return out;
  for (const row of snapshot.cells) out.push(row[0] ?? null);
  return out;
}

/** True for the add-in's state sheet (matched like Excel matches names, ignoring case). */
export function isStateSheetName(name: string): boolean {
  return name.toLowerCase() === STATE_SHEET.toLowerCase();
}

/** The record found among snapshots (hosts that read SO_Stato add its snapshot). */
export function readOwnershipRecord(snapshots: readonly SheetSnapshot[]): OwnershipState {
  const state = snapshots.find((s) => isStateSheetName(s.name));
  if (!state) return { status: "absent", record: null };
  return decodeOwnershipRecord(stateChunks(state));
}

/**
 * Text in cell A1 of every sheet the add-in writes: it says the sheet is generated, and it lets
 * readers recognise an add-in sheet even when the state sheet is missing (a copied sheet, a host
 * that does not pass SO_Stato), so that its tables are never read as cards.
 */
export const OWNED_SHEET_MARKER = "Schede Obiettivo ·";

/** True when the snapshot is one of the add-in's generated sheets (by its A1 marker). */
export function hasOwnedSheetMarker(snapshot: SheetSnapshot): boolean {
  if (snapshot.origin.row !== 0 || snapshot.origin.col !== 0) return false;
  const a1 = snapshot.cells[0]?.[0];
  return typeof a1 === "string" && a1.startsWith(OWNED_SHEET_MARKER);
}

/**
 * The snapshots that hold the user's cards: without the state sheet, the add-in's generated
 * sheets (by the record, or by their marker) and the Metodologia sheet (settings, read apart by
 * the methodology reader). Give these to the plan reader so that the add-in's own tables are
 * never read back as cards.
 */
export function userSnapshots(snapshots: readonly SheetSnapshot[], state?: OwnershipState): SheetSnapshot[] {
  const record = (state ?? readOwnershipRecord(snapshots)).record;
  const skip = new Set((record?.sheets ?? []).map((s) => s.toLowerCase()));
  skip.add((record?.sheetKeys?.methodology ?? METHODOLOGY_SHEET).toLowerCase());
  const users = snapshots.filter((s) => !isStateSheetName(s.name) && !skip.has(s.name.toLowerCase()) && !hasOwnedSheetMarker(s));
  return record && record.flags.length > 0 ? users.map((s) => withoutFlagFills(s, record)) : users;
}

/**
 * The sheet with the fills the add-in's flags painted replaced by the user's own (from the
 * record's `originalFills`): a flagged month cell must not read as a cronoprogramma mark. A cell
 * the user re-coloured since keeps the user's colour.
 */
function withoutFlagFills(sheet: SheetSnapshot, record: OwnershipRecord): SheetSnapshot {
  if (!sheet.fills) return sheet;
  const name = sheet.name.toLowerCase();
  const flags = record.flags.filter((f) => f.sheet.toLowerCase() === name && f.fill !== undefined);
  if (flags.length === 0) return sheet;
  const fills = sheet.fills.map((r) => r);
  const copied = new Set<number>();
  for (const f of flags) {
    const painted = normalizeFill(f.fill);
    const width = f.right - f.left + 1;
    for (let row = f.top; row <= f.bottom; row++) {
      const ri = row - sheet.origin.row;
      const line = fills[ri];
      if (!line) continue;
      for (let col = f.left; col <= f.right; col++) {
        const ci = col - sheet.origin.col;
        if (ci < 0 || ci >= line.length || line[ci] !== painted) continue;
        if (!copied.has(ri)) {
          fills[ri] = [...(fills[ri] as (string | null)[])];
          copied.add(ri);
        }
        (fills[ri] as (string | null)[])[ci] = originalFill(f.originalFills[(row - f.top) * width + (col - f.left)] ?? null);
      }
    }
  }
  return { ...sheet, fills };
}

/** A recorded original fill ("#RRGGBB" or an ExcelJS fill model as JSON) as the snapshot's fill. */
function originalFill(original: string | null): string | null {
  if (original === null) return null;
  if (!original.startsWith("{")) return normalizeFill(original);
  try {
    const model = JSON.parse(original) as { type?: string; pattern?: string; fgColor?: { argb?: string } };
    return model.type === "pattern" && model.pattern !== "none" ? normalizeFill(model.fgColor?.argb) : null;
  } catch {
    return null;
  }
}

/** Name of the methodology sheet (the methodology reader looks for it). */
export const METHODOLOGY_SHEET = "Metodologia";
