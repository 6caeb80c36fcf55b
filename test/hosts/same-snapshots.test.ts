/**
 * One workbook, two hosts: the .xlsx the standalone page opens (FileWorkbookHost, ExcelJS) and
 * the same workbook open in Excel (ExcelWorkbookHost, here over the fake object model) give the
 * engine the same snapshots where it matters — the very hidden SO_Stato included, since
 * analyse() reads the add-in's ownership record from it — and so the same findings and plan.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import * as ExcelJS from "exceljs";
import { analyse, type AnalyseOptions } from "../../src/engine/analyse";
import { fillAt, type SheetSnapshot } from "../../src/engine/model/snapshot";
import { STATE_SHEET } from "../../src/engine/write/types";
import { detectCapabilities } from "../../src/hosts/excel/capabilities";
import { ExcelWorkbookHost } from "../../src/hosts/excel/host";
import { applyWritePlanToWorkbook, saveWorkbook, workbookSnapshots } from "../../src/hosts/xlsx/apply";
import { FileWorkbookHost } from "../../src/hosts/xlsx/file-host";
import { loadWorkbook } from "../../src/hosts/xlsx/read";
import { mirrorIntoFake } from "./excel/from-exceljs";
import { cardRows } from "./excel/workbooks";

const ROOT = path.resolve(__dirname, "../..");
const REVIEW: AnalyseOptions = { asOf: "2024-12-31", review: "final" };

/** Two sheets of vertical cards, built with ExcelJS from literals (percent cells formatted). */
async function builtWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, cards] of [["Polizia Locale", [1, 2]], ["Segreteria", [1]]] as const) {
    const ws = wb.addWorksheet(name);
    cards.forEach((n, i) => {
      const top = i * 32;
      cardRows(n, name.toUpperCase()).forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(top + r + 1, c + 1).value = v)));
      for (let r = 26; r <= 28; r++) ws.getCell(top + r + 1, 3).numFmt = "0%";
      ws.mergeCells(top + 1, 1, top + 1, 6);
    });
  }
  // A date and a formula, as users type them.
  const seg = wb.getWorksheet("Segreteria") as ExcelJS.Worksheet;
  seg.getCell("B12").value = new Date(Date.UTC(2024, 11, 31));
  seg.getCell("B12").numFmt = "dd/mm/yyyy";
  seg.getCell("C27").value = { formula: "0.1*2", result: 0.2 };
  // A cronoprogramma marked by colour as well as by X: RGB, theme + tint and indexed fills, on
  // empty cells (a Gantt bar) and on marked ones; a white cell reads as no fill.
  const pol = wb.getWorksheet("Polizia Locale") as ExcelJS.Worksheet;
  const solid = (fgColor: Partial<ExcelJS.Color> & { tint?: number; indexed?: number }): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: fgColor as ExcelJS.Color });
  for (const a of ["B18", "C18", "D18"]) pol.getCell(a).fill = solid({ argb: "FF00B050" });
  for (const a of ["E19", "F19"]) pol.getCell(a).fill = solid({ theme: 4, tint: 0.3999755851924192 });
  pol.getCell("G20").fill = solid({ indexed: 13 });
  pol.getCell("H20").fill = solid({ argb: "FFFFFFFF" });
  pol.getCell("A17").fill = solid({ theme: 0, tint: -0.1499984740745262 });
  return saveWorkbook(wb);
}

/** The workbook after a review was prepared with the CLI's path: generated sheets, review headers, SO_Stato. */
async function annotated(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes);
  applyWritePlanToWorkbook(wb, analyse(workbookSnapshots(wb), REVIEW).writePlan);
  return saveWorkbook(wb);
}

/** Snapshots through the Excel host, of the same workbook copied into the fake Excel. */
async function excelSnapshots(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  const fake = mirrorIntoFake(await loadWorkbook(bytes));
  const uninstall = fake.install();
  try {
    return await new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: () => true }) }).readSnapshots();
  } finally {
    uninstall();
  }
}

const cases: Array<[string, () => Promise<Uint8Array>]> = [
  ["a workbook built with ExcelJS", builtWorkbook],
  ["layout-c-servizi-sociali.xlsx", async () => new Uint8Array(await fs.readFile(path.join(ROOT, "test/fixtures/layout-c-servizi-sociali.xlsx")))],
  ["casorate-segreteria.xlsx", async () => new Uint8Array(await fs.readFile(path.join(ROOT, "test/fixtures/casorate-segreteria.xlsx")))],
];

