import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useMemo, useRef, useState, type ReactNode } from "react";
import type { Analysis, Finding, ReadingPlace } from "../../engine";
import { FindingList } from "../components/FindingList";
import { NoCardsMessage } from "../components/NoCardsMessage";
import { ReadingReport } from "../components/ReadingReport";
import { useLatestCallback } from "../hooks/useLatestCallback";
import { useReturnFocus } from "../hooks/useReturnFocus";
import { SeverityCounts } from "../components/SeverityCounts";
import { countBySeverity } from "../logic/group-findings";
import { objectivesOf } from "../logic/workbook-data";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  summary: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  hint: {
    color: tokens.colorNeutralForeground2,
    margin: 0,
  },
});

export interface SegretarioViewProps {
  analysis: Analysis | null;
  busy: boolean;
  canCheck: boolean;
  onCheck(): void;
  onCreateTables(): void;
  onGiuntaSummary(): void;
  /** Removes the add-in's content (asked for confirmation first). */
  onClear(): void;
  onSelectFinding(finding: Finding): void;
  selectedFinding: Finding | null;
  /** Shown under the selected finding (the cells, in the standalone page). */
  renderFindingDetail?: (finding: Finding) => ReactNode;
  /** Goes to the cells of a block of the reading report. */
  onSelectPlace(place: ReadingPlace): void;
  selectedPlace: ReadingPlace | null;
  renderPlaceDetail?: (place: ReadingPlace) => ReactNode;
}

/** The segretario's view: check the whole workbook, findings by structure and sheet, the add-in's sheets. */
export function SegretarioView(props: SegretarioViewProps) {
  const {
    analysis,
    busy,
    canCheck,
    onCheck,
    onCreateTables,
    onGiuntaSummary,
    onClear,
    onSelectFinding,
    selectedFinding,
    renderFindingDetail,
    onSelectPlace,
    selectedPlace,
    renderPlaceDetail,
  } = props;
  const styles = useStyles();
  const tablesHint = useId("tables-hint");
  const giuntaHint = useId("giunta-hint");
  const clearHint = useId("clear-hint");
  const readingTitle = useId("reading-title");
  const [confirmingClear, setConfirmingClear] = useState(false);
  const rememberOpener = useReturnFocus(confirmingClear);
  const moreActions = useRef<HTMLButtonElement>(null);
  // Stable render props, so that the memoised lists are not redrawn when only `busy` changes.
  const findingDetail = useLatestCallback(renderFindingDetail);
  const placeDetail = useLatestCallback(renderPlaceDetail);
  const counts = useMemo(
    () => countBySeverity(analysis?.findings ?? []),
    [analysis],
  );
  const cards = analysis
    ? analysis.plan.sheets.reduce((n, s) => n + s.cards, 0)
    : 0;
  // As the CLI decides: no objective read means nothing was checked.
  const noCards = analysis !== null && objectivesOf(analysis.plan).length === 0;
  return (
    <div className={styles.root}>
      {/* tabIndex -1: the pane moves focus here once a file is open (App). */}
      <h2 className={styles.heading} tabIndex={-1} data-view-heading>
        {strings.segretario.title}
      </h2>
      <div className={styles.actions}>
        {/* While busy the buttons stay focusable (aria-disabled): a disabled button drops focus to the page body. */}
        <Button
          appearance="primary"
          disabled={busy || !canCheck}
          disabledFocusable={busy}
          onClick={onCheck}
        >
          {strings.segretario.check}
        </Button>
        {/* The writing actions sit in one menu, each with its description, so that at 320 px the
            counts and the findings come right after the check instead of below three hints. */}
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              ref={moreActions}
              disabled={busy || !canCheck}
              disabledFocusable={busy}
            >
              {strings.segretario.moreActions}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem
                disabled={!analysis}
                onClick={onCreateTables}
                aria-describedby={tablesHint}
                subText={{
                  id: tablesHint,
                  children: strings.segretario.createTablesHint,
                }}
              >
                {strings.segretario.createTables}
              </MenuItem>
              <MenuItem
                disabled={!analysis}
                onClick={onGiuntaSummary}
                aria-describedby={giuntaHint}
                subText={{
                  id: giuntaHint,
                  children: strings.segretario.giuntaSummaryHint,
                }}
              >
                {strings.segretario.giuntaSummary}
              </MenuItem>
              <MenuItem
                onClick={() => {
                  // The item leaves with its menu: focus comes back to the menu's button.
                  rememberOpener(moreActions.current);
                  setConfirmingClear(true);
                }}
                aria-describedby={clearHint}
                subText={{
                  id: clearHint,
                  children: strings.segretario.clearHint,
                }}
              >
                {strings.segretario.clear}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      {/* Office.js changes cannot be undone with Ctrl+Z: removing generated sheets (with the Nucleo's
          corrections on them) is confirmed first. */}
      <Dialog
        open={confirmingClear}
        onOpenChange={(_, data) => setConfirmingClear(data.open)}
        modalType="alert"
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{strings.segretario.clearConfirmTitle}</DialogTitle>
            <DialogContent>{strings.segretario.clearConfirmText}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmingClear(false);
                  onClear();
                }}
              >
                {strings.segretario.clearConfirm}
              </Button>
              <Button onClick={() => setConfirmingClear(false)}>
                {strings.segretario.clearCancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {analysis && (
        <>
          <section
            className={styles.summary}
            aria-label={strings.segretario.summaryTitle}
            data-summary="findings"
          >
            <Caption1>{strings.segretario.checkedAt(cards)}</Caption1>
            <span>
              <strong>
                {strings.findings.count(analysis.findings.length)}
              </strong>{" "}
            </span>
            <SeverityCounts counts={counts} showZero />
          </section>
          {noCards && <NoCardsMessage />}
          <FindingList
            findings={analysis.findings}
            emptyText={noCards ? null : undefined}
            onSelect={onSelectFinding}
            selected={selectedFinding}
            renderSelected={findingDetail}
          />
          {!noCards && (
            <section
              className={styles.summary}
              aria-labelledby={readingTitle}
              data-section="reading"
            >
              <h3 id={readingTitle} className={styles.heading}>
                {strings.reading.title}
              </h3>
              <Caption1 className={styles.hint}>
                {strings.reading.hint}
              </Caption1>
              <ReadingReport
                plan={analysis.plan}
                onSelectPlace={onSelectPlace}
                selected={selectedPlace}
                renderSelected={placeDetail}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
