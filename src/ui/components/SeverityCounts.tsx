import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../engine";
import type { SeverityCounts as Counts } from "../logic/group-findings";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
  },
});

export const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const satisfies Record<
  Severity,
  "danger" | "warning" | "informative"
>;

export interface SeverityCountsProps {
  counts: Counts;
  /** Show severities with a zero count too (the totals line). */
  showZero?: boolean;
}

/** Counts by severity as badges ("2 errori", "1 avviso"). */
export function SeverityCounts({ counts, showZero = false }: SeverityCountsProps) {
  const styles = useStyles();
  const severities = (["error", "warning", "info"] as const).filter((s) => showZero || counts[s] > 0);
  return (
    <span className={styles.root}>
      {severities.map((s) => (
        <Badge key={s} appearance={counts[s] > 0 ? "filled" : "outline"} color={counts[s] > 0 ? SEVERITY_COLOR[s] : "informative"} shape="rounded">
          {strings.severityPlural[s](counts[s])}
        </Badge>
      ))}
    </span>
  );
}
