import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { memo, useEffect, useMemo, useRef, type ReactNode } from "react";
import type { Finding } from "../../engine";
import { useProgressiveChunks } from "../hooks/useProgressiveCount";
import { groupFindings } from "../logic/group-findings";
import { strings } from "../strings";
import { SEVERITY_COLOR, SeverityCounts } from "./SeverityCounts";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    width: "100%",
    textAlign: "start",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  where: {
    display: "block",
    color: tokens.colorNeutralForeground3,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  structureName: {
    fontWeight: tokens.fontWeightSemibold,
  },
  sheet: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  sheetHeading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  empty: {
    color: tokens.colorNeutralForeground2,
  },
});

export interface FindingItemsProps {
  findings: readonly Finding[];
  onSelect(finding: Finding): void;
  selected?: Finding | null;
  /** Accessible name of the list. */
  label: string;
  /** Shown under the selected finding (the standalone page shows the cells there). */
  renderSelected?: (finding: Finding) => ReactNode;
}

/**
 * A flat list of findings, each a button that goes to its cells. Arrow keys move inside the
 * list and Tab leaves it, so a long list costs one Tab stop.
 */
export function FindingItems({ findings, onSelect, selected, label, renderSelected }: FindingItemsProps) {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  // Closing the cells shown under a finding removes the focused close button: give focus back
  // to the finding instead of letting it fall to the page body.
  const selectedButton = useRef<HTMLButtonElement | null>(null);
  const lastSelected = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const previous = lastSelected.current;
    lastSelected.current = selected ? selectedButton.current : null;
    if (!selected && previous?.isConnected && (document.activeElement === document.body || document.activeElement === null)) previous.focus();
  }, [selected]);
  return (
    <ul className={styles.list} aria-label={label} {...arrows}>
      {findings.map((f, i) => {
        const isSelected = selected === f;
        return (
          <li key={`${f.ruleId}-${f.at.sheet}-${f.at.range}-${i}`}>
            <button
              type="button"
              ref={isSelected ? selectedButton : undefined}
              className={mergeClasses(styles.item, isSelected && styles.selected)}
              aria-current={isSelected ? "true" : undefined}
              data-finding={f.ruleId}
              onClick={() => onSelect(f)}
            >
              <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]} shape="rounded" size="small">
                {strings.severity[f.severity]}
              </Badge>
              <span>
                {f.message}
                <Caption1 className={styles.where}>{strings.findings.goTo(f.at.sheet, f.at.range)}</Caption1>
              </span>
            </button>
            {isSelected && renderSelected?.(f)}
          </li>
        );
      })}
    </ul>
  );
}

export interface FindingListProps {
  findings: readonly Finding[];
  onSelect(finding: Finding): void;
  selected?: Finding | null;
  renderSelected?: (finding: Finding) => ReactNode;
  /** What to say when there is no finding; null says nothing (the caller explains). */
  emptyText?: string | null;
}

/** Structures per chunk of the list (see useProgressiveChunks). */
const CHUNK = 40;

interface FindingGroupsProps {
  groups: Readonly<ReturnType<typeof groupFindings>>;
  /** Index of the first group in the whole list (the accordion's item values). */
  offset: number;
  onSelect(finding: Finding): void;
  selected: Finding | null;
  renderSelected?: (finding: Finding) => ReactNode;
}

/** One chunk of the structure groups; memoised, so that drawing the next chunk leaves it alone. */
const FindingGroups = memo(function FindingGroups({ groups, offset, onSelect, selected, renderSelected }: FindingGroupsProps) {
  const styles = useStyles();
  return (
    <>
      {groups.map((g, j) => {
        const i = offset + j;
        const name = g.structure ?? strings.findings.noStructure;
        return (
          <AccordionItem key={name} value={i}>
            <AccordionHeader as="h3" size="medium">
              <span className={styles.header}>
                <span className={styles.structureName}>{name}</span>
                <SeverityCounts counts={g.counts} />
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {g.sheets.map((s) => (
                <section key={s.sheet} className={styles.sheet} aria-label={`${name} — ${strings.findings.sheet(s.sheet)}`}>
                  <h4 className={styles.sheetHeading}>
                    {strings.findings.sheet(s.sheet)}
                    <SeverityCounts counts={s.counts} />
                  </h4>
                  <FindingItems
                    findings={s.findings}
                    onSelect={onSelect}
                    selected={selected}
                    renderSelected={renderSelected}
                    label={strings.findings.groupLabel(`${name}, ${strings.findings.sheet(s.sheet)}`, s.findings.length)}
                  />
                </section>
              ))}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </>
  );
});

/**
 * Findings grouped by structure and sheet, with counts by severity on every group. Memoised: a
 * long list is redrawn only when its findings or the selection change.
 */
export const FindingList = memo(function FindingList({ findings, onSelect, selected, renderSelected, emptyText = strings.findings.none }: FindingListProps) {
  const styles = useStyles();
  const groups = useMemo(() => groupFindings(findings), [findings]);
  // Open everything when it is short enough to read; otherwise only the first structure.
  const defaultOpen = useMemo(
    () => (findings.length <= 60 ? groups.map((_, i) => i) : groups.length > 0 ? [0] : []),
    [groups, findings.length],
  );
  // Hundreds of structures are drawn a few dozen at a time (see useProgressiveChunks).
  const chunks = useProgressiveChunks(groups, CHUNK);
  if (findings.length === 0) return emptyText === null ? null : <p className={styles.empty}>{emptyText}</p>;
  return (
    <Accordion multiple collapsible defaultOpenItems={defaultOpen}>
      {chunks.map((chunk, k) => (
        <FindingGroups key={k} groups={chunk} offset={k * CHUNK} onSelect={onSelect} selected={selected ?? null} renderSelected={renderSelected} />
      ))}
    </Accordion>
  );
});
