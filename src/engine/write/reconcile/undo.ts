/**
 * Undo of the previous run, in scope: flags (later ones first, so each cell ends with its
 * original), the add-in's comments, and the cells it added. Each cell is given back only where
 * it still holds what the add-in wrote: a cell the user re-coloured keeps the user's colour, a
 * note the user edited stays, an added header the user changed stays.
 */
import { toA1 } from "../../cells/a1";
import { type Draft, exists, infoOf, touch, writable } from "./draft";
import { sameColor, tokenColor } from "./fill-tokens";
import { boundsOf, cellBounds, cellKey, intersects, sameSheet } from "./keys";
import { flagNoteHash, noteHash } from "../ownership";
import { hostMessage } from "./messages";
import type { CellNow, NoteIndex, RecordCell, RecordFlag, WriteMode } from "./types";

/** Text the add-in's comments start with (see engine/write/flags noteText). */
export const ANNOTATION_MARKER = "Schede Obiettivo ·";

/** The previous flags a mode undoes: all of them, or those touching the card being refreshed. */
export function undoneFlags(mode: WriteMode, flags: readonly RecordFlag[]): RecordFlag[] {
  if (mode.kind !== "flags") return [...flags];
  return flags.filter((f) => sameSheet(f.sheet, mode.scope.sheet) && intersects(f, mode.scope));
}

/**
 * A plan built without the ownership record (`ownershipSeen: false`) took the add-in's earlier
 * review headers for the user's and did not list them again: they stay where they are, and stay
 * the add-in's, so `clear` still removes them.
 */
export const keepsAddedCells = (mode: WriteMode): boolean => mode.kind === "flags" || (mode.kind === "apply" && mode.plan.ownershipSeen === false);

/** Where a flag is now: rows and columns it moved by, or null when it moved and was not found. */
export type FlagOffset = { rows: number; cols: number } | null;

/**
 * Where each previous flag is now, by its top-left cell. Rows or columns inserted above a flag
 * move it, and undoing it where it was recorded would paint another cell. The note the add-in
 * wrote tells (compared by hash, see noteHash): on the recorded cell → in place; else, when the
 * host indexed the sheet's notes, the one cell holding exactly that note → moved there; else, when the cell shows the note of
 * another flag → moved, not found (left alone); else (the user edited or removed the note) →
 * in place, fills given back only where still the add-in's. Flags without a note (a host
 * without notes wrote them) are undone where recorded.
 */
export function flagOffsets(d: Pick<Draft, "state" | "annotation">, flags: readonly RecordFlag[]): Map<RecordFlag, FlagOffset> {
  const recorded = new Map<string, string[]>();
  for (const f of flags) {
    const hash = flagNoteHash(f);
    if (hash === undefined) continue;
    const k = cellKey(f.sheet, f.top, f.left);
    recorded.set(k, [...(recorded.get(k) ?? []), hash]);
  }
  const allNotes = new Set([...recorded.values()].flat());
  const out = new Map<RecordFlag, FlagOffset>();
  const hashed = new Map<string, NoteIndex | undefined>();
  const indexOf = (sheet: string): NoteIndex | undefined => {
    const key = sheet.toLowerCase();
    if (!hashed.has(key)) hashed.set(key, hashedIndex(d.state.noteIndex?.get(key)));
    return hashed.get(key);
  };
  for (const f of flags) {
    const own = recorded.get(cellKey(f.sheet, f.top, f.left)) ?? [];
    if (d.annotation !== "note" || own.length === 0) {
      out.set(f, { rows: 0, cols: 0 });
      continue;
    }
    const now = d.state.notes.get(cellKey(f.sheet, f.top, f.left));
    const nowHash = now === undefined || now === null ? null : noteHash(now.text);
    if (now === undefined || (nowHash !== null && own.includes(nowHash))) {
      out.set(f, { rows: 0, cols: 0 });
      continue;
    }
    const index = indexOf(f.sheet);
    const found = index ? own.flatMap((n) => index.get(n) ?? []) : [];
    if (found.length === 1) {
      const at = found[0] as { row: number; col: number };
      out.set(f, { rows: at.row - f.top, cols: at.col - f.left });
    } else if (nowHash !== null && allNotes.has(nowHash)) out.set(f, null);
    else out.set(f, { rows: 0, cols: 0 });
  }
  return out;
}

/** A host's note index (by text) keyed by the notes' hashes, as the record keeps them. */
function hashedIndex(index: NoteIndex | undefined): NoteIndex | undefined {
  if (index === undefined) return undefined;
  const out = new Map<string, Array<{ row: number; col: number }>>();
  for (const [text, cells] of index) {
    const hash = noteHash(text);
    out.set(hash, [...(out.get(hash) ?? []), ...cells]);
  }
  return out;
}

/** A flag moved by an offset. */
export const moveFlag = (f: RecordFlag, o: { rows: number; cols: number }): RecordFlag =>
  o.rows === 0 && o.cols === 0 ? f : { ...f, top: f.top + o.rows, bottom: f.bottom + o.rows, left: f.left + o.cols, right: f.right + o.cols };

