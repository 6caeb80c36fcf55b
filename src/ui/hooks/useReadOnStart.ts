import { useEffect, useRef } from "react";
import type { Pane } from "./pane";

/**
 * Reads the workbook as soon as the view is shown, where the workbook is the one the user is
 * editing (`capabilities.changesUnderPane`, Excel) and nothing has been read yet: the responsabile
 * sees their card's state without pressing anything, the Nucleo gets the plan year for the review
 * date it proposes. A file opened in the browser is analysed when it is opened instead.
 */
export function useReadOnStart(pane: Pane, active: boolean): void {
  const { host, can, wb, busy, actions, today } = pane;
  const needed = active && host !== null && can.changesUnderPane && !wb.analysis && !busy && !wb.error;
  // Keyed on host and on the view being shown only (a failure shows its message and waits for
  // "Aggiorna"): the other values are read as they are at that moment.
  const now = useRef({ needed, actions, today });
  now.current = { needed, actions, today };
  useEffect(() => {
    const { needed, actions, today } = now.current;
    if (needed) void actions.check({ asOf: today() });
  }, [host, active]);
}
