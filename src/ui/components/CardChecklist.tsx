import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ChecklistItem, CheckStatus } from "../logic/checklist";
import { strings } from "../strings";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "7.5em 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  label: {
    fontWeight: tokens.fontWeightSemibold,
    display: "block",
  },
  detail: {
    display: "block",
    color: tokens.colorNeutralForeground2,
  },
});

const COLOR: Record<CheckStatus, "success" | "warning" | "danger"> = { ok: "success", warning: "warning", error: "danger" };

export interface CardChecklistProps {
  items: readonly ChecklistItem[];
}

/** The state of a card, one line per part, each with a status word (not colour alone). */
export function CardChecklist({ items }: CardChecklistProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={strings.responsabile.checklistLabel}>
      {items.map((item) => (
        <li key={item.id} className={styles.item} data-check={item.id} data-status={item.status}>
          <Badge appearance={item.status === "ok" ? "tint" : "filled"} color={COLOR[item.status]} shape="rounded">
            {strings.responsabile.status[item.status]}
          </Badge>
          <span>
            <span className={styles.label}>{item.label}</span>
            <Caption1 className={styles.detail}>{item.detail}</Caption1>
          </span>
        </li>
      ))}
    </ul>
  );
}
