import { firstOwnedSheet, giuntaPlan } from "../logic/plans";
import { strings } from "../strings";
import type { SegretarioViewProps } from "../views/SegretarioView";
import { writtenNotice, type Pane } from "./pane";
import type { Navigation } from "./useNavigation";

/**
 * The segretario's view and its handlers: check the whole workbook, write the add-in's tables or
 * the Giunta's summary and go to the first sheet written (where the host can show it), clear.
 */
export function useSegretario(pane: Pane, nav: Navigation): SegretarioViewProps {
  const { host, can, wb, actions, busy, today } = pane;
  const { analysis } = wb;
  const written = writtenNotice(can, strings.segretario.written);

  return {
    analysis,
    busy,
    canCheck: host !== null,
    onCheck: () => void actions.check({ asOf: today(), review: null }),
    onCreateTables: async () => {
      if (!analysis) return;
      if (await actions.write(analysis.writePlan, written)) {
        const sheet = firstOwnedSheet(analysis.writePlan, ["objectives", "findings"]);
        if (sheet) await nav.goTo(sheet, "A1");
      }
    },
    onGiuntaSummary: async () => {
      if (!analysis) return;
      const plan = giuntaPlan(analysis.writePlan);
      if (await actions.write(plan, written)) {
        const sheet = firstOwnedSheet(plan, ["summary", "objectives", "scores"]);
        if (sheet) await nav.goTo(sheet, "A1");
      }
    },
    onClear: async () => {
      await actions.clear(writtenNotice(can, strings.segretario.cleared));
    },
    onSelectFinding: nav.selectFinding,
    selectedFinding: nav.selectedFinding,
    renderFindingDetail: nav.renderFindingDetail,
    onSelectPlace: nav.selectPlace,
    selectedPlace: nav.selectedPlace,
    renderPlaceDetail: nav.renderPlaceDetail,
  };
}
