import { loadWorkbook, readWorkbookSnapshots, worksheetToSnapshot } from "../../../src/hosts/xlsx/read";
import { buildSyntheticSnapshots, buildSyntheticWorkbook } from "../../fixtures/synthetic";

async function bytesOf(cards: number): Promise<Uint8Array> {
  return new Uint8Array((await buildSyntheticWorkbook(cards).xlsx.writeBuffer()) as ArrayBuffer);
}

const count = (cells: unknown[], v: unknown) => cells.filter((x) => x === v).length;

describe("synthetic workbooks", () => {
  it("gives, built directly, the snapshots the reader gives for the saved workbook", async () => {
    // 23 cards: five structures (the last of three cards) over two sheets.
    const direct = buildSyntheticSnapshots(23);
    const read = await readWorkbookSnapshots(await bytesOf(23));
    expect(read.map((s) => s.name)).toEqual(["Schede 01", "Schede 02"]);
    expect(direct).toEqual(read);
  });

  it("has one card per 'Fasi e tempi', structures of five and about twenty cards per sheet", () => {
    const snapshots = buildSyntheticSnapshots(100);
    expect(snapshots).toHaveLength(5);
    const flat = snapshots.flatMap((s) => s.cells.flat());
    expect(count(flat, "Fasi e tempi")).toBe(100);
    expect(count(flat, "Centro di Responsabilità")).toBe(20);
    expect(count(flat, "Obiettivo: Descrizione Sintetica")).toBe(100);
    for (const s of snapshots) expect(count(s.cells.flat(), "Fasi e tempi")).toBe(20);
  });

  it("is deterministic, and card i does not depend on how many cards there are", () => {
    expect(buildSyntheticSnapshots(12)).toEqual(buildSyntheticSnapshots(12));
    const [small] = buildSyntheticSnapshots(5);
    const [large] = buildSyntheticSnapshots(20);
    if (!small || !large) throw new Error("no sheet");
    expect(large.origin).toEqual(small.origin);
    expect(large.cells[0]?.length).toBe(small.cells[0]?.length);
    expect(large.cells.slice(0, small.cells.length)).toEqual(small.cells);
  });

  it("varies the cards: 3–7 phases, 2–8 indicators", () => {
    const [s] = buildSyntheticSnapshots(20);
    if (!s) throw new Error("no sheet");
    const col0 = s.cells.map((r) => r[0]);
    const phaseCounts: number[] = [];
    const indicatorCounts: number[] = [];
    col0.forEach((v, i) => {
      if (v === "Fasi e tempi") {
        let n = 0;
        while (typeof col0[i + 1 + n] === "number") n++;
        phaseCounts.push(n);
      }
      if (v === "Descrizione") {
        let n = 0;
        while (typeof col0[i + 1 + n] === "string") n++;
        indicatorCounts.push(n);
      }
    });
    expect(Math.min(...phaseCounts)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...phaseCounts)).toBeLessThanOrEqual(7);
    expect(new Set(phaseCounts).size).toBeGreaterThan(2);
    expect(Math.min(...indicatorCounts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...indicatorCounts)).toBeLessThanOrEqual(8);
    expect(new Set(indicatorCounts).size).toBeGreaterThan(2);
  });

  // How fast is measured by `npm run bench` (docs/BENCHMARKS.md), not by timed tests: a shared
  // CI machine under load would make them fail for nothing.
  it("builds 5,000 cards of snapshots, 20 cards a sheet", () => {
    const snapshots = buildSyntheticSnapshots(5000);
    expect(snapshots).toHaveLength(250);
  });

  it("converts a loaded 1,000-card workbook, every value kept", async () => {
    const workbook = await loadWorkbook(await bytesOf(1000));
    const snapshots = workbook.worksheets.map(worksheetToSnapshot);
    const nonEmpty = snapshots.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.filter((v) => v !== null).length, 0), 0);
    expect(nonEmpty).toBeGreaterThan(120_000);
  }, 60_000);
});
