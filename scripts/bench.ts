/**
 * `npm run bench`: prints the figures the issues ask for. Each measurement runs in its own
 * process (scripts/bench-worker.ts) so its peak memory is its own. Not a test: nothing here
 * fails on a slow machine; record the figures in docs/BENCHMARKS.md with date and machine.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

const root = path.resolve(__dirname, "..");

// The engine tasks run as plain JavaScript (bundled with esbuild, as the CLI ships) so that their
// memory is the engine's and not the TypeScript loader's; the UI tasks need the test helpers'
// file layout and run through tsx.
const bundled = path.join(root, ".tmp/bench-worker.cjs");
buildSync({
  entryPoints: [path.join(root, "scripts/bench-worker.ts")],
  outfile: bundled,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  logLevel: "warning",
});

function worker(task: string, arg: string | number): Record<string, number | string> {
  const engineTask = task === "read" || task === "check" || task === "write" || task === "joined";
  const args = engineTask ? ["--expose-gc", bundled] : ["--import", "tsx", path.join(root, "scripts/bench-worker.ts")];
  const out = execFileSync(process.execPath, [...args, task, String(arg)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = out.trim().split("\n").pop() ?? "{}";
  return JSON.parse(line) as Record<string, number | string>;
}

const f = (n: unknown, digits = 1): string => (typeof n === "number" ? n.toFixed(digits) : String(n));
const pad = (s: string, w: number): string => s.padStart(w);

function table(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  console.log(headers.map((h, i) => pad(h, widths[i] ?? 0)).join("  "));
  for (const r of rows) console.log(r.map((c, i) => pad(c, widths[i] ?? 0)).join("  "));
}

const sizes = (process.env.BENCH_SIZES ?? "10,100,1000,5000").split(",").map(Number);
console.log(`Schede Obiettivo — benchmark ${new Date().toISOString()}`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log("");

console.log("1. Engine: read synthetic workbooks into a plan (readPlan), and the full analyse()");
const reads = sizes.map((n) => worker("read", n));
table(
  ["cards", "cells", "non-empty", "objectives", "read ms", "ms/card", "analyse ms", "snapshots MB", "read peak MB", "process peak MB"],
  reads.map((r) => [
    f(r.cards, 0),
    f(r.cells, 0),
    f(r.nonEmpty, 0),
    f(r.objectives, 0),
    f(r.readMs),
    f(r.perCardMs, 3),
    f(r.analyseMs),
    f(r.snapshotsMb),
    f(r.readPeakMb),
    f(r.peakMb),
  ]),
);
console.log("   read peak = peak RSS of the process right after reading the plan once (runtime + snapshots + plan);");
console.log("   process peak also holds the repeated timing runs and analyse() with its review re-read.");
const perCard = reads.filter((r) => Number(r.cards) >= 100).map((r) => Number(r.perCardMs));
if (perCard.length > 1) console.log(`   time per card, max/min from 100 cards up: ${(Math.max(...perCard) / Math.min(...perCard)).toFixed(2)}× (target ≤ 2×)`);
const r1000 = reads.find((r) => Number(r.cards) === 1000);
if (r1000) console.log(`   1,000 cards: ${f(r1000.readMs)} ms (target < 1000 ms)`);
const r5000 = reads.find((r) => Number(r.cards) === 5000);
if (r5000) console.log(`   5,000 cards: read peak ${f(r5000.readPeakMb)} MB (target < 300 MB)`);
console.log("");

const checkCards = Number(process.env.BENCH_CHECK_CARDS ?? 1000);
console.log(`2. CLI check of a ${checkCards}-card .xlsx against a bare ExcelJS load of the same file`);
const c = worker("check", checkCards);
table(
  ["cards", "file KB", "load ms", "check ms", "ratio", "check --review ms", "ratio"],
  [[f(c.cards, 0), f(Number(c.bytes) / 1024, 0), f(c.loadMs), f(c.checkMs), f(c.ratio, 2), f(c.checkReviewMs), f(c.ratioReview, 2)]],
);
console.log("   target ratio ≤ 1.2 (the file load is the floor)");
console.log("");

console.log(`3. Write-back on the ${checkCards}-card workbook: apply the WritePlan and save, against saving it unchanged`);
const w = worker("write", checkCards);
table(
  ["cells", "formulas", "flags", "tables", "save ms", "apply+save ms", "ratio"],
  [[f(w.cells, 0), f(w.formulas, 0), f(w.flags, 0), f(w.tables, 0), f(w.saveMs), f(w.applyAndSaveMs), f(w.ratio, 2)]],
);
console.log("   target ratio ≤ 2");
console.log("");

console.log("3b. Joined books: one summary table per structure + one card per sheet, spelled differently");
console.log("    (sub-service on the cards, owner by surname, \"(MAX 10 PUNTI)\" after the title); then");
console.log("    `schede check` against a bare ExcelJS load of the same file, as whole processes (node start");
console.log("    included), median of 5 interleaved pairs");
const joinedSizes = (process.env.BENCH_JOINED ?? "300,1000").split(",").map(Number);
const joined = joinedSizes.map((n) => worker("joined", n));
const cli = path.join(root, "dist/cli/schede.js");
if (!existsSync(cli)) execFileSync("npm", ["run", "build:cli"], { cwd: root, stdio: "ignore" });
const wall = (args: string[]): number => {
  const t0 = performance.now();
  spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  return performance.now() - t0;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const loadScript = "const E=require('exceljs');new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>{})";
table(
  ["cards", "objectives", "joined", "structures", "read ms", "ms/card", "load process ms", "check process ms", "ratio"],
  joined.map((j) => {
    const file = String(j.file);
    const loads: number[] = [];
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) {
      loads.push(wall(["-e", loadScript, file]));
      checks.push(wall([cli, "check", file]));
    }
    const load = median(loads);
    const check = median(checks);
    return [f(j.cards, 0), f(j.objectives, 0), f(j.joined, 0), f(j.structures, 0), f(j.readMs), f(j.perCardMs, 3), f(load, 0), f(check, 0), f(check / load, 2)];
  }),
);
console.log("    targets: objectives = cards, all joined; check process ≤ 1.2 × load process");
console.log("");

console.log("4. Excel host: syncs per full validation (fake object model that counts context.sync())");
const syncs = [1, 10, 500, 1000].map((n) => worker("syncs", n));
table(["cards", "read syncs", "apply syncs"], syncs.map((r) => [f(r.cards, 0), f(r.readSyncs, 0), f(r.applySyncs, 0)]));
console.log("   target: 2 syncs to read (chunked only past Excel on the web's 5 MB / 5M-cell limits)");
console.log("");

console.log("5. Task pane: JavaScript size (gzip -9) and time to first render in headless Chromium");
const ui = worker("ui", 0);
table(
  ["initial KB", "loaded in Excel KB", "ExcelJS chunks KB", "first render median ms", "best ms"],
  [[f(ui.initialKb), f(ui.inExcelKb), f(ui.exceljsKb), f(ui.firstRenderMedianMs), f(ui.firstRenderBestMs)]],
);
console.log(`   initial scripts: ${ui.initialFiles}`);
console.log("   targets: initial JS ≤ 300 KB gzipped (ExcelJS excluded, loaded only by the standalone page); first render < 1 s");
