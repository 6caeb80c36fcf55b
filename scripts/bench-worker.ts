/**
 * One benchmark measurement in a fresh process (so peak memory belongs to that measurement).
 * Prints one JSON line. Run by scripts/bench.ts; not a test.
 */
import { performance } from "node:perf_hooks";
import { buildSyntheticSnapshots, buildSyntheticWorkbook } from "../test/fixtures/synthetic";
import { readPlan } from "../src/engine/read";
import { allObjectives } from "../src/engine/model/plan";
import { analyse } from "../src/engine/analyse";
import { loadWorkbook, readWorkbookSnapshots } from "../src/hosts/xlsx/read";
import { applyWritePlanToWorkbook } from "../src/hosts/xlsx/apply";
import { toTextReport } from "../src/cli/report";

const [task, arg] = process.argv.slice(2);
const cards = Number(arg);

function best<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let ms = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result: result as T };
}

async function bestAsync<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let ms = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result: result as T };
}

const peakMb = (): number => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

async function main(): Promise<void> {
  if (task === "read") {
    const snapshots = buildSyntheticSnapshots(cards);
    const cells = snapshots.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.length, 0), 0);
    const nonEmpty = snapshots.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.filter((c) => c !== null).length, 0), 0);
    // Best of several runs; small plans get more of them, so that every size is measured with
    // the engine compiled (a few runs of 100 cards mostly measure the JIT warming up, and the
    // per-card figure is about scaling).
    const runs = Math.max(3, Math.min(50, Math.ceil(5000 / Math.max(cards, 1))));
    // Memory first: the process's peak RSS (runtime + snapshots + one plan) right after the first
    // read, with the generator's garbage collected (run with --expose-gc by scripts/bench.ts).
    (globalThis as { gc?: () => void }).gc?.();
    const snapshotsMb = peakMb();
    const first = readPlan(snapshots);
    const readPeakMb = peakMb();
    const objectives = allObjectives(first).length;
    const { ms } = best(runs, () => readPlan(snapshots));
    const full = best(runs, () => analyse(snapshots, { asOf: "2024-09-30", review: "interim" }));
    console.log(
      JSON.stringify({ task, cards, cells, nonEmpty, objectives, readMs: ms, perCardMs: ms / cards, analyseMs: full.ms, snapshotsMb, readPeakMb, peakMb: peakMb() }),
    );
    return;
  }
  if (task === "check") {
    const wb = buildSyntheticWorkbook(cards);
    const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
    const load = await bestAsync(3, () => loadWorkbook(buffer));
    // What `schede check file.xlsx` does (load, snapshots, analyse, report), and with --review interim,
    // which also plans the review columns and reads the plan again with them in place.
    const checkWith = (review: "interim" | null) =>
      bestAsync(3, async () => {
        const snapshots = await readWorkbookSnapshots(buffer);
        const a = analyse(snapshots, { asOf: "2024-09-30", review });
        return toTextReport(a, "bench.xlsx", review).length;
      });
    const check = await checkWith(null);
    const checkReview = await checkWith("interim");
    console.log(
      JSON.stringify({ task, cards, bytes: buffer.byteLength, loadMs: load.ms, checkMs: check.ms, ratio: check.ms / load.ms, checkReviewMs: checkReview.ms, ratioReview: checkReview.ms / load.ms, peakMb: peakMb() }),
    );
    return;
  }
  if (task === "joined") {
    // A book whose summary tables and cards must be joined (test/fixtures/joined-book.ts), read
    // through the xlsx host from real bytes; written to .tmp for the whole-process comparison.
    const { joinedWorkbook } = await import("../test/fixtures/joined-book");
    const { writeFileSync, mkdirSync } = await import("node:fs");
    const buffer = new Uint8Array(await joinedWorkbook(cards).xlsx.writeBuffer());
    mkdirSync(".tmp", { recursive: true });
    const file = `.tmp/joined-${cards}.xlsx`;
    writeFileSync(file, buffer);
    const snapshots = await readWorkbookSnapshots(buffer);
    const runs = Math.max(3, Math.ceil(3000 / cards));
    const { ms, result } = best(runs, () => readPlan(snapshots));
    const objectives = allObjectives(result);
    const joined = objectives.filter((o) => o.join?.status === "joined").length;
    console.log(JSON.stringify({ task, cards, file, bytes: buffer.byteLength, objectives: objectives.length, joined, structures: result.structures.length, readMs: ms, perCardMs: ms / cards }));
    return;
  }
  if (task === "write") {
    const wb = buildSyntheticWorkbook(cards);
    const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
    const snapshots = await readWorkbookSnapshots(buffer);
    const analysis = analyse(snapshots, { asOf: "2024-09-30", review: "interim" });
    // Only the save (and the apply before it) is timed; loading the workbook is the same for both.
    const timed = async (withPlan: boolean): Promise<number> => {
      let min = Infinity;
      for (let i = 0; i < 3; i++) {
        const w = await loadWorkbook(buffer);
        const t0 = performance.now();
        if (withPlan) applyWritePlanToWorkbook(w, analysis.writePlan);
        await w.xlsx.writeBuffer();
        min = Math.min(min, performance.now() - t0);
      }
      return min;
    };
    const saveMs = await timed(false);
    const applyMs = await timed(true);
    console.log(JSON.stringify({ task, cards, ...analysis.writePlan.stats, saveMs, applyAndSaveMs: applyMs, ratio: applyMs / saveMs, peakMb: peakMb() }));
    return;
  }
  if (task === "syncs") {
    // Syncs of a full validation inside Excel, against the fake object model that counts them.
    const { cardWorkbook } = await import("../test/hosts/excel/workbooks");
    const { ExcelWorkbookHost } = await import("../src/hosts/excel/host");
    const { detectCapabilities } = await import("../src/hosts/excel/capabilities");
    const fake = cardWorkbook(cards, 20);
    const uninstall = fake.install();
    try {
      const host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") }) });
      fake.resetCounters();
      const t0 = performance.now();
      const snapshots = await host.readSnapshots();
      const readSyncs = fake.syncs;
      const analysis = analyse(snapshots, { asOf: "2024-09-30", review: "interim" });
      fake.resetCounters();
      await host.applyWritePlan(analysis.writePlan);
      const applySyncs = fake.syncs;
      const ms = performance.now() - t0;
      console.log(JSON.stringify({ task, cards, readSyncs, applySyncs, ms }));
    } finally {
      uninstall();
    }
    return;
  }
  if (task === "ui") {
    const { readFileSync, readdirSync } = await import("node:fs");
    const { gzipSync } = await import("node:zlib");
    const path = await import("node:path");
    const { ensureBuilt, serveStatic, launchBrowser, DIST, OFFICE_JS } = await import("../test/e2e/support");
    await ensureBuilt();
    const gz = (file: string): number => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1] as string).filter((src) => !src.startsWith("http"));
    const initialKb = initial.reduce((n, f) => n + gz(f), 0) / 1024;
    const files = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    const exceljs = files.filter((f) => f.startsWith("exceljs") || f.startsWith("xlsx"));
    const inExcel = files.filter((f) => !exceljs.includes(f) && !f.startsWith("commands") && !f.startsWith("office-helpers"));
    const inExcelKb = inExcel.reduce((n, f) => n + gz(f), 0) / 1024;
    const exceljsKb = exceljs.reduce((n, f) => n + gz(f), 0) / 1024;
    const server = await serveStatic(DIST);
    const browser = await launchBrowser();
    const renders: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const page = await browser.context.newPage();
        // office.js is blocked here (no network): the pane starts standalone, as on this machine.
        await page.goto(`${server.origin}/taskpane.html`);
        await page.waitForFunction(() => typeof (window as { __schedeFirstRenderMs?: number }).__schedeFirstRenderMs === "number");
        renders.push(await page.evaluate(() => (window as { __schedeFirstRenderMs?: number }).__schedeFirstRenderMs as number));
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    const blockedOther = browser.blocked.filter((u) => u !== OFFICE_JS);
    renders.sort((a, b) => a - b);
    console.log(
      JSON.stringify({ task, initialKb, inExcelKb, exceljsKb, initialFiles: initial.join(" "), firstRenderMedianMs: renders[2], firstRenderBestMs: renders[0], blockedOther: blockedOther.length }),
    );
    return;
  }
  throw new Error(`unknown task ${task}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
