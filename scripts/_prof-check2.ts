import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { analyse } from "../src/engine/analyse";
import { readWorkbookSnapshots, loadWorkbook } from "../src/hosts/xlsx/read";
import { toTextReport } from "../src/cli/report";
const buffer = new Uint8Array(readFileSync(`/tmp/h/synth-1000.xlsx`));
void (async () => {
  const t: Record<string, number> = {};
  const tick = (k: string, t0: number) => { t[k] = Math.min(t[k] ?? Infinity, performance.now() - t0); };
  for (let i = 0; i < Number(process.argv[2] ?? 4); i++) {
    let t0 = performance.now();
    await loadWorkbook(buffer);
    tick("load", t0);
    t0 = performance.now();
    const snaps = await readWorkbookSnapshots(buffer);
    tick("loadsnap", t0);
    const t1 = performance.now();
    const a = analyse(snaps, { asOf: "2024-09-30", review: null });
    toTextReport(a, "x", null);
    tick("analyse+report", t1);
    tick("check", t0);
  }
  console.log(JSON.stringify(t), "ratio", (t.check! / t.load!).toFixed(2));
})();
