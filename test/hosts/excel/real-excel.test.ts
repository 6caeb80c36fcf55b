/**
 * The Excel host under behaviours of real Excel that a first session would meet (issue 10): each
 * `describe` names the behaviour the fake models and where it is documented.
 */
import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import type { CellFlag, WritePlan } from "../../../src/engine/write/types";
import { readBlock, strayAreas } from "../../../src/hosts/excel/read";
import { buildNewCard } from "../../../src/ui/logic/new-card";
import { FakeExcel } from "./fake-excel";
import { cardWorkbook, fillerSheet } from "./workbooks";

const caps = (fake: FakeExcel) => detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") });
const ERROR_FILL = "#FFC7CE";

function flag(sheet: string, top: number, left: number, bottom: number, right: number, note = "Schede Obiettivo · Errore\nManca."): CellFlag {
  return { sheet, top, left, bottom, right, severity: "error", fill: ERROR_FILL, note, ruleIds: ["regola"] };
}

function plan(parts: Partial<WritePlan> = {}): WritePlan {
  return { version: 1, sheets: [], flags: [], addedCells: [], stats: { cells: 0, formulas: 0, flags: 0, tables: 0 }, ...parts };
}

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

function setUp(fake: FakeExcel): ExcelWorkbookHost {
  uninstall = fake.install();
  return new ExcelWorkbookHost({ capabilities: caps(fake) });
}

describe("white fill vs no fill (office-js#4900: pattern null for both, tintAndShade null for No Fill)", () => {
  it("restores a white fill as white and no fill as no fill", async () => {
    const fake = cardWorkbook(1, 1);
    const cards = fake.sheet("Schede 1");
    cards.touch(11, 1).fill = "#FFFFFF";
    const host = setUp(fake);
    await host.readSnapshots();
    await host.applyWritePlan(plan({ flags: [flag("Schede 1", 11, 1, 11, 2)] }));
    expect(cards.cell(11, 1)?.fill).toBe(ERROR_FILL);
    await host.applyWritePlan(plan());
    expect(cards.cell(11, 1)?.fill).toBe("#FFFFFF");
    expect(cards.cell(11, 2)?.fill ?? null).toBeNull();
  });
});

describe("oversized reads on the web (GeneralException: office-js-docs#1247, office-js#1314, #1012)", () => {
  it("reads in planned chunks when the single request (sizes known from a smaller read) gets a GeneralException", async () => {
    const fake = new FakeExcel({ responseTooLargeCode: "GeneralException" });
    for (let i = 1; i <= 6; i++) fillerSheet(fake, `Dati ${i}`, 100, 4);
    const host = setUp(fake);
    await host.readSnapshots();
    // The sheets grow after the first read: its sizes say one request, Excel refuses it.
    for (let i = 1; i <= 6; i++) {
      const sheet = fake.sheet(`Dati ${i}`);
      for (let r = 100; r < 8_000; r++) for (let c = 0; c < 4; c++) sheet.touch(r, c).value = `R${r}C${c}`;
    }
    fake.resetCounters();
    const snapshots = await host.readSnapshots();
    expect(fake.batches[1]?.failed).toBe("GeneralException");
    expect(host.lastRead?.strategy).toBe("chunked");
    for (const s of snapshots) expect(s.cells).toEqual(fake.grid(s.name).cells);
  });

  it("halves a chunk that gets a GeneralException, and gives Excel's error for a small one", async () => {
    const fake = new FakeExcel({ responseTooLargeCode: "GeneralException" });
    fillerSheet(fake, "Lunghi", 2_000, 2, () => "x".repeat(2_000));
    const host = setUp(fake);
    const [snapshot] = await host.readSnapshots();
    expect(snapshot?.cells).toHaveLength(2_000);
    expect(fake.batches.filter((b) => b.failed === "GeneralException").length).toBeGreaterThan(1);
  });
});

describe("values null past 5 million cells (office-js-docs-pr#5821)", () => {
  it("takes null grids for a refusal and reads in chunks instead of crashing", async () => {
    const fake = new FakeExcel({ platform: "PC", readCellLimit: 50_000, overCellLimit: "null" });
    fillerSheet(fake, "A", 30_000, 2);
    uninstall = fake.install();
    const host = new ExcelWorkbookHost({ capabilities: caps(fake), limits: { payloadBudgetBytes: 4_000_000, readCellBudget: 40_000, readBytesPerCell: 90 } });
    fake.resetCounters();
    const [snapshot] = await host.readSnapshots();
    expect(fake.batches.every((b) => b.failed === undefined)).toBe(true);
    expect(host.lastRead?.strategy).toBe("chunked");
    expect(snapshot?.cells).toEqual(fake.grid("A").cells);
  });
});

