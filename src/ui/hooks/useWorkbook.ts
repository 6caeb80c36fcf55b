import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AnalyseOptions, Analysis, ApplyReport, Progress, SheetSnapshot, WorkbookHost, WritePlan } from "../../engine";
import type { NoticeDetail } from "../components/StatusMessages";
import { describeError, errorDetail } from "../errors";
import { recordedFlagAreas, type SheetBlock } from "../logic/live";
import { createLiveProgress } from "../logic/live-progress";
import { strings } from "../strings";
import type { AnalyseFn } from "../types";

/** What the pane knows about the open workbook. */
export interface WorkbookState {
  analysis: Analysis | null;
  snapshots: SheetSnapshot[] | null;
  /** Options of the last analysis (review kind and date, overrides). */
  options: AnalyseOptions;
  /**
   * Set while a long operation runs: one object for the whole operation, which reads the latest
   * step (see logic/live-progress; the progress bar follows it without re-rendering the pane).
   */
  progress: Progress | null;
  error: string | null;
  /** A short success message ("Fogli aggiornati"). */
  notice: string | null;
  /** What the user should know about the last write (its report: a renamed sheet, a skipped column). */
  noticeDetails: NoticeDetail[];
  /** How many analyses this pane has made (never reset), so a test can wait for the next one. */
  analysisCount: number;
  /**
   * Ranges that carry the add-in's flags, as far as the pane knows: the record found at the last
   * full read, then what its own writes left (a plan's flags; none after clearing).
   */
  flaggedAreas: SheetBlock[];
}

export interface WorkbookActions {
  /** Reads every sheet and analyses it. */
  check(options?: AnalyseOptions): Promise<Analysis | null>;
  /** Re-analyses the snapshots already read (new review date, an override); reads first if none. */
  recompute(options: AnalyseOptions): Promise<Analysis | null>;
  /** Applies a write plan with a progress bar; the notice then lists the host's report. */
  write(plan: WritePlan, notice: string): Promise<boolean>;
  /** Removes the add-in's content; the notice then lists the host's report. */
  clear(notice: string): Promise<boolean>;
  /**
   * Analyses snapshots the host re-read on its own (live validation) with the options of the last
   * analysis, without the progress bar: the view just follows. Null when it failed (then shown,
   * through `about` when given: see `fail`).
   */
  analyseQuietly(snapshots: SheetSnapshot[], about?: (detail: string) => string): Promise<Analysis | null>;
  /** Runs any host task with the busy state and the error message handled. */
  run<T>(label: string, task: (report: (p: Progress) => void) => Promise<T>): Promise<T | null>;
  /**
   * Shows the failure of a quick host call that did not go through `run`. With `about`, the
   * message says what did not happen, followed by the error's text (strings.errors.selectFailed…).
   */
  fail(error: unknown, about?: (detail: string) => string): void;
  /** Shows a success message. */
  notify(notice: string): void;
  dismissError(): void;
  dismissNotice(): void;
}

/** Lets the browser paint the progress bar between phases of synchronous work. */
export const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A failure's message: what did not happen and why (`about`), or the error's own description. */
const describe = (e: unknown, about?: (detail: string) => string): string => (about ? about(errorDetail(e)) : describeError(e));

const initial: WorkbookState = {
  analysis: null,
  snapshots: null,
  options: {},
  progress: null,
  error: null,
  notice: null,
  noticeDetails: [],
  analysisCount: 0,
  flaggedAreas: [],
};

/**
 * The open workbook's analysis and the operations on it. One instance lives at the top of the
 * pane so that switching role keeps what was read.
 */
