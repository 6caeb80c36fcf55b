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
      noteHash: z.string().optional(),
      fill: z.string().optional(),
      originalNoteModels: z.array(z.string().nullable()).optional(),
      originalStyleModels: z.array(z.string().nullable()).optional(),
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
  // Lenient on purpose: a fingerprint of another version or shape is ignored (./fingerprint checks it), never a damaged record.
  fingerprints: z.record(z.string(), z.looseObject({ version: z.number() })).optional(),
});

/** An empty record: the add-in owns nothing yet. */
export function emptyOwnershipRecord(): OwnershipRecord {
  return { version: 1, sheets: [], tables: [], flags: [], addedCells: [], sheetKeys: {}, keptSheets: [] };
}

/**
 * Checksum of the record's JSON (FNV-1a, twice 32 bits, hex): stored beside the record so that a
 * record edited by hand or damaged is never trusted. It guards against accidents, not attacks.
 */
export function recordChecksum(json: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822519) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/**
 * Hash of a note the add-in wrote (recordChecksum of its text: 16 hex digits), kept in the
 * record instead of the text (on a 1,000-card book the texts were most of the record). Both
 * hosts read notes as text, and hash them the same way to compare.
 */
export const noteHash = (text: string): string => recordChecksum(text);

/** The hash of the note a recorded flag wrote (from noteHash, or from the text of older records); undefined: none. */
export function flagNoteHash(f: { noteHash?: string; note?: string }): string | undefined {
  if (f.noteHash !== undefined && f.noteHash !== "") return f.noteHash;
  if (f.note !== undefined && f.note !== "") return noteHash(f.note);
  return undefined;
}

/** The record as JSON chunks for column A of STATE_SHEET, row 1 down (with its checksum). */
export function encodeOwnershipRecord(record: OwnershipRecord): string[] {
  const body = JSON.stringify(record);
  const json = `${body.slice(0, -1)}${body.length > 2 ? "," : ""}"checksum":"${recordChecksum(body)}"}`;
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
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { status: "unreadable", record: null };
  // The checksum covers the rest of the record as written (a record of an older version has none).
  const { checksum, ...rest } = parsed as Record<string, unknown>;
  if (checksum !== undefined && checksum !== recordChecksum(JSON.stringify(rest))) return { status: "unreadable", record: null };
  const result = OwnershipRecordSchema.safeParse(rest);
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

/**
 * What a host knows of a sheet to tell whose it is: its name and the Excel tables on it. Table
 * names are unique in a workbook, move with the sheet when it is renamed, get a new name when
 * the sheet is copied, and go when it is deleted: a sheet holding a table the add-in created is
 * the add-in's sheet, which a user cannot make by accident (a new sheet with the same name, a
 * sheet whose A1 happens to read like the marker).
 */
export interface SheetIdentity {
  name: string;
  tables: readonly string[];
  /** The sheet's A1 when the host read it (undefined: not known). */
  a1?: unknown;
  /** The sheet holds no value at all (undefined: not known). */
  empty?: boolean;
}

/**
 * The add-in's sheets that hold no table of their own (Riepilogo: blocks per structure;
 * Relazione): their identity is the record's key plus the A1 marker (when the host read A1),
 * since there is no table to carry it.
 */
const TABLELESS_KEYS = ["summary", "report"] as const;

/** Prefix of the add-in's table names (SO_Verifica, SO_Punteggi…; "_2", "_3"… added when a user table had the name). */
const OWNED_TABLE_PREFIX = "so_";

/**
 * True for a generated sheet that lost its record (a copied workbook, an older state): the A1
 * marker *and* a table of the add-in (SO_…). The marker alone is text anybody may type.
 */
export function isGeneratedSheet(a1: unknown, tables: readonly string[]): boolean {
  return typeof a1 === "string" && a1.startsWith(OWNED_SHEET_MARKER) && tables.some((t) => t.toLowerCase().startsWith(OWNED_TABLE_PREFIX));
}

/**
 * The record reduced to what is still the add-in's in the workbook as it is now: a recorded
 * sheet counts only when the sheet of that name holds one of the recorded tables (the user
 * deleted it and made their own of that name, or renamed it to keep it: it is no longer the
 * add-in's). Flags and added cells are checked cell by cell when undone (fill, note and value
 * must still be what the add-in wrote). `lost` lists the recorded sheets no longer owned.
 */
export function verifyOwnershipRecord(record: OwnershipRecord, sheets: readonly SheetIdentity[]): { record: OwnershipRecord; lost: string[] } {
  const recorded = new Set(record.tables.map((t) => t.toLowerCase()));
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const owned: string[] = [];
  const lost: string[] = [];
  const tableless = new Set(TABLELESS_KEYS.map((k) => record.sheetKeys?.[k]?.toLowerCase()).filter((n): n is string => n !== undefined));
  for (const name of record.sheets) {
    const sheet = byName.get(name.toLowerCase());
    if (!sheet) continue;
    const markerKept = sheet.a1 === undefined || (typeof sheet.a1 === "string" && sheet.a1.startsWith(OWNED_SHEET_MARKER));
    if (sheet.tables.some((t) => recorded.has(t.toLowerCase()))) owned.push(name);
    else if (tableless.has(name.toLowerCase()) && sheet.tables.length === 0 && markerKept) owned.push(name);
    // Added by a write that stopped before its table was named or filled: no value in it to lose.
    else if (sheet.empty === true) owned.push(name);
    else lost.push(sheet.name);
  }
  const ownedSet = new Set(owned.map((n) => n.toLowerCase()));
  const tables = sheets.filter((s) => ownedSet.has(s.name.toLowerCase())).flatMap((s) => s.tables.filter((t) => recorded.has(t.toLowerCase())));
  const verified: OwnershipRecord = { ...record, sheets: owned, tables };
  if (record.sheetKeys) {
    const keys: NonNullable<OwnershipRecord["sheetKeys"]> = {};
    for (const [k, v] of Object.entries(record.sheetKeys)) if (v !== undefined && ownedSet.has(v.toLowerCase())) keys[k as keyof typeof keys] = v;
    verified.sheetKeys = keys;
  }
  return { record: verified, lost };
}

/**
 * The state sheet's snapshot with the record verified against the workbook's sheets (their
 * tables, as the host found them): the engine then never takes a user sheet that now has a
 * recorded name for the add-in's, nor leaves it out of the analysis. Unchanged when the record
 * is not readable or the check drops nothing. Both hosts pass their state sheet through this.
 */
export function verifiedStateSnapshot(state: SheetSnapshot, sheets: readonly SheetIdentity[]): SheetSnapshot {
  const decoded = decodeOwnershipRecord(stateChunks(state));
  if (decoded.status !== "ok") return state;
  const verified = verifyOwnershipRecord(decoded.record, sheets);
  if (verified.lost.length === 0) return state;
  return { name: state.name, origin: { row: 0, col: 0 }, cells: encodeOwnershipRecord(verified.record).map((c) => [c]) };
}

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
