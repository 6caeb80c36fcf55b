import { useCallback, useEffect, useMemo, useState } from "react";
import { rangeToA1, type ActiveCell } from "../../engine";
import { xlsxBlob } from "../download";
import { objectiveAt } from "../logic/card-at";
import { buildNewCard } from "../logic/new-card";
import { objectivesOf } from "../logic/workbook-data";
import { strings } from "../strings";
import type { ResponsabileViewProps } from "../views/ResponsabileView";
import type { Navigation } from "./useNavigation";
import type { Pane } from "./pane";
import { useLiveValidation } from "./useLiveValidation";
import { useReadOnStart } from "./useReadOnStart";

export interface ResponsabileOptions {
  /** The responsabile's view is shown (selection and typing are followed only then). */
  active: boolean;
  /** Saves a file through the browser (the new card's workbook). */
  download(blob: Blob, fileName: string): void;
}

/**
 * The responsabile's view and its handlers: the card at the selection (`capabilities.activeCell`)
 * or the one picked, kept in step with the typing (`liveValidation`), and «Nuova scheda», which
 * inserts a card into the open workbook (`insertCard`) or downloads a workbook holding one
 * (`newCardWorkbook`).
 */
export function useResponsabile(pane: Pane, nav: Navigation, { active, download }: ResponsabileOptions): ResponsabileViewProps {
  const { host, can, wb, actions, busy, today, year } = pane;
  const { analysis } = wb;
  const [activeCell, setActiveCell] = useState<ActiveCell | null>(null);
  const [pickedCard, setPickedCard] = useState<string | null>(null);
  /** The host said it follows the selection, but reading or following it failed: the user picks. */
  const [selectionFailed, setSelectionFailed] = useState(false);

  useReadOnStart(pane, active);

  // The card follows the selection.
  useEffect(() => {
    if (!active || !host || !can.activeCell || !host.onSelectionChanged) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    const failed = (error: unknown) => {
      if (cancelled) return;
      setSelectionFailed(true);
      actions.fail(error, strings.errors.selectionNotFollowed);
    };
    setSelectionFailed(false);
    host
      .getActiveCell?.()
      .then((cell) => !cancelled && setActiveCell(cell))
      .catch(failed);
    host
      .onSelectionChanged((cell) => setActiveCell(cell))
      .then((unsubscribe) => {
        if (cancelled) unsubscribe();
        else stop = unsubscribe;
      })
      .catch(failed);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host, can.activeCell, active, actions]);
  const followsSelection = can.activeCell && Boolean(host?.onSelectionChanged) && !selectionFailed;

  // The card follows the typing (the host debounces and re-reads the card).
  const liveUpdates = useLiveValidation({
    host,
    enabled: active,
    analysis,
    flaggedAreas: wb.flaggedAreas,
    actions,
    checkOptions: () => ({ ...wb.options, asOf: today() }),
  });

  const cardAtSelection = useMemo(
    () => (analysis && activeCell ? (objectiveAt(analysis.plan, activeCell)?.id ?? null) : null),
    [analysis, activeCell],
  );
  useEffect(() => setPickedCard(null), [activeCell]);
  const firstCard = useMemo(() => (analysis ? (objectivesOf(analysis.plan)[0]?.id ?? null) : null), [analysis]);
  const objectiveId = pickedCard ?? (followsSelection ? cardAtSelection : firstCard);

  const { goTo } = nav;
  const onPickCard = useCallback(
    (id: string) => {
      setPickedCard(id);
      const card = analysis ? objectivesOf(analysis.plan).find((o) => o.id === id) : undefined;
      const at = card?.source.card ?? card?.source.title;
      if (at) void goTo(at.sheet, rangeToA1(at));
    },
    [analysis, goTo],
  );

  const insertNewCard = async (): Promise<void> => {
    if (!host?.insertNewCard) return;
    const insert = host.insertNewCard.bind(host);
    const sheet = await actions.run(strings.progress.writing, () => insert(buildNewCard({ year })));
    if (!sheet) return;
    const fresh = await actions.check({ asOf: today() });
    // Show the new card at once, wherever the selection is.
    const card = fresh ? objectivesOf(fresh.plan).find((o) => (o.source.card ?? o.source.title)?.sheet === sheet) : undefined;
    if (card) setPickedCard(card.id);
    actions.notify(strings.responsabile.newCardDone(sheet));
  };

  const downloadNewCard = async (): Promise<void> => {
    if (!host?.newCardWorkbook) return;
    const make = host.newCardWorkbook.bind(host);
    const name = strings.responsabile.newCardFileName(year);
    const bytes = await actions.run(strings.progress.preparingNewCard, () => make(buildNewCard({ year })));
    if (!bytes) return;
    download(xlsxBlob(bytes), name);
    actions.notify(strings.responsabile.newCardDownloaded(name));
  };

  // Inserting into the open workbook comes first: the card is then where the user works.
  const newCard: ResponsabileViewProps["newCard"] =
    can.insertCard && host?.insertNewCard
      ? { kind: "insert", onClick: () => void insertNewCard() }
      : can.newCardWorkbook && host?.newCardWorkbook
        ? { kind: "download", onClick: () => void downloadNewCard() }
        : undefined;

  return {
    analysis,
    busy,
    canRefresh: host !== null,
    followsSelection,
    liveUpdates,
    objectiveId,
    onPickCard,
    onRefresh: () => void actions.check({ asOf: today() }),
    newCard,
    onSelectFinding: nav.selectFinding,
    selectedFinding: nav.selectedFinding,
    renderFindingDetail: nav.renderFindingDetail,
  };
}
