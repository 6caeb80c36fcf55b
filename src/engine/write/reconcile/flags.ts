/**
 * New flags: a fill on the finding's cells and its message as a note (or a threaded comment)
 * on the top-left cell. Every original is known before any flag is written, so where flags
 * overlap both keep the true original; a user's note already there stays under the add-in's.
 */
import type { CellFlag } from "../types";
import { type Draft, infoOf, touch } from "./draft";
import { boundsOf, cellKey, eachCell } from "./keys";
import { noteHash } from "../ownership";
import { hostMessage } from "./messages";
import type { RecordFlag, WriteMode } from "./types";

/** Put between the add-in's note and the user's note kept under it. */
export const ORIGINAL_NOTE_HEADING = "\n\n— Nota originale —\n";

export const newFlagsOf = (mode: WriteMode): readonly CellFlag[] => (mode.kind === "apply" ? mode.plan.flags : mode.kind === "flags" ? mode.flags : []);

export function writeFlags(d: Draft, commentCells: Set<string>): void {
  const reported = new Set<string>();
  const entries: Array<{ flag: CellFlag; entry: RecordFlag }> = [];
  for (const f of newFlagsOf(d.mode)) {
    const found = infoOf(d, f.sheet);
    if (!found || found.protected) {
      if (!reported.has(f.sheet.toLowerCase())) {
        reported.add(f.sheet.toLowerCase());
        d.messages.push(found ? hostMessage("flag-skipped-protected", { sheet: found.name }) : hostMessage("flag-skipped-missing-sheet", { sheet: f.sheet }));
      }
      continue;
    }
    const originalFills: (string | null)[] = [];
    const originalStyleModels: (string | null)[] = [];
    eachCell(f, (r, c) => {
      const now = d.fills.get(cellKey(f.sheet, r, c));
      originalFills.push(now?.token ?? null);
      originalStyleModels.push(now?.empty === true && now.style !== undefined ? now.style : null);
    });
    const entry: RecordFlag = { ...boundsOf(f), sheet: found.name, originalFills, originalNotes: [], fill: f.fill };
    if (originalStyleModels.some((m) => m !== null)) entry.originalStyleModels = originalStyleModels;
    entries.push({ flag: f, entry });
  }
  const noted = new Set<string>();
  for (const { flag: f, entry } of entries) {
    d.ops.flags.push({ kind: "fill", sheet: f.sheet, bounds: boundsOf(f), color: f.fill });
    touch(d, f.sheet, f);
    d.report.flagsWritten++;
    const k = cellKey(f.sheet, f.top, f.left);
    // The engine gives one note per top-left cell (the others are ""); a second one is skipped.
    if (f.note !== "" && !noted.has(k)) {
      noted.add(k);
      if (d.annotation === "note") {
        const before = d.notes.get(k) ?? null;
        const text = before ? `${f.note}${ORIGINAL_NOTE_HEADING}${before.text}` : f.note;
        d.ops.flags.push({ kind: "note", sheet: f.sheet, row: f.top, col: f.left, text, now: before?.text ?? null });
        d.notes.set(k, { text });
        entry.originalNotes = [before?.text ?? null];
        if (before?.model !== undefined) entry.originalNoteModels = [before.model];
        entry.noteHash = noteHash(text);
      } else if (d.annotation === "comment" && !commentCells.has(k)) {
        d.ops.flags.push({ kind: "addComment", sheet: f.sheet, row: f.top, col: f.left, text: f.note });
        commentCells.add(k); // one comment per cell; a user's comment there is left alone
      }
    }
    d.next.flags.push(entry);
  }
}
