import { useEffect, useRef, useState } from "react";
import type { AnalyseOptions, Analysis, CardEdit, WorkbookHost } from "../../engine";
import { cardBlockAt, flagsOnBlock, touchesAny, type SheetBlock } from "../logic/live";
import { strings } from "../strings";
import type { WorkbookActions } from "./useWorkbook";

export interface LiveValidationOptions {
  host: WorkbookHost | null;
  /** Watch only while the responsabile's view is shown. */
  enabled: boolean;
  analysis: Analysis | null;
  /** Where the add-in's flags are (WorkbookState.flaggedAreas). */
  flaggedAreas: readonly SheetBlock[];
  actions: Pick<WorkbookActions, "analyseQuietly" | "check" | "fail">;
  /** Options for the full check that follows rows or columns inserted or deleted. */
  checkOptions(): AnalyseOptions;
}

/**
 * Live validation for the responsabile, where the host offers it (`capabilities.liveValidation`,
 * Excel): the host re-reads a
 * card once the typing on it pauses (it debounces), and the card's analysis is redone at once,
 * without a progress bar, so the checklist follows the typing. Flags are refreshed only on cards
 * that already carry the add-in's flags, so that typing never paints a card nobody asked to have
 * flagged, and a flag the user has just fixed goes away. Resolves to whether watching is on.
 * Stops on unmount, when `enabled` turns false (role change) and when the host changes.
 * Failures reach the user in Italian: watching that cannot start (strings.live.notActive), a card
 * that cannot be checked again or whose flags cannot be refreshed (strings.live.recheckFailed).
 */
export function useLiveValidation({ host, enabled, analysis, flaggedAreas, actions, checkOptions }: LiveValidationOptions): boolean {
  const [active, setActive] = useState(false);
  // The callbacks run long after this render: they read the latest values through refs.
  const latest = useRef({ analysis, flaggedAreas, actions, checkOptions });
  latest.current = { analysis, flaggedAreas, actions, checkOptions };

  useEffect(() => {
    if (!enabled || !host?.capabilities.liveValidation || !host.watchCardChanges) return;
    let cancelled = false;
    let stop: (() => Promise<void>) | null = null;
    // Cards whose flags this watch has refreshed: they keep being refreshed even once clean.
    const refreshed: SheetBlock[] = [];

    const onCardChanged = async (change: CardEdit): Promise<void> => {
      if (cancelled) return;
      const fresh = await latest.current.actions.analyseQuietly(change.snapshots, strings.live.recheckFailed);
      if (!fresh || cancelled || !host.refreshFlags) return;
      const flagged = touchesAny(refreshed, change.sheet, change.block) || touchesAny(latest.current.flaggedAreas, change.sheet, change.block);
      if (!flagged) return;
      try {
        await host.refreshFlags({ sheet: change.sheet, ...change.block }, flagsOnBlock(fresh.writePlan.flags, change.sheet, change.block));
        refreshed.push({ sheet: change.sheet, ...change.block });
      } catch (error) {
        if (!cancelled) latest.current.actions.fail(error, strings.live.recheckFailed);
      }
    };

    host
      .watchCardChanges({
        locateBlock: (sheet, changed) => {
          const plan = latest.current.analysis?.plan;
          return plan ? cardBlockAt(plan, sheet, changed) : null;
        },
        onCardChanged,
        // The cards moved: only a full read knows where they are now.
        onStructureChanged: () => {
          if (!cancelled) void latest.current.actions.check(latest.current.checkOptions());
        },
      })
      .then((unsubscribe) => {
        // The pane moved on while subscribing: stop at once. A failure to stop is not the user's
        // concern (nothing is shown for this watch any more, and the host drops it with the pane).
        if (cancelled) void unsubscribe().catch(() => undefined);
        else {
          stop = unsubscribe;
          setActive(true);
        }
      })
      // Without events the pane still works by "Aggiorna lo stato": the view does not say that
      // updates are automatic, and the user is told why, so they know to press it.
      .catch((error: unknown) => {
        if (!cancelled) latest.current.actions.fail(error, strings.live.notActive);
      });

    return () => {
      cancelled = true;
      setActive(false);
      // Unmount or role change: nobody is left to tell, and a handler Excel failed to remove only
      // calls a callback that returns at once (`cancelled`). Swallowing is right here.
      void stop?.().catch(() => undefined);
    };
  }, [host, enabled]);

  return active;
}
