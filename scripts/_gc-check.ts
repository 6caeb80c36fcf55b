import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { analyse } from "../src/engine/analyse";
import { readWorkbookSnapshots } from "../src/hosts/xlsx/read";
import { toTextReport } from "../src/cli/report";
const buffer = new Uint8Array(readFileSync(`/tmp/h/synth-1000.xlsx`));
void (async () => {
  for (let i = 0; i < 2; i++) {
    const snaps = await readWorkbookSnapshots(buffer);
    console.log("=== analyse start");
    const t1 = performance.now();
    const a = analyse(snaps, { asOf: "2024-09-30", review: null });
    toTextReport(a, "x", null);
    console.log("=== analyse end", (performance.now() - t1).toFixed(0));
  }
})();
