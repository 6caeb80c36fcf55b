import { performance } from "node:perf_hooks";
import { buildSyntheticSnapshots } from "../test/fixtures/synthetic";
import { SheetIndex, LabelCache } from "../src/engine/read/sheet";
const snaps = buildSyntheticSnapshots(1000);
const cache = new LabelCache();
let best = Infinity, bestFresh = Infinity;
for (let i = 0; i < 30; i++) {
  let t0 = performance.now();
  for (const s of snaps) new SheetIndex(s, cache);
  best = Math.min(best, performance.now() - t0);
  t0 = performance.now();
  const c2 = new LabelCache();
  for (const s of snaps) new SheetIndex(s, c2);
  bestFresh = Math.min(bestFresh, performance.now() - t0);
}
console.log("index warm", best.toFixed(1), "fresh", bestFresh.toFixed(1));
