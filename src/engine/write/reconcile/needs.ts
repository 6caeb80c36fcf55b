/**
 * What a host must read before reconciling: computed from the mode, the record (the previous
 * run's, or the host's cached copy of it) and the sheets that exist. Nothing else is read.
 */
import { flagNoteHash } from "../ownership";
import { flagOffsets, keepsAddedCells, moveFlag, undoneFlags } from "./undo";
import { newFlagsOf } from "./flags";
import { type CellRange, boundsOf, cellKey, rangeKey } from "./keys";
import type { OwnershipRecord } from "../types";
import type { AnnotationMode, SheetInfo, StateNeeds, WriteMode, WriteState } from "./types";

export interface NeedsOptions {
  /** The host can index a sheet's notes (to find flags moved by inserted rows). */
  indexNotes?: boolean;
}

class NeedsBuilder {
  readonly needs: StateNeeds = { fillRanges: [], noteCells: [], cells: [], noteSheets: [] };
  private readonly seen = new Set<string>();
  constructor(private readonly sheets: ReadonlyMap<string, SheetInfo>) {}

  private writable(sheet: string): boolean {
    const info = this.sheets.get(sheet.toLowerCase());
    return info !== undefined && !info.protected;
  }

  range(sheet: string, b: CellRange): void {
    const k = `f${rangeKey(sheet, b)}`;
    if (this.seen.has(k) || !this.writable(sheet)) return;
    this.seen.add(k);
    this.needs.fillRanges.push({ sheet, ...boundsOf(b) });
  }

  note(sheet: string, row: number, col: number): void {
    const k = `n${cellKey(sheet, row, col)}`;
    if (this.seen.has(k) || !this.writable(sheet)) return;
    this.seen.add(k);
    this.needs.noteCells.push({ sheet, row, col });
  }

  cell(sheet: string, row: number, col: number, evenIfProtected = false): void {
    const k = `c${cellKey(sheet, row, col)}`;
    if (this.seen.has(k) || (!evenIfProtected && !this.writable(sheet)) || !this.sheets.has(sheet.toLowerCase())) return;
    this.seen.add(k);
    this.needs.cells.push({ sheet, row, col });
  }

  noteSheet(sheet: string): void {
    const k = `s${sheet.toLowerCase()}`;
    if (this.seen.has(k) || !this.writable(sheet)) return;
    this.seen.add(k);
    this.needs.noteSheets.push(sheet);
  }
}

/** The reads needed to reconcile `mode` given `record`. */
export function stateNeeds(
  mode: WriteMode,
  record: OwnershipRecord | null,
  sheets: ReadonlyMap<string, SheetInfo>,
  annotation: AnnotationMode,
  options: NeedsOptions = {},
): StateNeeds {
  const b = new NeedsBuilder(sheets);
  for (const f of newFlagsOf(mode)) {
    b.range(f.sheet, f);
    if (annotation === "note" && f.note !== "") b.note(f.sheet, f.top, f.left);
  }
  for (const f of undoneFlags(mode, record?.flags ?? [])) {
    b.range(f.sheet, f);
    if (annotation === "note" && flagNoteHash(f) !== undefined) {
      b.note(f.sheet, f.top, f.left);
      if (options.indexNotes) b.noteSheet(f.sheet);
    }
  }
  if (mode.kind === "apply") {
    for (const c of mode.plan.addedCells) b.cell(c.sheet, c.row, c.col);
    const owned = new Set((record?.sheets ?? []).map((n) => n.toLowerCase()));
    // A sheet in the way that is not in the record may still be a generated one (marker in A1).
    for (const sheet of mode.plan.sheets) if (!owned.has(sheet.name.toLowerCase())) b.cell(sheet.name, 0, 0, true);
  }
  // The A1 marker of recorded sheets: the identity of those without a table (Riepilogo, Relazione).
  if (mode.kind !== "flags") for (const s of record?.sheets ?? []) b.cell(s, 0, 0, true);
  if (!keepsAddedCells(mode)) for (const c of record?.addedCells ?? []) b.cell(c.sheet, c.row, c.col);
  const needs = b.needs;
  const scores = record?.sheetKeys?.scores;
  if (mode.kind === "clear" && scores !== undefined && sheets.has(scores.toLowerCase())) needs.overridesSheet = scores;
  return needs;
}

/**
 * What else to read once the notes are known: the cells of flags found elsewhere (rows
 * inserted above them), where they are now. Empty for hosts that do not index notes.
 */
export function relocationNeeds(mode: WriteMode, state: WriteState, annotation: AnnotationMode): StateNeeds {
  const b = new NeedsBuilder(state.sheets);
  if (!state.noteIndex || state.record === null) return b.needs;
  const flags = undoneFlags(mode, state.record.flags);
  for (const [f, offset] of flagOffsets({ state, annotation }, flags)) {
    if (offset === null || (offset.rows === 0 && offset.cols === 0)) continue;
    const moved = moveFlag(f, offset);
    if (!state.fills.has(cellKey(moved.sheet, moved.top, moved.left))) b.range(moved.sheet, moved);
    if (!state.notes.has(cellKey(moved.sheet, moved.top, moved.left))) b.note(moved.sheet, moved.top, moved.left);
  }
  return b.needs;
}

/** `needs` minus what `state` already holds. */
export function missingNeeds(needs: StateNeeds, have: Pick<WriteState, "fills" | "notes" | "cells">): StateNeeds {
  return {
    fillRanges: needs.fillRanges.filter((r) => !have.fills.has(cellKey(r.sheet, r.top, r.left)) || !have.fills.has(cellKey(r.sheet, r.bottom, r.right))),
    noteCells: needs.noteCells.filter((c) => !have.notes.has(cellKey(c.sheet, c.row, c.col))),
    cells: needs.cells.filter((c) => !have.cells.has(cellKey(c.sheet, c.row, c.col))),
    noteSheets: needs.noteSheets,
    ...(needs.overridesSheet !== undefined ? { overridesSheet: needs.overridesSheet } : {}),
  };
}

export const noNeeds = (n: StateNeeds): boolean => n.fillRanges.length === 0 && n.noteCells.length === 0 && n.cells.length === 0;
