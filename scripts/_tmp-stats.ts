import { buildSyntheticSnapshots } from "../test/fixtures/synthetic";
const snaps = buildSyntheticSnapshots(1000);
let merges = 0, mcells = 0, strs = 0, long = 0, nums = 0; const distinct = new Set<string>();
for (const s of snaps) { for (const m of s.merges ?? []) { merges++; mcells += (m.bottom-m.top+1)*(m.right-m.left+1); }
 for (const r of s.cells) for (const v of r) { if (typeof v === "string") { strs++; distinct.add(v); if (v.length>300) long++; } else if (typeof v === "number") nums++; } }
console.log({ sheets: snaps.length, merges, mcells, strs, distinct: distinct.size, long, nums, width: snaps[0]!.cells[0]!.length, rows: snaps[0]!.cells.length, formats: !!snaps[0]!.formats });
