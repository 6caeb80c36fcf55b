import { Button, Caption1, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import { useMemo } from "react";
import { columnToLetters, parseRangeA1, toA1, type SheetSnapshot } from "../../engine";
import { boundsOf, valueAt } from "../logic/workbook-data";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  scroll: {
    overflowX: "auto",
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    fontFamily: tokens.fontFamilyBase,
  },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  td: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    maxWidth: "9em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "top",
  },
  value: {
    margin: 0,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
  },
  hit: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    outlineOffset: "-2px",
  },
});

export interface CellPreviewProps {
  snapshots: readonly SheetSnapshot[];
  sheet: string;
  range: string;
  onClose(): void;
}

const MARGIN = 2;
const MAX_ROWS = 9;
const MAX_COLS = 6;

const show = (v: string | number | boolean | null): string =>
  v === null ? "" : typeof v === "boolean" ? (v ? "VERO" : "FALSO") : String(v);

/**
 * Where a finding points, in the standalone page (there is no Excel to jump to): the cells
 * around the range, with the range highlighted.
 */
export function CellPreview({ snapshots, sheet, range, onClose }: CellPreviewProps) {
  const styles = useStyles();
  const headingId = useId("cell-preview");
  const snapshot = snapshots.find((s) => s.name === sheet);
  const grid = useMemo(() => {
    const r = parseRangeA1(range);
    if (!snapshot || !r) return null;
    const b = boundsOf(snapshot);
    const top = Math.max(b.top, r.top - MARGIN);
    const bottom = Math.min(Math.max(b.bottom, r.top), top + MAX_ROWS - 1, r.bottom + MARGIN);
    const left = Math.max(b.left, r.left - MARGIN);
    const right = Math.min(Math.max(b.right, r.left), left + MAX_COLS - 1, r.right + MARGIN);
    const rows: number[] = [];
    for (let i = top; i <= bottom; i++) rows.push(i);
    const cols: number[] = [];
    for (let j = left; j <= right; j++) cols.push(j);
    return { r, rows, cols, value: show(valueAt(snapshot, r.top, r.left)) };
  }, [snapshot, range]);

  return (
    <section className={styles.root} aria-labelledby={headingId} data-preview={`${sheet}!${range}`}>
      <div className={styles.head}>
        <p id={headingId} className={styles.title}>
          {strings.preview.title}
        </p>
        <Button size="small" appearance="subtle" onClick={onClose} aria-label={strings.preview.close}>
          ×
        </Button>
      </div>
      <Caption1>{strings.preview.at(sheet, range)}</Caption1>
      {grid && snapshot ? (
        // Wide cells scroll sideways; the region takes focus so the keyboard can scroll it too.
        <div className={styles.scroll} tabIndex={0} role="group" aria-label={strings.preview.tableLabel(sheet, range)}>
          <table className={styles.table}>
            <thead>
              <tr>
                <td className={styles.th} />
                {grid.cols.map((c) => (
                  <th key={c} scope="col" className={styles.th}>
                    {columnToLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row}>
                  <th scope="row" className={styles.th}>
                    {row + 1}
                  </th>
                  {grid.cols.map((col) => {
                    const inside = row >= grid.r.top && row <= grid.r.bottom && col >= grid.r.left && col <= grid.r.right;
                    const text = show(valueAt(snapshot, row, col));
                    return (
                      <td key={col} className={mergeClasses(styles.td, inside && styles.hit)} title={text || undefined}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {grid.value && (
            <p className={styles.value}>
              {strings.preview.value(toA1({ row: grid.r.top, col: grid.r.left }))} {grid.value}
            </p>
          )}
        </div>
      ) : (
        <Caption1>{strings.preview.empty}</Caption1>
      )}
    </section>
  );
}