describe.each(cases)("%s, annotated for a review, read by both hosts", (_, build) => {
  let fileSide: SheetSnapshot[];
  let excelSide: SheetSnapshot[];

  beforeAll(async () => {
    const bytes = await annotated(await build());
    fileSide = await (await FileWorkbookHost.open(bytes)).readSnapshots();
    excelSide = await excelSnapshots(bytes);
  });

  it("gives the same sheets, the state sheet last on both sides", () => {
    expect(excelSide.map((s) => s.name)).toEqual(fileSide.map((s) => s.name));
    expect(fileSide.at(-1)?.name).toBe(STATE_SHEET);
    expect(excelSide.find((s) => s.name === STATE_SHEET)?.cells).toEqual(fileSide.find((s) => s.name === STATE_SHEET)?.cells);
  });

  it("gives the same fills, cell for cell", () => {
    expect(excelSide.map((s) => [s.name, s.fills])).toEqual(fileSide.map((s) => [s.name, s.fills]));
  });

  it("gives the same analysis: findings, the record seen, the review headers owned", () => {
    for (const options of [REVIEW, { asOf: "2024-06-30", review: null }] satisfies AnalyseOptions[]) {
      const fromFile = analyse(fileSide, options);
      const fromExcel = analyse(excelSide, options);
      expect(fromExcel.findings).toEqual(fromFile.findings);
      expect(fromExcel.plan).toEqual(fromFile.plan);
      expect(fromFile.writePlan.ownershipSeen).toBe(true);
      expect(fromExcel.writePlan.ownershipSeen).toBe(true);
      expect(fromExcel.writePlan.addedCells).toEqual(fromFile.writePlan.addedCells);
      expect(fromExcel.writePlan.flags).toEqual(fromFile.writePlan.flags);
    }
  });
});

describe("fills of a workbook built with ExcelJS, read by both hosts", () => {
  it("are the exact colours Excel shows, and the same on both sides", async () => {
    const bytes = await builtWorkbook();
    const [fromFile] = await (await FileWorkbookHost.open(bytes)).readSnapshots();
    const [fromExcel] = await excelSnapshots(bytes);
    const at = (s: SheetSnapshot | undefined, a: string): string | null => {
      const m = /^([A-Z])(\d+)$/.exec(a) as RegExpExecArray;
      return s ? fillAt(s, Number(m[2]) - 1, (m[1] as string).charCodeAt(0) - 65) : "no sheet";
    };
    const cells = ["A16", "A17", "B18", "C18", "D18", "E18", "E19", "F19", "G20", "H20"];
    // ExcelJS's theme part: lt1 FFFFFF darker 15 % is D9D9D9, accent1 4F81BD lighter 40 % is 95B3D7.
    const expected = [null, "#D9D9D9", "#00B050", "#00B050", "#00B050", null, "#95B3D7", "#95B3D7", "#FFFF00", null];
    expect(cells.map((a) => at(fromFile, a))).toEqual(expected);
    expect(cells.map((a) => at(fromExcel, a))).toEqual(expected);
    expect(fromExcel?.fills).toEqual(fromFile?.fills);
    expect(fromFile?.cells).toEqual(fromExcel?.cells);
  });
});

describe("a stray value in XFD1048576 (issue 10 point 9), read by both hosts", () => {
  it("gives the same grid of the data, the same area outside it and the same findings", async () => {
    const { strayValueBook } = await import("./xlsx/adversarial");
    const bytes = await strayValueBook();
    const fileSide = await (await FileWorkbookHost.open(bytes)).readSnapshots();
    const excelSide = await excelSnapshots(bytes);
    const pick = (list: SheetSnapshot[]) => list.map((s) => ({ name: s.name, origin: s.origin, cells: s.cells, merges: s.merges, outside: s.outside }));
    expect(pick(excelSide)).toEqual(pick(fileSide));
    expect(fileSide[0]?.outside).toEqual([{ top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383, cells: 1, reason: "far" }]);
    const options = { asOf: "2024-09-30" };
    expect(analyse(excelSide, options).findings).toEqual(analyse(fileSide, options).findings);
  }, 30_000);
});
