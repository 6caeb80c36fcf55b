/**
 * Issue 10 point 9: real workbooks carry a stray value or a format far from the data. Each
 * adversarial copy of the example (test/hosts/xlsx/adversarial.ts) is read or refused quickly,
 * never as a dense grid over empty space, and nothing is dropped without a word.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ExcelJS from "exceljs";
import { analyse } from "../../../src/engine/analyse";
import { dataIslands, strayAreas } from "../../../src/engine/model/islands";
import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { EXIT, runCli } from "../../../src/cli/run";
import { WorkbookTooLargeError, WorkbookUnreadableError } from "../../../src/hosts/xlsx/errors";
import { FileWorkbookHost } from "../../../src/hosts/xlsx/file-host";
import { checkPartSizes } from "../../../src/hosts/xlsx/package";
import { loadWorkbook, readWorkbookSnapshots, unreadSheetsMessage, worksheetToSnapshot } from "../../../src/hosts/xlsx/read";
import JSZip from "jszip";
import { EXAMPLE, hugeMergeBook, rowPastLimitBook, sharedStringsBomb, strayFormatBook, strayValueBook } from "./adversarial";

const AS_OF = { asOf: "2024-09-30" };
const FIRST = "Servizio Amministrativo";

let example: SheetSnapshot[];
let exampleObjectives: number;
beforeAll(async () => {
  example = await readWorkbookSnapshots(EXAMPLE());
  exampleObjectives = analyse(example, AS_OF).plan.structures.flatMap((s) => s.objectives).length;
});

const first = (snapshots: SheetSnapshot[]): SheetSnapshot => snapshots.find((s) => s.name === FIRST) as SheetSnapshot;
const gridCells = (s: SheetSnapshot): number => s.cells.reduce((n, r) => n + r.length, 0);

/** Reads the bytes, timing it; the grid of the first sheet is the example's. */
async function readTimed(bytes: Uint8Array): Promise<{ snapshots: SheetSnapshot[]; ms: number }> {
  const started = Date.now();
  const snapshots = await readWorkbookSnapshots(bytes);
  return { snapshots, ms: Date.now() - started };
}

describe("a stray value in XFD1048576", () => {
  it("is left out of the grid, which stays the example's, and named in a cells-outside-read warning", async () => {
    const { snapshots, ms } = await readTimed(await strayValueBook());
    expect(ms).toBeLessThan(5_000);
    const s = first(snapshots);
    expect(s.origin).toEqual(first(example).origin);
    expect(s.cells).toEqual(first(example).cells);
    expect(s.outside).toEqual([{ top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383, cells: 1, reason: "far" }]);
    const analysis = analyse(snapshots, AS_OF);
    expect(analysis.plan.structures.flatMap((o) => o.objectives)).toHaveLength(exampleObjectives);
    expect(analysis.findings.filter((f) => f.ruleId === "cells-outside-read")).toEqual([
      expect.objectContaining({ messageId: "far", severity: "warning", at: { sheet: FIRST, range: "XFD1048576" }, data: { sheet: FIRST, cells: 1, range: "XFD1048576" } }),
    ]);
  });

  it("the standalone page opens it", async () => {
    const host = await FileWorkbookHost.open(await strayValueBook());
    const snapshots = await host.readSnapshots();
    expect(gridCells(first(snapshots))).toBe(gridCells(first(example)));
  });
});

describe("a formatted empty cell in XFD1048576", () => {
  it("widens nothing and is not reported (it holds no value)", async () => {
    const { snapshots, ms } = await readTimed(await strayFormatBook());
    expect(ms).toBeLessThan(5_000);
    expect(first(snapshots).cells).toEqual(first(example).cells);
    expect(first(snapshots).outside).toBeUndefined();
  });
});

describe("a merge P300:XFD1048576", () => {
  it("is never built cell by cell: read in seconds, dropped from the snapshot (outside what is read), named in the warning line", async () => {
    const started = Date.now();
    const wb = await loadWorkbook(await hugeMergeBook());
    const snapshots = wb.worksheets.map(worksheetToSnapshot);
    expect(Date.now() - started).toBeLessThan(5_000);
    const s = first(snapshots);
    expect(s.cells).toEqual(first(example).cells);
    expect(s.merges).toEqual(first(example).merges);
    expect(unreadSheetsMessage(wb)).toContain("P300:XFD1048576");
    expect(analyse(snapshots, AS_OF).plan.structures.flatMap((o) => o.objectives)).toHaveLength(exampleObjectives);
  });

  it("a huge merge that overlaps the data is clipped to the snapshot's rectangle", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "Peso";
    ws.getCell("D10").value = 3;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(bytes);
    const xml = await (zip.file("xl/worksheets/sheet1.xml") as JSZip.JSZipObject).async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="B2:XFD1048576"/></mergeCells>'));
    const loaded = await loadWorkbook(await zip.generateAsync({ type: "uint8array" }));
    expect(worksheetToSnapshot(loaded.getWorksheet("S") as ExcelJS.Worksheet).merges).toEqual([{ top: 1, left: 1, bottom: 9, right: 3 }]);
  });
});

describe("a row past Excel's last one (<row r=\"2000000\">)", () => {
  it("is left out of the grid and named as beyond Excel's limits", async () => {
    const { snapshots, ms } = await readTimed(await rowPastLimitBook());
    expect(ms).toBeLessThan(5_000);
    const s = first(snapshots);
    expect(s.cells).toEqual(first(example).cells);
    expect(s.outside).toEqual([{ top: 1_999_999, left: 1, bottom: 1_999_999, right: 2, cells: 2, reason: "beyond-limits" }]);
    const found = analyse(snapshots, AS_OF).findings.filter((f) => f.ruleId === "cells-outside-read");
    expect(found).toEqual([expect.objectContaining({ messageId: "beyond-limits", at: { sheet: FIRST, range: "B2000000:C2000000" } })]);
  });
});

