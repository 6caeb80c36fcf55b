import { FluentProvider, makeStyles, tokens, useId, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookHost } from "../engine";
import { ProgressPanel } from "./components/ProgressPanel";
import { RoleSwitch, rolePanelId, roleTabId } from "./components/RoleSwitch";
import { StandaloneBar } from "./components/StandaloneBar";
import { StatusMessages } from "./components/StatusMessages";
import { downloadBlob } from "./download";
import { usePane } from "./hooks/pane";
import { useNavigation } from "./hooks/useNavigation";
import { useNucleo } from "./hooks/useNucleo";
import { useOpenFile } from "./hooks/useOpenFile";
import { useResponsabile } from "./hooks/useResponsabile";
import { useSegretario } from "./hooks/useSegretario";
import { useThemeKind } from "./hooks/useThemeKind";
import { useWorkbook } from "./hooks/useWorkbook";
import type { RoleStore } from "./role-store";
import { strings } from "./strings";
import type { AnalyseFn, OpenedWorkbook, OpenWorkbookFile, PaneMode, Role } from "./types";
import { NucleoView } from "./views/NucleoView";
import { ResponsabileView } from "./views/ResponsabileView";
import { SegretarioView } from "./views/SegretarioView";

const useStyles = makeStyles({
  // The page's own background and height sit on a wrapper, never on the FluentProvider: Fluent
  // gives the provider's classes to every portal (the card picker's list, dialogs), and a portal
  // with min-height 100vh and a white background covered the whole pane.
  page: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    maxWidth: "720px",
    marginLeft: "auto",
    marginRight: "auto",
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    boxSizing: "border-box",
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: {
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  openFirst: {
    marginTop: 0,
    marginBottom: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
  },
});

export interface AppProps {
  /**
   * Where the pane runs: inside Office or in a plain browser. Only the theme's source (Office's
   * theme or the browser's colour scheme) depends on it; what the pane offers comes from the
   * host's capabilities.
   */
  mode: PaneMode;
  /** The workbook's host when the pane has one from the start (Excel); null where a file is opened. */
  host: WorkbookHost | null;
  analyse: AnalyseFn;
  roleStore: RoleStore;
  /** Opens an .xlsx in the browser (the standalone page): the pane then shows the file bar. */
  openFile?: OpenWorkbookFile;
  /** Today as ISO date (tests fix it). */
  today?: () => string;
  /** Called once after the first render (time-to-first-render measurement). */
  onFirstRender?: () => void;
  /** Saves a file (the annotated copy, a new card's workbook); the browser download by default. */
  download?: (blob: Blob, fileName: string) => void;
}

const isoToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * The task pane (in Excel) and the standalone page (a file in the browser): one UI, two hosts.
 * A thin shell: the workbook's state (useWorkbook), one hook per role with its handlers
 * (useResponsabile, useSegretario, useNucleo), going to cells (useNavigation) and the file bar
 * (useOpenFile). Each asks the host's capabilities what it may offer.
 */
export function App({ mode, host: startHost, analyse, roleStore, openFile, today = isoToday, onFirstRender, download = downloadBlob }: AppProps) {
  const styles = useStyles();
  const idPrefix = useId("role");
  // A page that opens files is for checking a whole workbook: it starts on the segretario.
  const [role, setRole] = useState<Role>(() => roleStore.read() ?? (openFile ? "segretario" : "responsabile"));
  const [opened, setOpened] = useState<OpenedWorkbook | null>(null);
  const host = startHost ?? opened?.host ?? null;
  const [wb, actions] = useWorkbook(host, analyse);
  const pane = usePane(host, wb, actions, today);
  const panelRef = useRef<HTMLDivElement>(null);
  const themeKind = useThemeKind(mode);

  // Only the first commit counts: the callback of that render, called once.
  const firstRender = useRef(onFirstRender);
  useEffect(() => {
    firstRender.current?.();
  }, []);

  const changeRole = useCallback(
    (r: Role) => {
      setRole(r);
      roleStore.write(r);
    },
    [roleStore],
  );

  const nav = useNavigation(pane);
  const responsabile = useResponsabile(pane, nav, { active: role === "responsabile", download });
  const segretario = useSegretario(pane, nav);
  const nucleo = useNucleo(pane, nav, { active: role === "nucleo", analyse });
  const fileBar = useOpenFile(pane, { openFile, opened, setOpened, download, panelRef });

  return (
    <FluentProvider theme={themeKind === "dark" ? webDarkTheme : webLightTheme} lang="it" data-theme={themeKind}>
      {/* The page's background is on a div of its own: every popup (portal) inherits the provider's classes. */}
      <div className={styles.page}>
        <main className={styles.root} data-mode={mode} data-ready="true" data-busy={pane.busy} data-analysis-seq={wb.analysisCount}>
          <header>
            <h1 className={styles.title}>{strings.appTitle}</h1>
            <p className={styles.hint}>{strings.roles.hint[role]}</p>
          </header>
          {fileBar && <StandaloneBar {...fileBar} />}
          <RoleSwitch role={role} onChange={changeRole} idPrefix={idPrefix} />
          {wb.progress && <ProgressPanel progress={wb.progress} />}
          <StatusMessages
            error={wb.error}
            notice={wb.notice}
            noticeDetails={wb.noticeDetails}
            onDismissError={actions.dismissError} onDismissNotice={actions.dismissNotice} />
          <div ref={panelRef} role="tabpanel" id={rolePanelId(idPrefix, role)} aria-labelledby={roleTabId(idPrefix, role)} data-role={role}>
            {fileBar && !opened && <p className={styles.openFirst}>{strings.standalone.openFirst}</p>}
            {role === "responsabile" && <ResponsabileView {...responsabile} />}
            {role === "segretario" && <SegretarioView {...segretario} />}
            {role === "nucleo" && <NucleoView {...nucleo} />}
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
