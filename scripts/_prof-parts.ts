import { performance } from "node:perf_hooks";
import { buildSyntheticSnapshots } from "../test/fixtures/synthetic";
import { SheetIndex } from "../src/engine/read/sheet";
import { CellReader } from "../src/engine/read/context";
import { readLayoutA } from "../src/engine/read/layout-a";
import { readLayoutB } from "../src/engine/read/layout-b";
import { readLayoutC } from "../src/engine/read/layout-c";
import { findWeightTables } from "../src/engine/read/weight-table";
import { normalizeLabel } from "../src/engine/values";
import { readPlan } from "../src/engine/read";
const snaps = buildSyntheticSnapshots(Number(process.argv[2] ?? 1000));
const t: Record<string, number> = {};
for (let i = 0; i < 8; i++) {
  const acc: Record<string, number> = {};
  const memo = new Map<string, string>();
  const normalize = (x: string) => { let n = memo.get(x); if (n === undefined) { n = normalizeLabel(x); memo.set(x, n); } return n; };
  const add = (k: string, t0: number) => { acc[k] = (acc[k] ?? 0) + performance.now() - t0; };
  for (const s of snaps) {
    let t0 = performance.now();
    const sheet = new SheetIndex(s, normalize);
    add("index", t0); t0 = performance.now();
    const cr = new CellReader(sheet, []);
    const b = readLayoutB(cr); add("B", t0); t0 = performance.now();
    const c = readLayoutC(cr, b.claimed); add("C", t0); t0 = performance.now();
    findWeightTables(sheet, []); add("weightTables", t0); t0 = performance.now();
    readLayoutA(cr, []); add("A(incl wt)", t0);
  }
  let t0 = performance.now(); readPlan(snaps); add("readPlan", t0);
  for (const k in acc) t[k] = Math.min(t[k] ?? Infinity, acc[k]!);
}
console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(1)}`).join("  "));
