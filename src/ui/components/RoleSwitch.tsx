import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { ROLES, type Role } from "../types";
import { strings } from "../strings";

const useStyles = makeStyles({
  root: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface RoleSwitchProps {
  role: Role;
  onChange(role: Role): void;
  /** Prefix for the ids that tie each tab to its panel. */
  idPrefix: string;
}

export const roleTabId = (prefix: string, role: Role) => `${prefix}-tab-${role}`;
export const rolePanelId = (prefix: string, role: Role) => `${prefix}-panel-${role}`;

/** The three roles as tabs: arrow keys move between them, the choice is remembered by the caller. */
export function RoleSwitch({ role, onChange, idPrefix }: RoleSwitchProps) {
  const styles = useStyles();
  return (
    <TabList
      className={styles.root}
      selectedValue={role}
      onTabSelect={(_, data) => onChange(data.value as Role)}
      aria-label={strings.roles.label}
      size="medium"
    >
      {ROLES.map((r) => (
        <Tab key={r} value={r} id={roleTabId(idPrefix, r)} aria-controls={rolePanelId(idPrefix, r)}>
          {strings.roles[r]}
        </Tab>
      ))}
    </TabList>
  );
}
