/**
 * Reconcile: a WritePlan (or `clear`, or one card's flags) plus the current state of exactly
 * the cells, sheets and tables it touches → the ordered operations that write it, the record
 * they leave and the messages. Pure; both hosts only read the state it asks for (./needs.ts)
 * and execute the operations, so the CLI, the standalone page and Excel cannot disagree.
 *
 * The order makes a failure at any operation recoverable by `clear`:
 *
 * 1. undo (previous flags' fills and notes, the add-in's comments, its added cells) — under the
 *    previous record, which still lists all of them; a cell already given back is skipped by
 *    `clear` (it no longer shows what the add-in wrote);
 * 2. the previous sheets go;
 * 3. the new record, in one write (it lists only what the next operations create, and `clear`
 *    skips what they did not get to: a flag whose fill is not there, an empty added cell, a
 *    sheet that does not exist);
 * 4. the new sheets, flags, notes, comments and added cells; the tab order last.
 */
import { verifyOwnershipRecord } from "../ownership";
import { STATE_SHEET, type OwnershipRecord, type WriteMessage } from "../types";
import { type Draft, newDraft } from "./draft";
import { cellKey } from "./keys";
import { hostMessage } from "./messages";
import { nextRecord, recordOps } from "./record";
import { orderSheets, removeOwnedSheets, writeOwnedSheets } from "./sheets";
import { writeFlags } from "./flags";
import { writeAddedCells } from "./added-cells";
import { undoAddedCells, undoComments, undoFlags } from "./undo";
import type { AnnotationMode, WriteMode, WriteOp, WriteProgram, WriteState } from "./types";

export * from "./types";
export { cellKey, rangeKey, type CellRange } from "./keys";
export { stateNeeds, relocationNeeds, missingNeeds, noNeeds, type NeedsOptions } from "./needs";
export { hostMessage, hostMessageText, writeRefusal, type HostMessageCode, type HostMessageData } from "./messages";
export { tokenColor } from "./fill-tokens";

const EMPTY_RECORD: OwnershipRecord = { version: 1, sheets: [], tables: [], flags: [], addedCells: [] };

const emptyReport = (messages: WriteMessage[]): WriteProgram["report"] => ({
  sheetsRemoved: [],
  sheetsWritten: [],
  flagsRemoved: 0,
  flagsWritten: 0,
  cellsRemoved: 0,
  cellsWritten: 0,
  messages,
});

const nothing = (messages: WriteMessage[], ops: WriteOp[] = []): WriteProgram => ({ ops, record: null, report: emptyReport(messages), touched: [] });

/** Operations that change the workbook's structure (refused when it is protected). */
const isStructural = (op: WriteOp): boolean => op.kind === "addSheet" || op.kind === "deleteSheet" || op.kind === "moveSheetToEnd" || op.kind === "hideSheet";

/**
 * A visible sheet called SO_Stato with something in it that is not a record is a user's sheet
 * that happens to have the name: the add-in writes nothing at all (it would put its record there).
 */
export function stateSheetTaken(state: WriteState): boolean {
  const info = state.sheets.get(STATE_SHEET.toLowerCase());
  return info !== undefined && info.visibility !== "VeryHidden" && state.recordStatus !== "ok" && info.empty !== true;
}

/** The program for `mode` in `state`. Never throws on workbook content: what cannot be done is a message. */
export function reconcile(mode: WriteMode, state: WriteState, annotation: AnnotationMode): WriteProgram {
  const planMessages = mode.kind === "apply" ? [...(mode.plan.messages ?? [])] : [];
  if (stateSheetTaken(state)) return nothing(mode.kind === "flags" ? [] : [...planMessages, hostMessage("state-sheet-taken", {})]);
  if (state.recordStatus === "unreadable") {
    // A damaged record cannot say what is the add-in's: nothing is written. `clear` removes
    // only the record itself, a very hidden sheet the Excel window cannot show.
    if (mode.kind === "flags") return nothing([]);
    const stateInfo = state.sheets.get(STATE_SHEET.toLowerCase());
    const clear = mode.kind === "clear" && stateInfo !== undefined;
    if (clear && state.structureProtected) return nothing([hostMessage("workbook-protected", {})]);
    return nothing([hostMessage("state-unreadable", { cleared: clear })], clear ? [{ kind: "deleteSheet", sheet: stateInfo.name, ...(stateInfo.visibility === "VeryHidden" ? { veryHidden: true } : {}) }] : []);
  }
  const messages: WriteMessage[] = [...planMessages];
  let prev = state.record ?? EMPTY_RECORD;
  const identities = [...state.sheets.values()];
  if (state.record && identities.every((s) => s.tables !== undefined)) {
    const verified = verifyOwnershipRecord(
      state.record,
      identities.map((s) => ({ name: s.name, tables: s.tables ?? [], a1: state.cells.get(cellKey(s.name, 0, 0))?.value, ...(s.empty !== undefined ? { empty: s.empty } : {}) })),
    );
    prev = verified.record;
    if (mode.kind !== "flags") for (const sheet of verified.lost) messages.push(hostMessage("sheet-no-longer-owned", { sheet }));
  }
  const d = newDraft(mode, state, annotation, prev, messages);
  if (mode.kind === "clear" && (state.scoreOverrides ?? 0) > 0) {
    const scores = prev.sheetKeys?.scores;
    if (scores !== undefined) messages.push(hostMessage("overrides-removed", { sheet: state.sheets.get(scores.toLowerCase())?.name ?? scores }));
  }
  undoFlags(d);
  const commentCells = undoComments(d);
  undoAddedCells(d);
  removeOwnedSheets(d);
  writeOwnedSheets(d);
  writeFlags(d, commentCells);
  writeAddedCells(d);
  const record = nextRecord(d);
  const kept = recordOps(d, record);
  orderSheets(d);
  const ops = program(d);
  if (state.structureProtected && ops.some(isStructural)) return nothing([...planMessages, hostMessage("workbook-protected", {})]);
  return { ops, record: kept ? record : null, report: d.report, touched: d.touched };
}

const program = (d: Draft): WriteOp[] => [
  ...d.ops.undo,
  ...d.ops.deleteSheets,
  ...d.ops.record,
  ...d.ops.sheets,
  ...d.ops.flags,
  ...d.ops.cells,
  ...d.ops.order,
  ...d.ops.tail,
];
