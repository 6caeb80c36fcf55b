import { performance } from "node:perf_hooks";
import { buildSyntheticSnapshots } from "../test/fixtures/synthetic";
import { analyse } from "../src/engine/analyse";
import { readPlan } from "../src/engine/read";
const cards = Number(process.argv[2] ?? 1000);
const what = process.argv[3] ?? "read";
const runs = Number(process.argv[4] ?? 10);
const snaps = buildSyntheticSnapshots(cards);
let best = Infinity, bestCpu = Infinity;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  if (what === "read") readPlan(snaps);
  else analyse(snaps, { asOf: "2024-09-30", review: what === "null" ? null : "interim" });
  const c = process.cpuUsage(c0);
  best = Math.min(best, performance.now() - t0);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
}
console.log(what, "wall", best.toFixed(1), "cpu", bestCpu.toFixed(1));
