/**
 * Cells the add-in adds next to the user's (review headers): only where the cell is empty and
 * not part of merged cells — the add-in never writes over what people typed.
 */
import { toA1 } from "../../cells/a1";
import { isoToSerial } from "../../values/date";
import type { CellWrite } from "../types";
import { type Draft, infoOf, touch } from "./draft";
import { cellBounds, cellKey } from "./keys";
import { hostMessage } from "./messages";
import { plainNow } from "./undo";
import type { RecordCell } from "./types";

/** What the record says the add-in wrote (text as text, a formula with "=", a date as its serial number). */
export function writtenOf(content: CellWrite["content"]): RecordCell["written"] {
  switch (content.kind) {
    case "text":
      return content.text === "" ? null : content.text;
    case "number":
      return Number.isFinite(content.value) ? content.value : null;
    case "boolean":
      return content.value;
    case "formula":
      return content.formula.startsWith("=") ? content.formula : `=${content.formula}`;
    case "date":
      // As Excel holds it: the serial number (an unreadable date is written as its text).
      return isoToSerial(content.iso) ?? content.iso;
    case "empty":
      return null;
  }
}

export function writeAddedCells(d: Draft): void {
  if (d.mode.kind !== "apply") return;
  for (const c of d.mode.plan.addedCells) {
    const range = toA1({ row: c.row, col: c.col });
    const found = infoOf(d, c.sheet);
    if (!found || found.protected) {
      d.messages.push(
        hostMessage("added-cell-skipped", {
          sheet: found ? found.name : c.sheet,
          range,
          reason: found ? "protected" : "missing-sheet",
          ...(c.content.kind === "text" ? { header: c.content.text } : {}),
        }),
      );
      continue;
    }
    const k = cellKey(c.sheet, c.row, c.col);
    const now = d.state.cells.get(k);
    if (writtenOf(c.content) === null) continue;
    if (now?.merged) {
      d.messages.push(hostMessage("added-cell-skipped", { sheet: found.name, range, reason: "merged" }));
      continue;
    }
    if (!d.cleared.has(k) && (now === undefined || plainNow(now) !== null)) {
      d.messages.push(hostMessage("added-cell-skipped", { sheet: found.name, range, reason: "not-empty" }));
      continue;
    }
    d.ops.cells.push({ kind: "writeCell", sheet: found.name, cell: { ...c, sheet: found.name } });
    touch(d, c.sheet, cellBounds(c.row, c.col));
    d.next.cells.push({ sheet: found.name, row: c.row, col: c.col, written: writtenOf(c.content) });
    d.report.cellsWritten++;
  }
}
