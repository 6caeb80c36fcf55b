import {
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ObjectiveScore, OwnerScore } from "../../engine";
import { formatNumber, formatPercent, strings } from "../strings";

/** A fixed class on the clamped title, so that its row's style can reach it. */
const TITLE_CLASS = "so-objective-title";

const useStyles = makeStyles({
  table: {
    tableLayout: "auto",
  },
  caption: {
    display: "block",
    color: tokens.colorNeutralForeground3,
  },
  number: {
    textAlign: "end",
    whiteSpace: "nowrap",
  },
  // Long titles (some cards put the whole description there) are cut at three lines; the full
  // text shows when the row holds focus (its «Correggi» button), so the keyboard reaches it too.
  row: {
    [`:focus-within .${TITLE_CLASS}`]: { display: "block", WebkitLineClamp: "unset", overflow: "visible" },
  },
  title: {
    display: "-webkit-box",
    WebkitLineClamp: 3,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    fontWeight: tokens.fontWeightSemibold,
  },
  group: {
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  // The Nucleo's correction is marked by a warm bar beside it; its text keeps body contrast
  // (marigold text on white was 2.15:1).
  override: {
    display: "block",
    marginTop: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    color: tokens.colorNeutralForeground1,
  },
});

/** A score; null is "non calcolabile" (nothing recorded, nothing due), never 0. */
const score = (n: number | null) => (n === null ? strings.nucleo.notComputable : formatNumber(n));
/** A mean: "non calcolabile" when nothing is recorded for it, "—" when nothing is due. */
const mean = (n: number | null, notComputable: boolean) => (n === null && notComputable ? strings.nucleo.notComputable : formatPercent(n));

export interface OwnerScoresTableProps {
  owners: readonly OwnerScore[];
}

/** Each owner's weighted score and band. */
export function OwnerScoresTable({ owners }: OwnerScoresTableProps) {
  const styles = useStyles();
  const c = strings.nucleo.col;
  return (
    <Table size="small" className={styles.table} aria-label={strings.nucleo.ownersTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{c.owner}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{c.score}</TableHeaderCell>
          <TableHeaderCell>{c.band}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {owners.map((o) => (
          <TableRow key={`${o.structure}-${o.owner}`}>
            <TableCell>
              {o.owner}
              <Caption1 className={styles.caption}>{o.structure}</Caption1>
            </TableCell>
            <TableCell className={styles.number}>{score(o.score)}</TableCell>
            <TableCell>{o.band ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export interface ObjectiveScoresTableProps {
  objectives: readonly ObjectiveScore[];
  /** Title shown for an objective id. */
  titleOf(objectiveId: string): string;
  /** True for an objective none of whose indicators has an achieved value. */
  actualsMissing?: (objectiveId: string) => boolean;
  onOverride(objective: ObjectiveScore): void;
  disabled?: boolean;
}

/** Each objective's means, computed score and the Nucleo's override beside it. */
export function ObjectiveScoresTable({ objectives, titleOf, actualsMissing = () => false, onOverride, disabled }: ObjectiveScoresTableProps) {
  const styles = useStyles();
  const c = strings.nucleo.col;
  return (
    <Table size="small" className={styles.table} aria-label={strings.nucleo.objectivesTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{c.objective}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{c.final}</TableHeaderCell>
          <TableHeaderCell>
            <span>{c.actions}</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {objectives.flatMap((o, i) => {
          const title = titleOf(o.objectiveId);
          // Objective numbers restart in every structure, so each structure gets a heading row.
          const groupRow =
            i === 0 || objectives[i - 1]?.structure !== o.structure ? (
              <TableRow key={`group-${o.structure}-${i}`} className={styles.group}>
                <TableCell colSpan={3}>{o.structure}</TableCell>
              </TableRow>
            ) : null;
          const row = (
            <TableRow key={o.objectiveId} className={styles.row} data-objective={o.objectiveId}>
              <TableCell>
                <span className={mergeClasses(styles.title, TITLE_CLASS)} title={title}>
                  {title}
                </span>
                <Caption1 className={styles.caption}>
                  {c.achievement}: {mean(o.meanAchievement, o.notComputable.includes("achievement"))} · {c.timeliness}:{" "}
                  {mean(o.meanTimeliness, o.notComputable.includes("timeliness"))}
                </Caption1>
                {/* What to do about it, not only that it cannot be computed. */}
                {actualsMissing(o.objectiveId) && (
                  <Caption1 className={styles.caption} data-actuals-missing>
                    {strings.nucleo.actualsMissing}
                  </Caption1>
                )}
                {o.override && (
                  <Caption1 className={styles.override} data-override-note>
                    {strings.nucleo.overridden(formatPercent(o.override.value), o.override.note)}
                  </Caption1>
                )}
              </TableCell>
              <TableCell className={styles.number}>
                {score(o.finalScore)}
                {o.override && <Caption1 className={styles.caption}>{strings.nucleo.computedBeside(score(o.score))}</Caption1>}
              </TableCell>
              <TableCell>
                <Button size="small" disabledFocusable={disabled} aria-label={strings.nucleo.overrideLabel(title)} onClick={() => onOverride(o)}>
                  {strings.nucleo.override}
                </Button>
              </TableCell>
            </TableRow>
          );
          return groupRow ? [groupRow, row] : [row];
        })}
      </TableBody>
    </Table>
  );
}
