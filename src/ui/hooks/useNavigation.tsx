import { useCallback, useEffect, useState, type ReactNode } from "react";
import { rangeToA1, type Finding, type ReadingPlace } from "../../engine";
import { CellPreview } from "../components/CellPreview";
import { strings } from "../strings";
import type { Pane } from "./pane";

/** The finding or reading-report block chosen, and the way to its cells. */
export interface Navigation {
  selectedFinding: Finding | null;
  /** Chooses a finding and goes to its cells. */
  selectFinding(finding: Finding): void;
  selectedPlace: ReadingPlace | null;
  /** Chooses a block of the reading report and goes to its cells. */
  selectPlace(place: ReadingPlace): void;
  /**
   * Shows cells in the host's window (`capabilities.select`); nothing where the host has none. A
   * failure is said in Italian (strings.errors.selectFailed): the user expected to be taken there.
   */
  goTo(sheet: string, range: string): Promise<void>;
  /** Where the host cannot show cells, the pane shows them itself under the finding. */
  renderFindingDetail?: (finding: Finding) => ReactNode;
  /** The same for a block of the reading report. */
  renderPlaceDetail?: (place: ReadingPlace) => ReactNode;
}

/** Going to cells, shared by the roles: the host's selection where it has one, else a preview. */
export function useNavigation({ host, can, actions, wb }: Pane): Navigation {
  const [selectedFinding, setSelectedFinding] = useState<Finding | null>(null);
  const [selectedPlace, setSelectedPlace] = useState<ReadingPlace | null>(null);

  // A new file or a new analysis invalidates what was selected.
  useEffect(() => setSelectedFinding(null), [wb.analysis]);

  const goTo = useCallback(
    async (sheet: string, range: string) => {
      if (!host || !can.select) return;
      try {
        await host.selectRange(sheet, range);
      } catch (error) {
        actions.fail(error, (detail) => strings.errors.selectFailed(sheet, range, detail));
      }
    },
    [host, can.select, actions],
  );

  const selectFinding = useCallback(
    (f: Finding) => {
      // One preview at a time: a finding's or a block's.
      setSelectedPlace(null);
      setSelectedFinding(f);
      void goTo(f.at.sheet, f.at.range);
    },
    [goTo],
  );

  const selectPlace = useCallback(
    (p: ReadingPlace) => {
      setSelectedFinding(null);
      setSelectedPlace(p);
      void goTo(p.range.sheet, rangeToA1(p.range));
    },
    [goTo],
  );

  const snapshots = can.select ? null : wb.snapshots;
  return {
    selectedFinding,
    selectFinding,
    selectedPlace,
    selectPlace,
    goTo,
    renderFindingDetail: snapshots
      ? (f) => <CellPreview snapshots={snapshots} sheet={f.at.sheet} range={f.at.range} onClose={() => setSelectedFinding(null)} />
      : undefined,
    renderPlaceDetail: snapshots
      ? (p) => <CellPreview snapshots={snapshots} sheet={p.range.sheet} range={rangeToA1(p.range)} onClose={() => setSelectedPlace(null)} />
      : undefined,
  };
}
