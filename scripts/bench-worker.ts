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
    const runs = cards <= 1000 ? 5 : 3;
    const { ms, result } = best(runs, () => readPlan(snapshots));
    const objectives = allObjectives(result).length;
    const full = best(runs, () => analyse(snapshots, { asOf: "2024-09-30", review: "interim" }));
    console.log(JSON.stringify({ task, cards, cells, nonEmpty, objectives, readMs: ms, perCardMs: ms / cards, analyseMs: full.ms, peakMb: peakMb() }));
    return;
  }
  if (task === "check") {
    const wb = buildSyntheticWorkbook(cards);
    const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
    const load = await bestAsync(3, () => loadWorkbook(buffer));
    const check = await bestAsync(3, async () => {
      const snapshots = await readWorkbookSnapshots(buffer);
      const a = analyse(snapshots, { asOf: "2024-09-30", review: "interim" });
      return toTextReport(a, "bench.xlsx", "interim").length;
    });
    console.log(JSON.stringify({ task, cards, bytes: buffer.byteLength, loadMs: load.ms, checkMs: check.ms, ratio: check.ms / load.ms, peakMb: peakMb() }));
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
  throw new Error(`unknown task ${task}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
