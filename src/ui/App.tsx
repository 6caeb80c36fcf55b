import { FluentProvider, makeStyles, tokens, useId, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { ReadingPlace } from "../engine/read/reading-report";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { applyPreset, type MethodologyPreset } from "../engine/compute/methodology";
import type { Override, ReviewKind } from "../engine/compute/types";
import type { ActiveCell, WorkbookHost } from "../engine/host";
import type { Finding } from "../engine/model/finding";
import { objectivesOf as allObjectives } from "./logic/workbook-data";
import { rangeToA1 } from "../engine/cells/a1";
import { CellPreview } from "./components/CellPreview";
import { ProgressPanel } from "./components/ProgressPanel";
import { RoleSwitch, rolePanelId, roleTabId } from "./components/RoleSwitch";
import { StandaloneBar } from "./components/StandaloneBar";
import { StatusMessages } from "./components/StatusMessages";
import { downloadBlob } from "./download";
import { useLiveValidation } from "./hooks/useLiveValidation";
import { useThemeKind } from "./hooks/useThemeKind";
import { useWorkbook } from "./hooks/useWorkbook";
import { objectiveAt } from "./logic/card-at";
import { buildNewCard } from "./logic/new-card";
import { FileOpenError, describeOpenFailure } from "./logic/open-failure";
import { firstOwnedSheet, giuntaPlan } from "./logic/plans";
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
  mode: PaneMode;
  /** The Excel host; null in the standalone page, where the host comes from an opened file. */
  host: WorkbookHost | null;
  analyse: AnalyseFn;
  roleStore: RoleStore;
  /** Standalone page only: opens an .xlsx in the browser. */
  openFile?: OpenWorkbookFile;
  /** Today as ISO date (tests fix it). */
  today?: () => string;
  /** Called once after the first render (time-to-first-render measurement). */
  onFirstRender?: () => void;
  /** Saves the annotated copy; the browser download by default. */
  download?: (blob: Blob, fileName: string) => void;
}

const isoToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** The task pane (in Excel) and the standalone page (a file in the browser): one UI, two hosts. */
export function App({ mode, host: excelHost, analyse, roleStore, openFile, today = isoToday, onFirstRender, download = downloadBlob }: AppProps) {
  const styles = useStyles();
  const idPrefix = useId("role");
  const [role, setRole] = useState<Role>(() => roleStore.read() ?? (mode === "standalone" ? "segretario" : "responsabile"));
  const [opened, setOpened] = useState<OpenedWorkbook | null>(null);
  const host = excelHost ?? opened?.host ?? null;
  const [wb, actions] = useWorkbook(host, analyse);
  const { analysis } = wb;
  const busy = wb.progress !== null;
  const [selectedFinding, setSelectedFinding] = useState<Finding | null>(null);
  const [activeCell, setActiveCell] = useState<ActiveCell | null>(null);
  const [pickedCard, setPickedCard] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  /** Set when a file has just been opened: its first analysis takes focus to the view's heading. */
  const focusResults = useRef(false);
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

  // A new file or a new analysis invalidates what was selected.
  useEffect(() => setSelectedFinding(null), [analysis]);

  // After opening a file the file button is still focused and the results are far below: go to them.
  useEffect(() => {
    if (!focusResults.current) return;
    if (wb.error) focusResults.current = false;
    else if (analysis) {
      focusResults.current = false;
      panelRef.current?.querySelector<HTMLElement>("[data-view-heading]")?.focus();
    }
  }, [analysis, wb.error]);

  // Standalone: analyse the file as soon as it is open, so findings and scores show at once.
  useEffect(() => {
    if (opened) void actions.check({ asOf: today() });
  }, [opened, actions, today]);

  // Excel: the responsabile sees their card's state without pressing anything; the Nucleo gets
  // the plan year, for the review date it proposes (31/12 or 30/09 of that year).
  const needsFirstRead = mode === "excel" && (role === "responsabile" || role === "nucleo") && host !== null && !analysis && !busy && !wb.error;
  // Keyed on host and role only (a failure shows its message and waits for "Aggiorna"): the
  // other values are read as they are when host or role changes.
  const firstRead = useRef({ needsFirstRead, actions, today });
  firstRead.current = { needsFirstRead, actions, today };
  useEffect(() => {
    const now = firstRead.current;
    if (now.needsFirstRead) void now.actions.check({ asOf: now.today() });
  }, [host, role]);

  // Excel: the card follows the selection.
  const followsSelection = Boolean(host?.onSelectionChanged);
  useEffect(() => {
    if (!host?.onSelectionChanged || role !== "responsabile") return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void host.getActiveCell?.().then((cell) => !cancelled && setActiveCell(cell)).catch(() => undefined);
    host
      .onSelectionChanged((cell) => setActiveCell(cell))
      .then((unsubscribe) => {
        if (cancelled) unsubscribe();
        else stop = unsubscribe;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host, role]);

  // Excel: the responsabile's card follows the typing (the host debounces and re-reads the card).
  const liveUpdates = useLiveValidation({
    host,
    enabled: role === "responsabile",
    analysis,
    flaggedAreas: wb.flaggedAreas,
    actions,
    checkOptions: () => ({ ...wb.options, asOf: today() }),
  });

  const cardAtSelection = useMemo(
    () => (analysis && activeCell ? (objectiveAt(analysis.plan, activeCell)?.id ?? null) : null),
    [analysis, activeCell],
  );
  useEffect(() => setPickedCard(null), [activeCell]);
  const firstCard = useMemo(() => (analysis ? (allObjectives(analysis.plan)[0]?.id ?? null) : null), [analysis]);
  const cardId = pickedCard ?? (followsSelection ? cardAtSelection : firstCard);

  const [selectedPlace, setSelectedPlace] = useState<ReadingPlace | null>(null);
  const selectFinding = useCallback(
    (f: Finding) => {
      setSelectedPlace(null);
      setSelectedFinding(f);
      // A file in the browser has no window to jump to: the list shows the cells instead.
      if (mode === "excel" && host) host.selectRange(f.at.sheet, f.at.range).catch(actions.fail);
    },
    [host, mode, actions],
  );

  const pickCard = useCallback(
    (id: string) => {
      setPickedCard(id);
      const card = analysis ? allObjectives(analysis.plan).find((o) => o.id === id) : undefined;
      const at = card?.source.card ?? card?.source.title;
      if (host && at && mode === "excel") void host.selectRange(at.sheet, rangeToA1(at)).catch(() => undefined);
    },
    [analysis, host, mode],
  );

  const selectPlace = useCallback(
    (p: ReadingPlace) => {
      // One preview at a time: a finding's or a block's.
      setSelectedFinding(null);
      setSelectedPlace(p);
      if (mode === "excel" && host) host.selectRange(p.range.sheet, rangeToA1(p.range)).catch(actions.fail);
    },
    [host, mode, actions],
  );

  const goToSheet = useCallback(
    async (sheet: string | null) => {
      if (sheet && host && mode === "excel") await host.selectRange(sheet, "A1").catch(() => undefined);
    },
    [host, mode],
  );

  const currentOverrides = (): Override[] =>
    analysis?.scores.objectives.flatMap((o) => (o.override ? [{ objectiveId: o.objectiveId, ...o.override }] : [])) ?? [];

  // What-if: the same snapshots and options under another methodology; nothing is written.
  const snapshotsNow = wb.snapshots;
  const optionsNow = wb.options;
  const previewPreset = useCallback(
    async (preset: MethodologyPreset["id"]) => {
      if (!snapshotsNow || !analysis) return null;
      const overrides = analysis.scores.objectives.flatMap((o) => (o.override ? [{ objectiveId: o.objectiveId, ...o.override }] : []));
      const fresh = await analyse(snapshotsNow, { ...optionsNow, overrides, methodology: applyPreset(analysis.methodology, preset) });
      return fresh.scores;
    },
    [snapshotsNow, optionsNow, analysis, analyse],
  );

  // In the browser a card inserted into the copy in memory has no undo and changes the figures
  // being checked: the standalone page only checks, new cards are inserted in Excel.
  const insertCard = mode === "excel" ? host?.insertNewCard?.bind(host) : undefined;
  const insertNewCard = insertCard
    ? async () => {
        const year = analysis?.plan.year ?? Number(today().slice(0, 4));
        const sheet = await actions.run(strings.progress.writing, () => insertCard(buildNewCard({ year })));
        if (!sheet) return;
        const fresh = await actions.check({ asOf: today() });
        // Show the new card at once, wherever the selection is.
        const card = fresh ? allObjectives(fresh.plan).find((o) => (o.source.card ?? o.source.title)?.sheet === sheet) : undefined;
        if (card) setPickedCard(card.id);
        actions.notify(strings.responsabile.newCardDone(sheet));
      }
    : undefined;

  // In the browser the writes go to the copy in memory; say how to get it.
  const writtenNotice = (inExcel: string) => (mode === "excel" ? inExcel : strings.standalone.writtenToCopy);

  const snapshots = wb.snapshots;
  const renderFindingDetail =
    mode === "standalone" && snapshots
      ? (f: Finding) => <CellPreview snapshots={snapshots} sheet={f.at.sheet} range={f.at.range} onClose={() => setSelectedFinding(null)} />
      : undefined;

  const renderPlaceDetail =
    mode === "standalone" && snapshots
      ? (p: ReadingPlace) => <CellPreview snapshots={snapshots} sheet={p.range.sheet} range={rangeToA1(p.range)} onClose={() => setSelectedPlace(null)} />
      : undefined;

  const view = (() => {
    switch (role) {
      case "responsabile":
        return (
          <ResponsabileView
            analysis={analysis}
            busy={busy}
            canRefresh={host !== null}
            followsSelection={followsSelection}
            liveUpdates={liveUpdates}
            objectiveId={cardId}
            onPickCard={pickCard}
            onRefresh={() => void actions.check({ asOf: today() })}
            onNewCard={insertNewCard ? () => void insertNewCard() : undefined}
            inExcel={mode === "excel"}
            onSelectFinding={selectFinding}
            selectedFinding={selectedFinding}
            renderFindingDetail={renderFindingDetail}
          />
        );
      case "segretario":
        return (
          <SegretarioView
            analysis={analysis}
            busy={busy}
            canCheck={host !== null}
            onCheck={() => void actions.check({ asOf: today(), review: null })}
            onCreateTables={async () => {
              if (!analysis) return;
              if (await actions.write(analysis.writePlan, writtenNotice(strings.segretario.written)))
                await goToSheet(firstOwnedSheet(analysis.writePlan, ["objectives", "findings"]));
            }}
            onGiuntaSummary={async () => {
              if (!analysis) return;
              const plan = giuntaPlan(analysis.writePlan);
              if (await actions.write(plan, writtenNotice(strings.segretario.written))) await goToSheet(firstOwnedSheet(plan, ["summary", "objectives", "scores"]));
            }}
            onClear={async () => {
              await actions.clear(writtenNotice(strings.segretario.cleared));
            }}
            onSelectFinding={selectFinding}
            selectedFinding={selectedFinding}
            renderFindingDetail={renderFindingDetail}
            onSelectPlace={selectPlace}
            selectedPlace={selectedPlace}
            renderPlaceDetail={renderPlaceDetail}
          />
        );
      case "nucleo":
        return (
          <NucleoView
            analysis={analysis}
            busy={busy}
            canCompute={host !== null}
            planYear={analysis?.plan.year ?? Number(today().slice(0, 4))}
            reviewed={Boolean(wb.options.review)}
            preview={previewPreset}
            onCompute={(asOf: string, review: ReviewKind, preset) => {
              const methodology = preset && analysis ? applyPreset(analysis.methodology, preset) : wb.options.methodology;
              const options = { asOf, review, overrides: analysis ? currentOverrides() : undefined, methodology };
              // In Excel the Nucleo may just have typed achieved values: read again. A file cannot change.
              void (mode === "excel" ? actions.check(options) : actions.recompute(options));
            }}
            onWrite={async () => {
              if (!analysis) return;
              if (await actions.write(analysis.writePlan, writtenNotice(strings.nucleo.written))) await goToSheet(firstOwnedSheet(analysis.writePlan, ["scores"]));
            }}
            onOverride={(o) => {
              const overrides = [...currentOverrides().filter((x) => x.objectiveId !== o.objectiveId), o];
              void actions.recompute({ ...wb.options, overrides });
            }}
            onRemoveOverride={(id) => {
              const overrides = currentOverrides().filter((x) => x.objectiveId !== id);
              void actions.recompute({ ...wb.options, overrides });
            }}
          />
        );
    }
  })();

  const openWorkbook = openFile
    ? async (file: File) => {
        const result = await actions.run(strings.progress.openingFile, async (report) => {
          try {
            return await openFile(file, report);
          } catch (error) {
            throw new FileOpenError(await describeOpenFailure(file, error), { cause: error });
          }
        });
        if (result) {
          focusResults.current = true;
          setOpened(result);
        } else {
          // The previous file's name and findings would read as if they were this file's.
          setOpened(null);
        }
      }
    : undefined;

  const downloadCopy =
    opened && analysis
      ? async () => {
          const name = strings.standalone.annotatedName(opened.fileName);
          const blob = await actions.run(strings.progress.preparingCopy, (report) => opened.annotatedCopy(analysis.writePlan, report));
          if (blob) {
            download(blob, name);
            actions.notify(strings.standalone.downloaded(name));
          }
        }
      : undefined;

  return (
    <FluentProvider theme={themeKind === "dark" ? webDarkTheme : webLightTheme} lang="it" data-theme={themeKind}>
      {/* The page's background is on a div of its own: every popup (portal) inherits the provider's classes. */}
      <div className={styles.page}>
        <main className={styles.root} data-mode={mode} data-ready="true" data-busy={busy} data-analysis-seq={wb.analysisCount}>
          <header>
            <h1 className={styles.title}>{strings.appTitle}</h1>
            <p className={styles.hint}>{strings.roles.hint[role]}</p>
          </header>
          {mode === "standalone" && openWorkbook && (
            <StandaloneBar
              fileName={opened?.fileName ?? null}
              busy={busy}
              onOpen={(f) => void openWorkbook(f)}
              onDownload={downloadCopy ? () => void downloadCopy() : undefined}
            />
          )}
          <RoleSwitch role={role} onChange={changeRole} idPrefix={idPrefix} />
          {wb.progress && <ProgressPanel progress={wb.progress} />}
          <StatusMessages
            error={wb.error}
            notice={wb.notice}
            noticeDetails={wb.noticeDetails}
            onDismissError={actions.dismissError} onDismissNotice={actions.dismissNotice} />
          <div ref={panelRef} role="tabpanel" id={rolePanelId(idPrefix, role)} aria-labelledby={roleTabId(idPrefix, role)} data-role={role}>
            {mode === "standalone" && !opened && <p className={styles.openFirst}>{strings.standalone.openFirst}</p>}
            {view}
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