describe("merged areas: only those whose top-left cell is in the range (office-js#3611)", () => {
  it("a re-read block keeps a merge that starts above it", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("S").put("A1", [["titolo"], ["x"], ["y"], ["z"]]);
    sheet.merges.push({ top: 0, left: 0, bottom: 2, right: 1 });
    uninstall = fake.install();
    const block = await readBlock("S", { top: 1, left: 0, bottom: 3, right: 1 }, true);
    expect(block.merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 1 }]);
  });
});

describe("protected workbook structure (AccessDenied on worksheets.add: excel-add-ins-workbooks#protect-the-workbooks-structure)", () => {
  const verifica: WritePlan["sheets"][number] = {
    name: "Verifica",
    key: "findings",
    cells: [{ sheet: "Verifica", row: 0, col: 0, content: { kind: "text", text: "Schede Obiettivo · Verifica" } }],
    tables: [],
  };

  it("detects it before writing, says what to unprotect, and writes nothing", async () => {
    const fake = cardWorkbook(1, 1);
    fake.structureProtected = true;
    const host = setUp(fake);
    await host.readSnapshots();
    fake.resetCounters();
    const report = await host.applyWritePlan(plan({ sheets: [verifica], flags: [flag("Schede 1", 11, 1, 11, 2)] }));
    expect(report.messages.map((m) => [m.code, m.severity])).toEqual([["workbook-protected", "error"]]);
    expect(report.messages[0]?.message).toContain("Proteggi cartella di lavoro");
    expect(report.flagsWritten).toBe(0);
    expect(fake.batches.flatMap((b) => b.actions).filter((a) => !a.endsWith(".load") && a !== "Range.getCellProperties")).toEqual([]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Schede 1"]);
    expect(fake.sheet("Schede 1").cell(11, 1)?.fill ?? null).toBeNull();
  });

  it("refuses a new card before adding its sheet", async () => {
    const fake = cardWorkbook(1, 1);
    fake.structureProtected = true;
    const host = setUp(fake);
    await expect(host.insertNewCard(buildNewCard({ year: 2025 }))).rejects.toMatchObject({ name: "UserFacingError" });
    expect(fake.sheets).toHaveLength(1);
  });
});

describe("request size counts objects, not only data (performance: minimize object creation)", () => {
  it("undoes a large flag whose cells were partly recoloured, every batch under 5 MB", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("Dati");
    // 3,000 × 20 cells; originally a checkerboard of green and no fill.
    for (let r = 0; r < 3_000; r++) for (let c = 0; c < 20; c++) {
      const cell = sheet.touch(r, c);
      cell.value = `R${r}C${c}`;
      if ((r + c) % 2 === 0) cell.fill = "#00B050";
    }
    const host = setUp(fake);
    await host.readSnapshots();
    await host.applyWritePlan(plan({ flags: [flag("Dati", 0, 0, 2_999, 19)] }));
    expect(sheet.cell(2_999, 19)?.fill).toBe(ERROR_FILL);
    // The user recolours one cell: the undo leaves it, so it restores the others cell by cell.
    sheet.touch(0, 0).fill = "#0070C0";
    fake.resetCounters();
    await host.applyWritePlan(plan());
    for (const b of fake.batches) {
      expect(b.failed).toBeUndefined();
      expect(b.requestBytes).toBeLessThanOrEqual(5_000_000);
    }
    expect(sheet.cell(0, 0)?.fill).toBe("#0070C0");
    expect(sheet.cell(0, 1)?.fill ?? null).toBeNull();
    expect(sheet.cell(1, 1)?.fill).toBe("#00B050");
    expect(sheet.cell(2_999, 18)?.fill ?? null).toBeNull();
    expect(sheet.cell(2_999, 19)?.fill).toBe("#00B050");
  });
});

