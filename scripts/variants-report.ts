/**
 * Per-axis report of the variant workbooks (test/fixtures/variants.ts) against the current
 * engine: for each value of each axis alone (every other axis canonical), renders BOOKS plans as
 * real .xlsx, reads them through the xlsx host and compares with the canonical reading.
 *
 *   npx tsx scripts/variants-report.ts            # 20 books per axis value
 *   VARIANTS_BOOKS=5 npx tsx scripts/variants-report.ts
 *   npx tsx scripts/variants-report.ts --markdown # a table to paste
 */
import { performance } from "node:perf_hooks";
import { AXIS_NAMES, AXIS_VALUES, type Axes, type AxisName, CANONICAL_PLAN, axisValueKey, canonicalAxes, planDescription } from "../test/fixtures/variants";
import { canonicalReference, checkVariant } from "../test/fixtures/variants-check";

const BOOKS = Number(process.env.VARIANTS_BOOKS ?? 20);
const markdown = process.argv.includes("--markdown");

/** The kind of difference a diff line reports: "objective count", "owner", "phases", … */
function kindOf(line: string): string {
  if (line.startsWith("threw")) return "threw";
  if (line.startsWith("objective count")) return "objective count";
  if (line.startsWith("structures")) return "structures";
  if (line.startsWith("owner scores")) return "owner scores";
  const m = /\) (\w+): /.exec(line);
  return m ? (m[1] as string) : line.slice(0, 30);
}

async function main(): Promise<void> {
  const plans = Array.from({ length: BOOKS }, (_, i) => (i === 0 ? CANONICAL_PLAN : planDescription(1000 + i)));
  const references = plans.map((p) => canonicalReference(p, canonicalAxes));
  const rows: Array<{ key: string; pass: number; fail: number; kinds: string; example: string }> = [];
  const t0 = performance.now();
  let books = 0;
  for (const axis of AXIS_NAMES) {
    const values = AXIS_VALUES[axis] as ReadonlyArray<Axes[AxisName]>;
    for (const value of values.slice(1)) {
      const axes = { ...canonicalAxes, [axis]: value } as Axes;
      let pass = 0;
      let fail = 0;
      const kinds = new Map<string, number>();
      let example = "";
      for (let i = 0; i < plans.length; i++) {
        const outcome = await checkVariant(plans[i] as (typeof plans)[number], axes, references[i] as (typeof references)[number]);
        books += 1;
        if (outcome.ok) pass += 1;
        else {
          fail += 1;
          for (const k of new Set(outcome.diff.map(kindOf))) kinds.set(k, (kinds.get(k) ?? 0) + 1);
          if (example === "") example = outcome.diff[0] ?? "";
        }
      }
      const kindText = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n})`).join(", ");
      rows.push({ key: axisValueKey(axis, value as never), pass, fail, kinds: kindText, example });
    }
  }
  const ms = performance.now() - t0;
  if (markdown) {
    console.log("| axis=value | pass | fail | what differs (books) |");
    console.log("| --- | ---: | ---: | --- |");
    for (const r of rows) console.log(`| ${r.key} | ${r.pass} | ${r.fail} | ${r.kinds || "—"} |`);
  } else {
    const w = Math.max(...rows.map((r) => r.key.length));
    for (const r of rows) {
      console.log(`${r.key.padEnd(w)}  pass ${String(r.pass).padStart(3)}  fail ${String(r.fail).padStart(3)}  ${r.kinds}`);
      if (r.example) console.log(`${"".padEnd(w)}    e.g. ${r.example.slice(0, 220)}`);
    }
  }
  const failing = rows.filter((r) => r.fail > 0).map((r) => r.key);
  console.log(`\n${books} books in ${(ms / 1000).toFixed(1)} s (${(ms / books).toFixed(1)} ms per book)`);
  console.log(`failing axis values (${failing.length} of ${rows.length}): ${JSON.stringify(failing)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
