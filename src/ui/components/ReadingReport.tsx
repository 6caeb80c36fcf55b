import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { memo, useMemo, type ReactNode } from "react";
import { readingReport, type Plan, type ReadingPlace } from "../../engine";
import { useProgressiveChunks } from "../hooks/useProgressiveCount";

type ReadingReportData = ReturnType<typeof readingReport>;
import { strings } from "../strings";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  objective: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalS },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  text: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  places: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  place: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase100,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  selected: { border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
});

export interface ReadingReportProps {
  plan: Plan;
  /** Goes to the cells of a block (Excel: selects them). */
  onSelectPlace(place: ReadingPlace): void;
  selected?: ReadingPlace | null;
  /** Shown under the selected place (the standalone page shows the cells there). */
  renderSelected?: (place: ReadingPlace) => ReactNode;
}

/**
 * "Come è stata letta la cartella": per structure, the spellings merged into it and, per
 * objective, how its summary row and card were joined, each block's cells (a button that goes
 * there) and where each phase came from. The same report as `schede check --explain`.
 * Memoised: it is redrawn only when the plan or the selection change.
 */
export const ReadingReport = memo(function ReadingReport({ plan, onSelectPlace, selected, renderSelected }: ReadingReportProps) {
  const report = useMemo(() => readingReport(plan), [plan]);
  // Hundreds of structures are drawn a few dozen at a time (see useProgressiveChunks).
  const chunks = useProgressiveChunks(report.structures);
  return (
    <Accordion collapsible multiple data-reading="report">
      {chunks.map((chunk, k) => (
        <StructureItems key={k} structures={chunk} onSelectPlace={onSelectPlace} selected={selected ?? null} renderSelected={renderSelected} />
      ))}
    </Accordion>
  );
});

interface StructureItemsProps {
  structures: Readonly<ReadingReportData["structures"]>;
  onSelectPlace(place: ReadingPlace): void;
  selected: ReadingPlace | null;
  renderSelected?: (place: ReadingPlace) => ReactNode;
}

/** One chunk of the structures; memoised, so that drawing the next chunk leaves it alone. */
const StructureItems = memo(function StructureItems({ structures, onSelectPlace, selected, renderSelected }: StructureItemsProps) {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "grid-linear", memorizeCurrent: true });
  return (
    <>
      {structures.map((s) => (
        <AccordionItem key={s.id} value={s.id}>
          <AccordionHeader size="small">{strings.reading.structure(s.name, s.objectives.length)}</AccordionHeader>
          <AccordionPanel>
            {s.mergedFrom.map((m) => (
              <p key={`${m.name}-${m.address ?? ""}`} className={styles.text}>
                {m.text}
              </p>
            ))}
            <ul className={styles.list} aria-label={strings.reading.objectivesOf(s.name)} {...arrows}>
              {s.objectives.map((o) => (
                <li key={o.id} className={styles.objective} data-objective={o.id}>
                  <span className={styles.title}>{strings.reading.objective(o.number, o.title)}</span>
                  {o.join && <p className={styles.text} data-join={o.join.status}>{strings.reading.join(o.join.text)}</p>}
                  <div className={styles.places}>
                    {o.places.map((p) => {
                      const isSelected = selected?.address === p.address && selected.block === p.block;
                      return (
                        <button
                          key={p.block}
                          type="button"
                          className={mergeClasses(styles.place, isSelected && styles.selected)}
                          aria-current={isSelected ? "true" : undefined}
                          aria-label={strings.reading.goTo(p.label, p.address)}
                          data-place={p.block}
                          onClick={() => onSelectPlace(p)}
                        >
                          {p.label}
                        </button>
                      );
                    })}
                  </div>
                  {o.places.some((p) => selected?.address === p.address && selected.block === p.block) && selected && renderSelected?.(selected)}
                  {o.phases.length > 0 && (
                    <Caption1 className={styles.text}>
                      {strings.reading.phases(o.phases.map((p, i) => strings.reading.phase(p.number ?? String(i + 1), p.origin)).join("; "))}
                    </Caption1>
                  )}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </>
  );
});
