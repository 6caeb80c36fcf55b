import { makeStyles, tokens, useId } from "@fluentui/react-components";
import type { OwnerScore } from "../../engine";
import { formatNumber, shortenAtWord, strings } from "../strings";

const useStyles = makeStyles({
  // The SVG scales with the pane; past this width its 12-unit text would outgrow the body text.
  root: {
    width: "100%",
    maxWidth: "400px",
    height: "auto",
    display: "block",
    fontFamily: tokens.fontFamilyBase,
  },
  // SVG fills are not forced by the browser: in forced colours (Windows high contrast) each part
  // takes a system colour, or the names would stay dark grey on the black canvas.
  label: {
    fill: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    "@media (forced-colors: active)": { fill: "CanvasText" },
  },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    "@media (forced-colors: active)": { fill: "CanvasText" },
  },
  track: {
    fill: tokens.colorNeutralBackground3,
    "@media (forced-colors: active)": { fill: "Canvas", stroke: "CanvasText", strokeWidth: 1 },
  },
  bar: {
    fill: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { fill: "Highlight" },
  },
  barNone: {
    fill: tokens.colorNeutralStroke2,
    "@media (forced-colors: active)": { fill: "GrayText" },
  },
  grid: {
    stroke: tokens.colorNeutralStroke2,
    strokeWidth: 1,
    strokeDasharray: "2 3",
    "@media (forced-colors: active)": { stroke: "GrayText" },
  },
  axis: {
    fill: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    "@media (forced-colors: active)": { fill: "CanvasText" },
  },
  empty: {
    color: tokens.colorNeutralForeground2,
  },
});

export interface ScoreChartProps {
  owners: readonly OwnerScore[];
}

// Geometry in viewBox units; the SVG scales to the pane's width.
const WIDTH = 320;
const LABEL_HEIGHT = 14;
const BAR_HEIGHT = 12;
const ROW = LABEL_HEIGHT + BAR_HEIGHT + 10;
const BAR_WIDTH = 250;
const TOP = 4;
const AXIS = 16;
const TICKS = [0, 25, 50, 75, 100];


/**
 * A horizontal bar per owner, 0–100, with the score and band written at the end of the bar.
 * Plain SVG: a chart library would weigh more than the whole pane.
 */
export function ScoreChart({ owners }: ScoreChartProps) {
  const styles = useStyles();
  const titleId = useId("score-chart-title");
  const descId = useId("score-chart-desc");
  if (owners.length === 0) return <p className={styles.empty}>{strings.nucleo.chartEmpty}</p>;
  const height = TOP + owners.length * ROW + AXIS;
  return (
    <svg
      className={styles.root}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-chart="owners"
    >
      <title id={titleId}>{strings.nucleo.chartTitle}</title>
      <desc id={descId}>
        {strings.nucleo.chartDescription(owners.length)}{" "}
        {owners
          .map((o) => strings.nucleo.chartBar(o.owner, o.score === null ? "—" : formatNumber(o.score), o.band))
          .join("; ")}
      </desc>
      {TICKS.map((t) => {
        const x = (t / 100) * BAR_WIDTH;
        return (
          <g key={t} aria-hidden="true">
            <line className={styles.grid} x1={x + 0.5} x2={x + 0.5} y1={TOP} y2={height - AXIS + 2} />
            <text className={styles.axis} x={x} y={height - 3} textAnchor={t === 0 ? "start" : t === 100 ? "end" : "middle"}>
              {t}
            </text>
          </g>
        );
      })}
      {owners.map((o, i) => {
        const y = TOP + i * ROW;
        const score = o.score === null ? null : Math.max(0, Math.min(100, o.score));
        const w = score === null ? 0 : (score / 100) * BAR_WIDTH;
        const valueText = score === null ? "—" : `${formatNumber(o.score ?? 0)}${o.band ? ` (${o.band})` : ""}`;
        return (
          <g key={`${o.structure}-${o.owner}`} data-owner={o.owner} aria-hidden="true">
            <text className={styles.label} x={0} y={y + LABEL_HEIGHT - 3}>
              {shortenAtWord(o.owner, 48)}
            </text>
            <rect className={styles.track} x={0} y={y + LABEL_HEIGHT} width={BAR_WIDTH} height={BAR_HEIGHT} rx={2} />
            <rect className={score === null ? styles.barNone : styles.bar} x={0} y={y + LABEL_HEIGHT} width={w} height={BAR_HEIGHT} rx={2} />
            <text className={styles.value} x={BAR_WIDTH + 6} y={y + LABEL_HEIGHT + BAR_HEIGHT - 2}>
              {valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
