import { performance } from "node:perf_hooks";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { buildSyntheticWorkbook } from "../test/fixtures/synthetic";
import { analyse } from "../src/engine/analyse";
import { loadWorkbook, worksheetToSnapshot } from "../src/hosts/xlsx/read";
import { toTextReport } from "../src/cli/report";
import { readPlan } from "../src/engine/read";
import { runRules } from "../src/engine/rules";
import { readMethodology } from "../src/engine/compute/methodology-sheet";

const cards = Number(process.argv[2] ?? 1000);
const review = (process.argv[3] ?? "null") === "null" ? null : (process.argv[3] as "interim");
const runs = Number(process.argv[4] ?? 5);
void (async () => {
  const file = `/tmp/h/synth-${cards}.xlsx`;
  if (!existsSync(file)) writeFileSync(file, new Uint8Array(await buildSyntheticWorkbook(cards).xlsx.writeBuffer()));
  const buffer = new Uint8Array(readFileSync(file));
  const t: Record<string, number> = {};
  const tick = (k: string, t0: number) => { t[k] = Math.min(t[k] ?? Infinity, performance.now() - t0); };
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    const wb = await loadWorkbook(buffer);
    tick("load", t0);
    t0 = performance.now();
    const snaps = wb.worksheets.map((ws) => worksheetToSnapshot(ws));
    tick("snap", t0);
    t0 = performance.now();
    const a = analyse(snaps, { asOf: "2024-09-30", review });
    tick("analyse", t0);
    t0 = performance.now();
    toTextReport(a, "x", review);
    tick("report", t0);
    t0 = performance.now();
    const p = readPlan(snaps);
    tick("readPlan", t0);
    t0 = performance.now();
    const m = readMethodology(snaps).methodology;
    runRules(p, { methodology: m, review, asOf: "2024-09-30" });
    tick("rules", t0);
  }
  console.log(JSON.stringify(t), "ratio", ((t.load! + t.snap! + t.analyse! + t.report!) / t.load!).toFixed(2));
})();
