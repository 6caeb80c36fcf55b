import { useCallback } from "react";
import { applyPreset, type MethodologyPreset, type Override, type ReviewKind } from "../../engine";
import { firstOwnedSheet } from "../logic/plans";
import { strings } from "../strings";
import type { AnalyseFn } from "../types";
import type { NucleoViewProps } from "../views/NucleoView";
import { writtenNotice, type Pane } from "./pane";
import type { Navigation } from "./useNavigation";
import { useReadOnStart } from "./useReadOnStart";

export interface NucleoOptions {
  /** The Nucleo's view is shown (the workbook is read on start only then). */
  active: boolean;
  /** The engine, for the what-if preview of another methodology. */
  analyse: AnalyseFn;
}

/**
 * The Nucleo's view and its handlers: compute means and scores at a review date (reading the
 * workbook again first where the user may have typed achieved values, `changesUnderPane`), the
 * what-if of a methodology preset, overrides, and writing the scores as formulas.
 */
export function useNucleo(pane: Pane, nav: Navigation, { active, analyse }: NucleoOptions): NucleoViewProps {
  const { host, can, wb, actions, busy, year } = pane;
  const { analysis, snapshots, options } = wb;

  useReadOnStart(pane, active);

  const currentOverrides = (): Override[] =>
    analysis?.scores.objectives.flatMap((o) => (o.override ? [{ objectiveId: o.objectiveId, ...o.override }] : [])) ?? [];

  // What-if: the same snapshots and options under another methodology; nothing is written.
  const preview = useCallback(
    async (preset: MethodologyPreset["id"]) => {
      if (!snapshots || !analysis) return null;
      const overrides = analysis.scores.objectives.flatMap((o) => (o.override ? [{ objectiveId: o.objectiveId, ...o.override }] : []));
      const fresh = await analyse(snapshots, { ...options, overrides, methodology: applyPreset(analysis.methodology, preset) });
      return fresh.scores;
    },
    [snapshots, options, analysis, analyse],
  );

  return {
    analysis,
    busy,
    canCompute: host !== null,
    planYear: year,
    reviewed: Boolean(options.review),
    preview,
    onCompute: (asOf: string, review: ReviewKind, preset) => {
      const methodology = preset && analysis ? applyPreset(analysis.methodology, preset) : options.methodology;
      const next = { asOf, review, overrides: analysis ? currentOverrides() : undefined, methodology };
      // The Nucleo may just have typed achieved values in the workbook: read it again. A file
      // opened in the browser cannot change: recompute from what was read.
      void (can.changesUnderPane ? actions.check(next) : actions.recompute(next));
    },
    onWrite: async () => {
      if (!analysis) return;
      if (await actions.write(analysis.writePlan, writtenNotice(can, strings.nucleo.written))) {
        const sheet = firstOwnedSheet(analysis.writePlan, ["scores"]);
        if (sheet) await nav.goTo(sheet, "A1");
      }
    },
    onOverride: (o) => {
      const overrides = [...currentOverrides().filter((x) => x.objectiveId !== o.objectiveId), o];
      void actions.recompute({ ...options, overrides });
    },
    onRemoveOverride: (id) => {
      const overrides = currentOverrides().filter((x) => x.objectiveId !== id);
      void actions.recompute({ ...options, overrides });
    },
  };
}