describe("a zip whose headers lie about a part's size (declares 4 KB, inflates to 400 MB)", () => {
  it("is refused while the part is inflated once, counting, never held whole", async () => {
    const liar = await sharedStringsBomb(400, true);
    const heap = process.memoryUsage().heapUsed;
    const error = await loadWorkbook(liar).catch((e: unknown) => e);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(150_000_000);
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect((error as Error).message).toContain("«xl/sharedStrings.xml» supera 100 MB");
  }, 60_000);

  it("the parts of an ordinary workbook are not inflated twice", async () => {
    const { checkInflatedSizes } = await import("../../../src/hosts/xlsx/package");
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(EXAMPLE());
    const files = Object.values(zip.files).filter((f) => !f.dir) as unknown as Array<{ internalStream: (type: string) => unknown }>;
    const spies = files.map((f) => jest.spyOn(f, "internalStream"));
    await checkInflatedSizes(zip);
    expect(spies.filter((s) => s.mock.calls.length > 0)).toHaveLength(0);
    expect(spies.length).toBeGreaterThan(5);
  });
});

describe("a shared-strings part that inflates to 400 MB (a zip bomb of 400 KB)", () => {
  let bomb: Uint8Array;
  beforeAll(async () => {
    bomb = await sharedStringsBomb();
  }, 60_000);

  it("is refused from the central directory, before anything is inflated, naming the part", async () => {
    expect(bomb.length).toBeLessThan(2_000_000);
    const heap = process.memoryUsage().heapUsed;
    const started = Date.now();
    const error = await loadWorkbook(bomb).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Nothing near the part's size was allocated (loose: other tests' garbage may be collected meanwhile).
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100_000_000);
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error).toBeInstanceOf(WorkbookUnreadableError);
    expect((error as Error).message).toContain("«xl/sharedStrings.xml»");
    expect((error as Error).message).toMatch(/419 MB.*100 MB/);
  });

  it("the CLI exits 2 with the Italian message; the standalone page refuses it with the same error", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "schede-bomb-"));
    const file = path.join(dir, "bomba.xlsx");
    writeFileSync(file, bomb);
    let err = "";
    const code = await runCli(["check", file], { stdout: () => undefined, stderr: (t) => (err += t), today: () => "2024-09-30" });
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain("bomba.xlsx: Il file contiene una parte troppo grande");
    await expect(FileWorkbookHost.open(bomb)).rejects.toBeInstanceOf(WorkbookTooLargeError);
  });

  it("the total of the parts is bounded too", async () => {
    const zip = await JSZip.loadAsync(EXAMPLE());
    expect(() => checkPartSizes(zip, { part: 1_000_000, total: 50_000 })).toThrow(/decompresso occupa/);
    expect(() => checkPartSizes(zip)).not.toThrow();
  });
});

describe("data that is itself too large is refused, not allocated", () => {
  it("thirty far-apart values: no handful of islands explains the size", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sparso");
    for (let i = 0; i < 30; i++) ws.getCell(1 + i * 30_000, 1 + i * 500).value = i;
    expect(() => worksheetToSnapshot(ws)).toThrow(WorkbookTooLargeError);
  });

  it("a far block of cells is left out as one island with its count", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    // The card: 8 rows of label and value; far away, a block of 30 cells (fewer than the card's).
    for (let r = 0; r < 8; r++) ws.getRow(r + 1).values = [`Campo ${r}`, r];
    for (let r = 600_000; r < 600_010; r++) for (let c = 1000; c < 1003; c++) ws.getCell(r + 1, c + 1).value = "x";
    const s = worksheetToSnapshot(ws);
    expect(s.cells).toEqual(Array.from({ length: 8 }, (_, r) => [`Campo ${r}`, r]));
    expect(s.outside).toEqual([{ top: 600_000, left: 1000, bottom: 600_009, right: 1002, cells: 30, reason: "far" }]);
  });
});

describe("strayAreas and dataIslands (shared by both hosts)", () => {
  const data = { top: 0, left: 0, bottom: 999, right: 13 };
  it("drops the far area, not the data, wherever the stray sits", () => {
    const corner = { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 };
    expect(strayAreas([data, corner], 5_000_000)).toEqual([corner]);
    // On the top row, far right: the data is on the bottom edge, the stray on the right one.
    const right = { top: 0, left: 16_383, bottom: 0, right: 16_383 };
    expect(strayAreas([data, right], 20_000)).toEqual([right]);
    expect(strayAreas([{ ...data, cells: 14_000 }, { ...right, cells: 1 }], 20_000)).toEqual([{ ...right, cells: 1 }]);
  });

  it("gives nothing when the box fits, or when the data itself is that large", () => {
    expect(strayAreas([data], 5_000_000)).toEqual([]);
    expect(strayAreas([data], 5_000)).toEqual([]);
  });

  it("clusters cells by wide gaps of rows, then of columns", () => {
    const rows = [0, 1, 2, 500, 0];
    const cols = [0, 1, 2, 0, 900];
    const { islands, islandOf } = dataIslands(rows, cols);
    expect(islands).toEqual([
      { top: 0, left: 0, bottom: 2, right: 2, cells: 3 },
      { top: 0, left: 900, bottom: 0, right: 900, cells: 1 },
      { top: 500, left: 0, bottom: 500, right: 0, cells: 1 },
    ]);
    expect([...islandOf]).toEqual([0, 0, 0, 2, 1]);
  });
});
