import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { readBlock } from "../../../src/hosts/excel/read";
import { overlayBlock } from "../../../src/hosts/excel/snapshot";
import { READ_BYTES_PER_CELL, READS_PER_CELL } from "../../../src/hosts/excel/limits";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { STATE_SHEET } from "../../../src/engine/write/types";
import { FakeExcel, type FakeExcelOptions, OfficeError } from "./fake-excel";
import { cardWorkbook, fillerSheet } from "./workbooks";

const caps = (fake: FakeExcel) => detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") });

describe("the fake object model is as strict as Office", () => {
  let fake: FakeExcel;
  let uninstall: () => void;
  beforeEach(() => {
    fake = new FakeExcel();
    fake.addSheet("Foglio1").put("A1", [["a"]]);
    uninstall = fake.install();
  });
  afterEach(() => uninstall());

  it("throws PropertyNotLoaded for a property that was not loaded", async () => {
    await expect(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Foglio1").getRange("A1");
        range.load("address");
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- the mistake this test is about
        return range.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("throws PropertyNotLoaded for a loaded property read before the sync", async () => {
    await expect(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Foglio1").getRange("A1");
        range.load("values");
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the mistake this test is about
        return range.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("refuses a response over 5 MB on the web and counts the sync", async () => {
    fillerSheet(fake, "Grande", 60_000, 2, () => "x".repeat(40));
    fake.resetCounters();
    await expect(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Grande").getRange("A1:B60000");
        range.load("values,formulas");
        await context.sync();
        return range.values;
      }),
    ).rejects.toBeInstanceOf(OfficeError);
    expect(fake.syncs).toBe(1);
    expect(fake.batches[0]?.failed).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("ExcelWorkbookHost.readSnapshots", () => {
  let uninstall: (() => void) | null = null;
  afterEach(() => uninstall?.());

  it.each([
    [1, 1],
    [10, 5],
    [100, 20],
  ])("reads %i cards in 2 syncs and gives back exactly the cells", async (cards, perSheet) => {
    const fake = cardWorkbook(cards, perSheet);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    fake.resetCounters();
    const snapshots = await host.readSnapshots();
    expect(fake.syncs).toBe(2);
    expect(host.lastRead).toEqual({ strategy: "single", chunks: 1 });
    expect(snapshots.map((s) => s.name)).toEqual(fake.sheets.map((s) => s.name));
    for (const s of snapshots) {
      const expected = fake.grid(s.name);
      expect(s.origin).toEqual(expected.origin);
      expect(s.cells).toEqual(expected.cells);
    }
    // Formats and merges come along in the same batch.
    const first = snapshots[0];
    expect(first?.formats?.[26]?.[2]).toBe("0%");
    expect(first?.merges?.[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 5 });
  });

  it("keeps the read of 100 cards under the web limits in one request", async () => {
    const fake = cardWorkbook(100, 25);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    fake.resetCounters();
    await host.readSnapshots();
    const values = fake.batches[1];
    expect(values?.failed).toBeUndefined();
    expect(values?.responseBytes).toBeLessThan(5_000_000);
  });

  it("plans the read of 500 cards (20 sheets) from the addresses: with every cell's fill one response would pass 5 MB, and no request is refused", async () => {
    const fake = cardWorkbook(500, 25);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    fake.resetCounters();
    const first = await host.readSnapshots();
    expect(host.lastRead?.strategy).toBe("chunked");
    // Names, addresses, then one sync per planned chunk.
    expect(fake.syncs).toBe(2 + (host.lastRead?.chunks ?? 0));
    for (const b of fake.batches) {
      expect(b.failed).toBeUndefined();
      expect(b.responseBytes).toBeLessThan(5_000_000);
    }
    fake.resetCounters();
    const second = await host.readSnapshots();
    expect(fake.batches.every((b) => b.failed === undefined)).toBe(true);
    expect(second).toEqual(first);
    expect(first[0]?.cells).toEqual(fake.grid(first[0]?.name ?? "").cells);
  });

  it("reads 1,000 cards without a refused request: names, addresses, then one sync per planned chunk (issue 10 point 4)", async () => {
    const fake = cardWorkbook(1_000, 20);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    fake.resetCounters();
    await host.readSnapshots();
    const chunks = host.lastRead?.chunks ?? 0;
    expect(host.lastRead?.strategy).toBe("chunked");
    expect(chunks).toBeGreaterThan(1);
    expect(fake.syncs).toBe(2 + chunks);
    expect(fake.batches.filter((b) => b.failed !== undefined)).toEqual([]);
    // The next read, with the sizes known, the same.
    fake.resetCounters();
    await host.readSnapshots();
    expect(fake.syncs).toBe(2 + chunks);
    expect(fake.batches.filter((b) => b.failed !== undefined)).toEqual([]);
  }, 60_000);

  it("plans chunks from the addresses when the workbook (6 sheets) passes 5 MB: no refused request, the first read or the next", async () => {
    const fake = new FakeExcel();
    // 6 sheets × 8,000 rows × 4 short texts: about 5.8 MB of values, number formats and formulas,
    // and 8 MB more of cell properties (the fill of every cell).
    for (let i = 1; i <= 6; i++) fillerSheet(fake, `Dati ${i}`, 8_000, 4);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });

    fake.resetCounters();
    const first = await host.readSnapshots();
    // names, the addresses, then the planned chunks.
    expect(fake.batches.map((b) => b.failed ?? "ok")).toEqual(["ok", "ok", "ok", "ok", "ok", "ok", "ok"]);
    expect(host.lastRead).toEqual({ strategy: "chunked", chunks: 5 });
    for (const b of fake.batches.slice(2)) expect(b.responseBytes).toBeLessThan(5_000_000);

    // The sizes are remembered: the next read goes straight to the plan.
    fake.resetCounters();
    const second = await host.readSnapshots();
    expect(fake.syncs).toBe(7);
    expect(fake.batches.every((b) => b.failed === undefined)).toBe(true);

    for (const snapshots of [first, second]) {
      expect(snapshots).toHaveLength(6);
      for (const s of snapshots) {
        const expected = fake.grid(s.name);
        expect(s.origin).toEqual(expected.origin);
        expect(s.cells).toEqual(expected.cells);
      }
    }
  });

  it("keeps to the cell limit on the desktop too (no payload limit there)", async () => {
    const fake = new FakeExcel({ platform: "PC", readCellLimit: 50_000 });
    fillerSheet(fake, "A", 20_000, 2);
    fillerSheet(fake, "B", 20_000, 2);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake), limits: { payloadBudgetBytes: 4_000_000, readCellBudget: 40_000, readBytesPerCell: 48 } });
    fake.resetCounters();
    const snapshots = await host.readSnapshots();
    // Each cell counts twice (its grids and its cell properties): 20,000 cells per request.
    expect(fake.batches.map((b) => b.failed ?? "ok")).toEqual(["ok", "RangeExceedsLimit", "ok", "ok", "ok", "ok", "ok"]);
    expect(fake.batches.slice(3).map((b) => b.cellsRead)).toEqual([40_000, 40_000, 40_000, 40_000]);
    expect(snapshots.map((s) => s.cells.length)).toEqual([20_000, 20_000]);
  });

  it("splits one big sheet into row bands that stack back into one snapshot", async () => {
    const fake = new FakeExcel();
    fillerSheet(fake, "Enorme", 30_000, 8);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    fake.resetCounters();
    const [snapshot] = await host.readSnapshots();
    expect(host.lastRead?.strategy).toBe("chunked");
    // 240,000 cells at 44,444 per request.
    expect(host.lastRead?.chunks).toBe(6);
    expect(snapshot?.cells).toHaveLength(30_000);
    expect(snapshot?.cells[29_999]?.[7]).toBe("R29999C7");
    expect(snapshot?.cells[12_345]?.[0]).toBe("R12345C0");
  });

  it("halves a planned chunk that Excel still refuses (very long texts)", async () => {
    const fake = new FakeExcel();
    fillerSheet(fake, "Testi", 40_000, 2, (r, c) => `${r}:${c} ${"testo lungo ".repeat(6)}`);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    fake.resetCounters();
    const [snapshot] = await host.readSnapshots();
    expect(fake.batches.filter((b) => b.failed).length).toBeGreaterThanOrEqual(2);
    expect(snapshot?.cells).toHaveLength(40_000);
    expect(snapshot?.cells[39_999]?.[1]).toMatch(/^39999:1 /);
  });

  it("gives empty sheets an empty snapshot, reads hidden sheets, puts the very hidden state sheet last", async () => {
    const fake = new FakeExcel();
    fake.addSheet(STATE_SHEET).put("A1", [['{"version":1}']]).visibility = "VeryHidden";
    fake.addSheet("Vuoto");
    const hidden = fake.addSheet("Nascosto").put("C3", [["x", 1]]);
    hidden.visibility = "Hidden";
    uninstall = fake.install();
    const snapshots = await new ExcelWorkbookHost({ capabilities: caps(fake) }).readSnapshots();
    expect(snapshots.map((s) => s.name)).toEqual(["Vuoto", "Nascosto", STATE_SHEET]);
    expect(snapshots[0]).toEqual({ name: "Vuoto", origin: { row: 0, col: 0 }, cells: [] });
    expect(snapshots[1]).toEqual({ name: "Nascosto", origin: { row: 2, col: 2 }, cells: [["x", 1]] });
  });

  it("turns Office's representation into the snapshot contract", async () => {
    const fake = new FakeExcel({ excelApi: "1.12" });
    const sheet = fake.addSheet("Foglio1").put("A1", [["Peso", 0.3, true]]);
    sheet.touch(0, 1).numberFormat = "0%";
    const f = sheet.touch(1, 0);
    f.formula = "=SUM(B1:B1)";
    f.value = 0.3;
    const literal = sheet.touch(1, 1);
    literal.value = "=non una formula";
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    uninstall = fake.install();
    const [snapshot] = await new ExcelWorkbookHost({ capabilities: caps(fake) }).readSnapshots();
    expect(snapshot).toEqual({
      name: "Foglio1",
      origin: { row: 0, col: 0 },
      cells: [
        ["Peso", 0.3, true],
        [0.3, "=non una formula", null],
      ],
      formats: [
        [null, "0%", null],
        [null, null, null],
      ],
      formulas: [
        [null, null, null],
        ["SUM(B1:B1)", null, null],
      ],
    });
    // ExcelApi 1.12 has no merged areas: none are asked for.
    expect(fake.batches.flatMap((b) => b.actions)).not.toContain("RangeAreas.load");
  });
});

describe("fills (getCellProperties, ExcelApi 1.9)", () => {
  let uninstall: (() => void) | null = null;
  afterEach(() => uninstall?.());

  /** A cronoprogramma whose months are marked by colour, a white cell and an unfilled one. */
  function ganttWorkbook(options: FakeExcelOptions = {}): FakeExcel {
    const fake = cardWorkbook(2, 1, options);
    const sheet = fake.sheet("Schede 1");
    // Phase rows 17–19 (0-based), months from column 1: a bar on an empty cell, one on an "X".
    for (const col of [2, 3, 4]) sheet.touch(17, col).fill = "#00B050";
    sheet.touch(18, 5).fill = "#FFC000";
    sheet.touch(15, 0).fill = "#D9D9D9";
    // White is what Excel shows for no fill: the snapshot holds null for it.
    sheet.touch(19, 6).fill = "#FFFFFF";
    fake.addSheet("Vuoto");
    return fake;
  }

  it("reads every cell's fill in the same sync as values, formats and formulas", async () => {
    const fake = ganttWorkbook();
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake) });
    fake.resetCounters();
    const [first, second, empty] = await host.readSnapshots();
    expect(fake.syncs).toBe(2);
    expect(fake.batches[1]?.actions.filter((a) => a === "Range.getCellProperties")).toHaveLength(3);
    expect(first?.fills?.[17]?.slice(0, 6)).toEqual([null, null, "#00B050", "#00B050", "#00B050", null]);
    expect(first?.fills?.[18]?.[5]).toBe("#FFC000");
    expect(first?.fills?.[15]?.[0]).toBe("#D9D9D9");
    expect(first?.fills?.[19]?.[6]).toBeNull();
    expect(first?.fills?.flat().filter((f) => f !== null)).toHaveLength(5);
    expect(first?.fills).toHaveLength(first?.cells.length ?? -1);
    // No fill anywhere: no grid; a blank sheet reads as before.
    expect(second?.fills).toBeUndefined();
    expect(empty).toEqual({ name: "Vuoto", origin: { row: 0, col: 0 }, cells: [] });
  });

  it("stays within the per-cell estimate the planner uses, cell properties included", async () => {
    const fake = ganttWorkbook();
    uninstall = fake.install();
    fake.resetCounters();
    await new ExcelWorkbookHost({ capabilities: caps(fake) }).readSnapshots();
    // Each cell is counted twice in cellsRead (its grids, its cell properties).
    const cells = (fake.batches[1]?.cellsRead ?? 0) / READS_PER_CELL;
    expect(cells).toBeGreaterThan(700);
    expect(fake.batches[1]?.responseBytes).toBeLessThan(cells * READ_BYTES_PER_CELL);
    // …and would not without them: the old 48 bytes per cell no longer covers a cell.
    expect(fake.batches[1]?.responseBytes).toBeGreaterThan(cells * 48);
  });

  it("gives the same fills through the planned (chunked) read", async () => {
    const whole = ganttWorkbook();
    uninstall = whole.install();
    const single = await new ExcelWorkbookHost({ capabilities: caps(whole) }).readSnapshots();
    uninstall();
    // The same book where a response may carry 30 KB: the single request is refused, then planned.
    const fake = ganttWorkbook({ payloadLimitBytes: 30_000 });
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake), limits: { payloadBudgetBytes: 20_000, readCellBudget: 4_000_000, readBytesPerCell: 90 } });
    fake.resetCounters();
    const chunked = await host.readSnapshots();
    expect(fake.batches[1]?.failed).toBe("ResponsePayloadSizeLimitExceeded");
    for (const b of fake.batches.slice(2)) expect(b.failed).toBeUndefined();
    expect(host.lastRead?.strategy).toBe("chunked");
    expect(host.lastRead?.chunks).toBeGreaterThan(1);
    expect(chunked.map((s) => s.fills)).toEqual(single.map((s) => s.fills));
    expect(chunked[0]?.fills?.[17]?.[3]).toBe("#00B050");
  });

  it("re-reads a block's fills in its one sync and lays them over the sheet", async () => {
    const fake = ganttWorkbook();
    uninstall = fake.install();
    const [base] = await new ExcelWorkbookHost({ capabilities: caps(fake) }).readSnapshots();
    const sheet = fake.sheet("Schede 1");
    sheet.touch(17, 2).fill = null;
    sheet.touch(19, 8).fill = "#FF0000";
    fake.resetCounters();
    const block = await readBlock("Schede 1", { top: 17, left: 0, bottom: 19, right: 12 }, true);
    expect(fake.syncs).toBe(1);
    expect(block.fills?.[0]?.slice(0, 5)).toEqual([null, null, null, "#00B050", "#00B050"]);
    const patched = overlayBlock(base, block);
    expect(patched.fills?.[17]?.[2]).toBeNull();
    expect(patched.fills?.[19]?.[8]).toBe("#FF0000");
    expect(patched.fills?.[15]?.[0]).toBe("#D9D9D9");
    // A block without fills over a sheet without fills adds no grid.
    expect(overlayBlock({ name: "S", origin: { row: 0, col: 0 }, cells: [[1]] }, { name: "S", origin: { row: 0, col: 0 }, cells: [[2]] }).fills).toBeUndefined();
  });
});
