import type { HostCapabilities } from "../../engine";

/**
 * What the standalone page offers with a file: no window to select in, no live validation; the
 * changes go to a copy in memory the user downloads, and a new card comes as a workbook of its
 * own (a card added to the copy would have no undo and would change the figures being checked).
 * The same for the page's thread (FileWorkbookHost) and its Web Worker (WorkerFileHost).
 */
export const STANDALONE_CAPABILITIES: HostCapabilities = Object.freeze({
  select: false,
  activeCell: false,
  liveValidation: false,
  insertCard: false,
  newCardWorkbook: true,
  downloadCopy: true,
  changesUnderPane: false,
});
