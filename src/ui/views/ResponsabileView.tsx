import { Button, Caption1, Dropdown, Field, Option, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useMemo, type ReactNode } from "react";
import type { Analysis, Finding } from "../../engine";
import { objectivesOf as allObjectives } from "../logic/workbook-data";
import { CardChecklist } from "../components/CardChecklist";
import { FindingItems } from "../components/FindingList";
import { NoCardsMessage } from "../components/NoCardsMessage";
import { SeverityCounts } from "../components/SeverityCounts";
import { cardChecklist } from "../logic/checklist";
import { countBySeverity } from "../logic/group-findings";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: {
    color: tokens.colorNeutralForeground2,
    margin: 0,
  },
  dropdown: {
    minWidth: "0",
    width: "100%",
  },
  live: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  liveDot: {
    flexShrink: 0,
    width: "8px",
    height: "8px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorPaletteGreenForeground1,
  },
});

export interface ResponsabileViewProps {
  analysis: Analysis | null;
  busy: boolean;
  /** Whether the card follows the selection in Excel (else the user picks it). */
  followsSelection: boolean;
  /** Whether the card's state follows the typing by itself (live validation is on). */
  liveUpdates?: boolean;
  /** The card shown: the one at the selection, or the one picked. */
  objectiveId: string | null;
  onPickCard(objectiveId: string): void;
  onRefresh(): void;
  /**
   * What «Nuova scheda» does, where the host can do one of them: insert a card into the open
   * workbook (Excel), or download a new workbook holding one (a file in the browser). Absent: the
   * button is disabled and says a workbook is needed.
   */
  newCard?: { kind: "insert" | "download"; onClick(): void };
  onSelectFinding(finding: Finding): void;
  selectedFinding: Finding | null;
  /** Shown under the selected finding (the cells, in the standalone page). */
  renderFindingDetail?: (finding: Finding) => ReactNode;
  canRefresh: boolean;
}

/** The responsabile's view: the state of the card they are on, as a checklist, and its findings. */
export function ResponsabileView(props: ResponsabileViewProps) {
  const { analysis, busy, followsSelection, liveUpdates = false, objectiveId, onPickCard, onRefresh, newCard, onSelectFinding, selectedFinding, canRefresh, renderFindingDetail } = props;
  const styles = useStyles();
  const hintId = useId("new-card-hint");
  const objectives = useMemo(() => (analysis ? allObjectives(analysis.plan) : []), [analysis]);
  const objective = objectives.find((o) => o.id === objectiveId) ?? null;
  const items = useMemo(() => {
    if (!analysis || !objective) return [];
    const schedule = analysis.schedules.find((s) => s.objectiveId === objective.id);
    return cardChecklist(objective, schedule, analysis.methodology);
  }, [analysis, objective]);
  const findings = useMemo(
    () => (analysis && objective ? analysis.findings.filter((f) => f.objectiveId === objective.id) : []),
    [analysis, objective],
  );
  const label = (o: (typeof objectives)[number]) => strings.responsabile.cardOption(o.number, o.title, o.structure);

  return (
    <div className={styles.root}>
      {/* tabIndex -1: the pane moves focus here once a file is open (App). */}
      <h2 className={styles.heading} tabIndex={-1} data-view-heading>
        {strings.responsabile.title}
      </h2>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !canRefresh} disabledFocusable={busy} onClick={onRefresh}>
          {strings.responsabile.refresh}
        </Button>
        <Button disabled={busy || !newCard} disabledFocusable={busy} onClick={newCard?.onClick} aria-describedby={hintId} data-new-card={newCard?.kind ?? "none"}>
          {strings.responsabile.newCard}
        </Button>
      </div>
      <Caption1 id={hintId} className={styles.hint}>
        {newCard?.kind === "download"
          ? strings.responsabile.newCardDownloadHint
          : newCard?.kind === "insert"
            ? strings.responsabile.newCardHint
            : strings.responsabile.newCardUnavailable}
      </Caption1>
      {liveUpdates && (
        <p className={styles.live} role="status" data-live="on">
          <span className={styles.liveDot} aria-hidden="true" />
          <Caption1>{strings.responsabile.liveOn}</Caption1>
        </p>
      )}

      {!analysis && <p className={styles.hint}>{strings.responsabile.notRead}</p>}
      {analysis && objectives.length === 0 && <NoCardsMessage />}
      {analysis && objectives.length > 0 && (
        <>
          <Field
            label={strings.responsabile.cardPicker}
            hint={followsSelection ? (objective ? strings.responsabile.followSelection : strings.responsabile.noCardAtSelection) : undefined}
          >
            <Dropdown
              className={styles.dropdown}
              placeholder={strings.responsabile.cardPickerPlaceholder}
              clearButton={{ "aria-label": strings.responsabile.cardPickerClear }}
              value={objective ? label(objective) : ""}
              selectedOptions={objective ? [objective.id] : []}
              onOptionSelect={(_, data) => data.optionValue && onPickCard(data.optionValue)}
              disabled={busy}
            >
              {objectives.map((o) => (
                <Option key={o.id} value={o.id} text={label(o)}>
                  {label(o)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {objective && (
            <>
              <CardChecklist items={items} />
              <h3 className={styles.subheading}>
                {strings.responsabile.cardFindings}
                <SeverityCounts counts={countBySeverity(findings)} />
              </h3>
              {findings.length === 0 ? (
                <p className={styles.hint}>
                  {items.some((i) => i.status !== "ok") ? strings.responsabile.noCardFindingsButChecklist : strings.responsabile.noCardFindings}
                </p>
              ) : (
                <FindingItems
                  findings={findings}
                  onSelect={onSelectFinding}
                  selected={selectedFinding}
                  label={strings.responsabile.cardFindings}
                  renderSelected={renderFindingDetail}
                />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
