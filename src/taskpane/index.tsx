/**
 * Task pane entry. In Excel, Office.onReady reports the host and the pane talks to Excel through
 * the Excel host. Without Office (a plain browser, or office.js blocked or unreachable) the same
 * UI runs as the standalone page that opens an .xlsx file; ExcelJS is then loaded on demand.
 */
import { createRoot } from "react-dom/client";
import type { AnalyseHooks, AnalyseOptions, SheetSnapshot, WorkbookHost } from "../engine";
import { App } from "../ui/App";
import { browserStorage, createRoleStore } from "../ui/role-store";
import type { AnalyseFn, OpenWorkbookFile, PaneMode } from "../ui/types";
import { analyserFor } from "../hosts/xlsx/worker/remote-analysis";
import { StartupBoundary, showStartupFailure } from "./startup-failure";

declare global {
  interface Window {
    /** ms from navigation start to the pane's first render, for the e2e measurement. */
    __schedeFirstRenderMs?: number;
    /** "excel" or "standalone", once known. */
    __schedeMode?: PaneMode;
  }
}

const FIRST_RENDER_MARK = "schede:first-render";
/** office.js outside Office resolves onReady at once; this only guards a host that never answers. */
const OFFICE_READY_TIMEOUT_MS = 5000;

/** "excel" when office.js loaded and reports Excel; anything else is the standalone page. */
async function detectMode(): Promise<PaneMode> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "standalone";
  try {
    const info = await Promise.race([
      Office.onReady(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
    ]);
    return info?.host === Office.HostType.Excel ? "excel" : "standalone";
  } catch {
    return "standalone";
  }
}

// The engine (and zod) load in their own chunk, fetched while React renders the first frame.
const loadEngine = () => import(/* webpackChunkName: "engine" */ "../engine");

/**
 * The engine's analysis. Snapshots read by the standalone page's worker are analysed in the
 * worker, off this thread (see src/hosts/xlsx/worker); any others here.
 */
const analyse: AnalyseFn = async (snapshots: readonly SheetSnapshot[], options: AnalyseOptions, hooks?: AnalyseHooks) => {
  const remote = analyserFor(snapshots);
  if (remote) return remote(options, hooks?.onProgress);
  return (await loadEngine()).analyse(snapshots, options, hooks);
};

// The standalone page opens a file in a Web Worker (or, without one, in this thread); ExcelJS
// is never in this page's first bundle.
const openFile: OpenWorkbookFile = async (file, onProgress) => {
  const { openWorkbookFile } = await import(/* webpackChunkName: "xlsx-open" */ "../hosts/xlsx/worker/open");
  return openWorkbookFile(file, onProgress);
};

const loadExcelHost = () => import(/* webpackChunkName: "excel-host" */ "../hosts/excel/host");

async function createExcelHost(module: ReturnType<typeof loadExcelHost>): Promise<WorkbookHost> {
  const { ExcelWorkbookHost } = await module;
  return new ExcelWorkbookHost();
}

function markFirstRender(): void {
  performance.mark(FIRST_RENDER_MARK);
  window.__schedeFirstRenderMs = performance.now();
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  // Inside Office the host's chunk is fetched while Office.onReady is pending, not after it.
  const excelHost = typeof Office === "undefined" ? null : loadExcelHost();
  excelHost?.catch(() => undefined);
  const mode = await detectMode();
  window.__schedeMode = mode;
  let host: WorkbookHost | null = null;
  try {
    if (mode === "excel") host = await createExcelHost(excelHost ?? loadExcelHost());
  } catch (error) {
    // Without its host the pane can do nothing in Excel: say so rather than stay blank.
    await showStartupFailure(container, error);
    return;
  }
  // Fetched now so the first check does not wait for it; a failure shows when it is needed.
  loadEngine().catch(() => undefined);
  try {
    createRoot(container).render(
      <StartupBoundary>
        <App
          mode={mode}
          host={host}
          analyse={analyse}
          roleStore={createRoleStore(browserStorage())}
          openFile={mode === "standalone" ? openFile : undefined}
          onFirstRender={markFirstRender}
        />
      </StartupBoundary>,
    );
  } catch (error) {
    await showStartupFailure(container, error);
  }
}

void main().catch((error: unknown) => {
  const container = document.getElementById("root");
  if (container) void showStartupFailure(container, error);
});