export function undoFlags(d: Draft): void {
  const undone = new Set(undoneFlags(d.mode, d.prev.flags));
  const offsets = flagOffsets(d, [...undone]);
  const lost = new Set<string>();
  for (const recorded of [...d.prev.flags].reverse()) {
    if (!exists(d, recorded.sheet)) continue; // the sheet is gone, and the flag with it
    if (!undone.has(recorded) || !writable(d, recorded.sheet)) {
      d.next.carriedFlags.unshift(recorded);
      continue;
    }
    const offset = offsets.get(recorded);
    if (offset === null || offset === undefined) {
      const name = infoOf(d, recorded.sheet)?.name ?? recorded.sheet;
      if (!lost.has(name.toLowerCase())) {
        lost.add(name.toLowerCase());
        d.messages.push(hostMessage("flag-not-found", { sheet: name }));
      }
      continue;
    }
    const f = moveFlag(recorded, offset);
    d.report.flagsRemoved++;
    touch(d, f.sheet, f);
    const width = f.right - f.left + 1;
    const height = f.bottom - f.top + 1;
    const fills: (string | null | undefined)[][] = [];
    const styles: (string | undefined)[][] = [];
    let anyFill = false;
    let anyStyle = false;
    for (let r = 0; r < height; r++) {
      const fillRow: (string | null | undefined)[] = [];
      const styleRow: (string | undefined)[] = [];
      for (let c = 0; c < width; c++) {
        const i = r * width + c;
        const k = cellKey(f.sheet, f.top + r, f.left + c);
        const now = d.fills.get(k);
        // Only cells that still show the add-in's fill: a cell re-coloured since keeps its colour.
        const ours = f.fill === undefined || sameColor(now?.color, f.fill);
        if (ours && i < f.originalFills.length) {
          const token = f.originalFills[i] ?? null;
          // A cell still empty gets its whole recorded style back (hosts that recorded one).
          const style = now?.empty === true ? (f.originalStyleModels?.[i] ?? undefined) : undefined;
          fillRow.push(token);
          styleRow.push(style ?? undefined);
          if (style !== undefined && style !== null) anyStyle = true;
          d.fills.set(k, { color: tokenColor(token), token, ...(now?.empty !== undefined ? { empty: now.empty } : {}), ...(style ? { style } : {}) });
          anyFill = true;
        } else {
          fillRow.push(undefined);
          styleRow.push(undefined);
        }
      }
      fills.push(fillRow);
      styles.push(styleRow);
    }
    if (anyFill) d.ops.undo.push({ kind: "restoreFills", sheet: f.sheet, bounds: boundsOf(f), fills, ...(anyStyle ? { styles } : {}) });
    const hash = flagNoteHash(f);
    if (hash !== undefined && f.originalNotes.length > 0) {
      if (d.annotation === "note") {
        const k = cellKey(f.sheet, f.top, f.left);
        const now = d.notes.get(k);
        // The user's note comes back only if the cell still shows the add-in's text.
        if (now !== undefined && now !== null && noteHash(now.text) === hash) {
          const text = f.originalNotes[0] ?? null;
          const model = f.originalNoteModels?.[0] ?? undefined;
          d.ops.undo.push({ kind: "note", sheet: f.sheet, row: f.top, col: f.left, text, now: now.text, ...(model ? { model } : {}) });
          d.notes.set(k, text === null ? null : { text, ...(model ? { model } : {}) });
        }
      } else {
        // This host cannot touch notes: keep the note part for a host that can.
        d.next.carriedFlags.push({ ...recorded, originalFills: [] });
      }
    }
  }
}

/** The add-in's threaded comments in scope go; the cells holding other comments are noted. */
export function undoComments(d: Draft): Set<string> {
  const commentCells = new Set<string>();
  for (const c of d.state.comments) {
    const ours = c.content.startsWith(ANNOTATION_MARKER);
    const inScope =
      d.mode.kind !== "flags" || (c.sheet !== null && sameSheet(c.sheet, d.mode.scope.sheet) && intersects(cellBounds(c.row, c.col), d.mode.scope));
    if (ours && inScope) d.ops.undo.push({ kind: "deleteComment", id: c.id });
    else if (c.sheet !== null) commentCells.add(cellKey(c.sheet, c.row, c.col));
  }
  return commentCells;
}

/** The plain value of a cell now, as the record's `written` compares it. */
export function plainNow(now: CellNow | undefined): string | number | boolean | null {
  if (now === undefined) return null;
  if (typeof now.formula === "string" && now.formula.startsWith("=") && now.formula !== now.value) return now.formula;
  const v = now.value;
  if (v === "" || v === null || v === undefined) return null;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

/** Whether a cell still holds what the add-in wrote (`written` as in the record; absent: yes). */
export function stillWritten(now: CellNow | undefined, written: RecordCell["written"]): boolean {
  if (written === undefined) return true;
  return plainNow(now) === written;
}

/** The previous added cells go where they still hold what was written; a changed one stays, said. */
export function undoAddedCells(d: Draft): void {
  if (keepsAddedCells(d.mode)) {
    d.next.carriedCells.push(...d.prev.addedCells);
    return;
  }
  for (const c of d.prev.addedCells) {
    if (!exists(d, c.sheet)) continue;
    if (!writable(d, c.sheet)) {
      d.next.carriedCells.push(c);
      continue;
    }
    const k = cellKey(c.sheet, c.row, c.col);
    const now = d.state.cells.get(k);
    // Already empty (a write stopped before it, or the user emptied it): nothing to give back.
    if (now !== undefined && plainNow(now) === null) continue;
    if (!stillWritten(now, c.written)) {
      d.messages.push(hostMessage("added-cell-kept", { sheet: infoOf(d, c.sheet)?.name ?? c.sheet, range: toA1({ row: c.row, col: c.col }) }));
      continue;
    }
    d.ops.undo.push({ kind: "clearCell", sheet: c.sheet, row: c.row, col: c.col });
    d.cleared.add(k);
    touch(d, c.sheet, cellBounds(c.row, c.col));
    d.report.cellsRemoved++;
  }
}
