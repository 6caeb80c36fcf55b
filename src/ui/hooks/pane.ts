import { useMemo } from "react";
import { NO_CAPABILITIES, type HostCapabilities, type WorkbookHost } from "../../engine";
import { strings } from "../strings";
import type { WorkbookActions, WorkbookState } from "./useWorkbook";

/** Nothing can be offered: no workbook is open yet (the standalone page before a file). */
export { NO_CAPABILITIES };

/** What the role hooks share: the host, what it can do, the workbook's state and its operations. */
export interface Pane {
  host: WorkbookHost | null;
  /** The host's capabilities; NO_CAPABILITIES while there is no host. */
  can: HostCapabilities;
  wb: WorkbookState;
  actions: WorkbookActions;
  /** A long operation is running. */
  busy: boolean;
  /** Today as ISO date. */
  today(): string;
  /** The plan's year, else this year: for a new card and the review dates proposed. */
  year: number;
}

/** The pane's shared context, rebuilt when the host or the workbook's state changes. */
export function usePane(host: WorkbookHost | null, wb: WorkbookState, actions: WorkbookActions, today: () => string): Pane {
  return useMemo(
    () => ({
      host,
      can: host?.capabilities ?? NO_CAPABILITIES,
      wb,
      actions,
      busy: wb.progress !== null,
      today,
      year: wb.analysis?.plan.year ?? Number(today().slice(0, 4)),
    }),
    [host, wb, actions, today],
  );
}

/** The notice after a write: as given when it went to the open workbook, else how to get the copy. */
export function writtenNotice(can: HostCapabilities, inWorkbook: string): string {
  return can.downloadCopy ? strings.standalone.writtenToCopy : inWorkbook;
}