describe("tables.add (Excel.TableCollection.add: unqualified address → active sheet; overlap refused)", () => {
  it("the fake takes an unqualified address on the active sheet and refuses an overlap", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Attivo");
    fake.addSheet("Altro");
    uninstall = fake.install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Altro").tables.add("A1:B3", true);
      await context.sync();
    });
    expect(fake.tables[0]?.sheet.name).toBe("Attivo");
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Attivo");
        ws.tables.add(ws.getRange("B2:C4"), true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("cell-edit mode (Excel.RunOptions.delayForCellEdit)", () => {
  it("a check started while the user types waits for the cell to be left instead of failing", async () => {
    const fake = cardWorkbook(1, 1);
    const host = setUp(fake);
    fake.enterCellEdit();
    let done = false;
    const read = host.readSnapshots().then((s) => {
      done = true;
      return s;
    });
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    fake.exitCellEdit();
    const snapshots = await read;
    expect(snapshots[0]?.cells).toEqual(fake.grid("Schede 1").cells);
    expect(fake.batches.some((b) => b.failed === "InvalidOperationInCellEditMode")).toBe(false);
  });

  it("the fake fails a run without delayForCellEdit", async () => {
    const fake = cardWorkbook(1, 1);
    uninstall = fake.install();
    fake.enterCellEdit();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.load("items/name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});

describe("inflated used ranges (a stray value far from the data)", () => {
  it("finds the data first (getSpecialCellsOrNullObject) and reads only its rectangle, naming the stray cell", async () => {
    const fake = cardWorkbook(3, 3);
    const expected = fake.grid("Schede 1");
    fake.sheet("Schede 1").touch(1_048_575, 16_383).value = "x";
    const host = setUp(fake);
    const started = Date.now();
    fake.resetCounters();
    const snapshots = await host.readSnapshots();
    expect(Date.now() - started).toBeLessThan(5_000);
    // Names, the single request (refused: 17 billion cells), addresses, the data's areas
    // (addresses only), the values.
    expect(fake.batches.map((b) => b.failed ?? "ok")).toEqual(["ok", "RangeExceedsLimit", "ok", "ok", "ok"]);
    const s = snapshots.find((x) => x.name === "Schede 1");
    expect(s?.origin).toEqual(expected.origin);
    expect(s?.cells).toEqual(expected.cells);
    expect(s?.outside).toEqual([{ top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383, cells: 1, reason: "far" }]);
  }, 20_000);

  it("finds the data of two inflated sheets in the same sync", async () => {
    const fake = cardWorkbook(6, 3);
    for (const name of ["Schede 1", "Schede 2"]) fake.sheet(name).touch(1_048_575, 16_383).value = "x";
    const host = setUp(fake);
    fake.resetCounters();
    const snapshots = await host.readSnapshots();
    expect(fake.batches.map((b) => b.failed ?? "ok")).toEqual(["ok", "RangeExceedsLimit", "ok", "ok", "ok"]);
    expect(snapshots.map((s) => s.outside?.length)).toEqual([1, 1]);
  }, 20_000);

  it("refuses a sheet whose data itself spans more than the limit, in one extra round trip", async () => {
    const fake = cardWorkbook(1, 1);
    // Thirty values far apart from one another: no handful of them explains the size.
    for (let i = 0; i < 30; i++) fake.sheet("Schede 1").touch(1_000 + i * 30_000, i * 500).value = `v${i}`;
    const host = setUp(fake);
    await expect(host.readSnapshots()).rejects.toMatchObject({ name: "UserFacingError" });
  }, 20_000);

  it("strayAreas drops the far areas only", () => {
    const data = { top: 0, left: 0, bottom: 999, right: 13 };
    expect(strayAreas([data, { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 }], 5_000_000)).toEqual([
      { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 },
    ]);
    expect(strayAreas([data], 5_000)).toEqual([]);
  });
});

describe("error values (Range.values gives their text, Excel.Div0ErrorCellValue.basicValue)", () => {
  it("reads a formula's error result as its text and keeps the formula, as the .xlsx host does", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S").put("A1", [["Peso", 10]]).formula("B2", "=B1/0", "#DIV/0!").formula("B3", "=NA()", "#N/A");
    const host = setUp(fake);
    const [snapshot] = await host.readSnapshots();
    expect(snapshot?.cells[1]?.[1]).toBe("#DIV/0!");
    expect(snapshot?.formulas?.[1]?.[1]).toBe("B1/0");
    expect(snapshot?.cells[2]?.[1]).toBe("#N/A");
    expect(snapshot?.formulas?.[2]?.[1]).toBe("NA()");
  });
});

describe("request size of many small writes (each range, format and font is an object)", () => {
  it("keeps every batch under 5 MB when thousands of styled cells are added", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Dati").put("A1", [["Titolo"]]);
    const host = setUp(fake);
    await host.readSnapshots();
    const addedCells: WritePlan["addedCells"] = [];
    for (let r = 0; r < 3_000; r++)
      for (let c = 0; c < 5; c++) addedCells.push({ sheet: "Dati", row: 2 + r, col: 20 + c, content: { kind: "text", text: `Nota ${r}` }, style: { bold: true, italic: true, fill: "#FFEB9C" } });
    fake.resetCounters();
    const outcome = await host.write({ kind: "apply", plan: plan({ addedCells }) });
    for (const b of fake.batches) {
      expect(b.failed).toBeUndefined();
      expect(b.requestBytes).toBeLessThanOrEqual(5_000_000);
    }
    expect(outcome.batches).toBeGreaterThan(1);
    expect(fake.sheet("Dati").cell(3_001, 24)).toMatchObject({ value: "Nota 2999", bold: true, fill: "#FFEB9C" });
  });
});