export function useWorkbook(host: WorkbookHost | null, analyse: AnalyseFn): [WorkbookState, WorkbookActions] {
  const [state, setState] = useState<WorkbookState>(initial);
  const stateRef = useRef(state);
  stateRef.current = state;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A new host (another file opened) makes the previous analysis meaningless. The error stays:
  // a file that failed to open closes the previous one, and its message must remain on screen.
  useEffect(() => {
    setState((s) => ({ ...initial, analysisCount: s.analysisCount, error: s.error }));
  }, [host]);

  const update = useCallback((patch: Partial<WorkbookState>) => {
    if (mounted.current) setState((s) => ({ ...s, ...patch }));
  }, []);

  const run = useCallback(
    async <T,>(label: string, task: (report: (p: Progress) => void) => Promise<T>): Promise<T | null> => {
      // One progress object for the whole task: its steps re-render the progress bar only.
      const live = createLiveProgress({ fraction: 0, label });
      update({ progress: live.progress, error: null, notice: null, noticeDetails: [] });
      try {
        await yieldToBrowser();
        const result = await task(live.set);
        // With the results (a transition, see analyseWith): the bar goes when they are drawn.
        startTransition(() => update({ progress: null }));
        return result;
      } catch (e) {
        update({ progress: null, error: describeError(e) });
        return null;
      }
    },
    [update],
  );

  const analyseWith = useCallback(
    async (snapshots: SheetSnapshot[], options: AnalyseOptions, report: (p: Progress) => void, from: number) => {
      report({ fraction: from, label: options.review ? strings.progress.computing : strings.progress.analysing });
      await yieldToBrowser();
      // The engine's own steps fill the rest of the bar.
      const analysis = await analyse(snapshots, options, { onProgress: (p) => report({ fraction: from + (1 - from) * p.fraction, label: p.label }) });
      report({ fraction: 1, label: strings.progress.done });
      await yieldToBrowser();
      // Drawing a big plan's results takes a while: as a transition React draws them in slices,
      // and the page stays responsive (no long task) meanwhile.
      startTransition(() => {
        if (mounted.current) setState((s) => ({ ...s, analysis, snapshots, options, analysisCount: s.analysisCount + 1 }));
      });
      return analysis;
    },
    [analyse],
  );

  const check = useCallback(
    async (options: AnalyseOptions = {}) => {
      if (!host) {
        update({ error: strings.errors.noWorkbook });
        return null;
      }
      return run(strings.progress.reading, async (report) => {
        // In Excel reading is most of the time; a file was read when it was opened, and the
        // analysis is what is left.
        const readShare = host.kind === "file" ? 0.2 : 0.8;
        const snapshots = await host.readSnapshots((p) =>
          report({ fraction: p.fraction * readShare, label: p.label || strings.progress.reading }),
        );
        update({ flaggedAreas: recordedFlagAreas(snapshots) });
        return analyseWith(snapshots, options, report, readShare + 0.05);
      });
    },
    [host, run, analyseWith, update],
  );

  const recompute = useCallback(
    async (options: AnalyseOptions) => {
      const snapshots = stateRef.current.snapshots;
      if (!snapshots) return check(options);
      return run(strings.progress.computing, (report) => analyseWith(snapshots, options, report, 0.5));
    },
    [check, run, analyseWith],
  );

  /** Runs a write through `run` and shows its report under `notice`; `flagged` is what it leaves flagged. */
  const reportWrite = useCallback(
    async (notice: string, flagged: SheetBlock[], task: (report: (p: Progress) => void) => Promise<ApplyReport>) => {
      const result = await run(strings.progress.writing, task);
      if (result) update({ notice, noticeDetails: result.messages.map(({ severity, message }) => ({ severity, message })), flaggedAreas: flagged });
      return result !== null;
    },
    [run, update],
  );

  const write = useCallback(
    async (plan: WritePlan, notice: string) => {
      if (!host) {
        update({ error: strings.errors.noWorkbook });
        return false;
      }
      const flagged = plan.flags.map(({ sheet, top, left, bottom, right }) => ({ sheet, top, left, bottom, right }));
      return reportWrite(notice, flagged, (report) =>
        host.applyWritePlan(plan, (p) => report({ fraction: p.fraction, label: p.label || strings.progress.writing })),
      );
    },
    [host, reportWrite, update],
  );

  const clear = useCallback(
    async (notice: string) => {
      if (!host) {
        update({ error: strings.errors.noWorkbook });
        return false;
      }
      return reportWrite(notice, [], () => host.clearAddinContent());
    },
    [host, reportWrite, update],
  );

  const analyseQuietly = useCallback(
    async (snapshots: SheetSnapshot[], about?: (detail: string) => string) => {
      try {
        const options = stateRef.current.options;
        const analysis = await analyse(snapshots, options);
        if (mounted.current) setState((s) => ({ ...s, analysis, snapshots, analysisCount: s.analysisCount + 1 }));
        return analysis;
      } catch (e) {
        update({ error: describe(e, about) });
        return null;
      }
    },
    [analyse, update],
  );

  const fail = useCallback((e: unknown, about?: (detail: string) => string) => update({ error: describe(e, about) }), [update]);
  const notify = useCallback((notice: string) => update({ notice, noticeDetails: [] }), [update]);
  const dismissError = useCallback(() => update({ error: null }), [update]);
  const dismissNotice = useCallback(() => update({ notice: null, noticeDetails: [] }), [update]);

  const actions = useMemo(
    () => ({ check, recompute, write, clear, analyseQuietly, run, fail, notify, dismissError, dismissNotice }),
    [check, recompute, write, clear, analyseQuietly, run, fail, notify, dismissError, dismissNotice],
  );
  return [state, actions];
}
