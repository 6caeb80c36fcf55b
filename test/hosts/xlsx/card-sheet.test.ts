/**
 * The standalone page's «Nuova scheda»: a workbook of its own holding one empty card, made by the
 * file host from the same CardTemplate Excel's insertNewCard takes, read back as the engine reads
 * any .xlsx.
 */
import * as ExcelJS from "exceljs";
import { analyse } from "../../../src/engine/analyse";
import { FileWorkbookHost } from "../../../src/hosts/xlsx/file-host";
import { newCardWorkbook } from "../../../src/hosts/xlsx/card-sheet";
import { readWorkbookSnapshots } from "../../../src/hosts/xlsx/read";
import { buildNewCard } from "../../../src/ui/logic/new-card";
import { promises as fs } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");

describe("newCardWorkbook", () => {
  const template = buildNewCard({ year: 2025 });

  it("gives a workbook the engine reads as one card of layout addin, with nothing else in it", async () => {
    const bytes = await newCardWorkbook(template);
    const snapshots = await readWorkbookSnapshots(bytes);
    expect(snapshots.map((s) => s.name)).toEqual(["Nuova scheda"]);
    const analysis = analyse(snapshots, { asOf: "2025-01-15" });
    const objectives = analysis.plan.structures.flatMap((s) => s.objectives);
    expect(objectives).toHaveLength(1);
    expect(objectives[0]?.layout).toBe("addin");
    expect(objectives[0]?.year).toBe(2025);
    expect(analysis.plan.unreadable).toEqual([]);
    // An empty card: the checks say what to fill in, and no state sheet pretends it was checked.
    expect(analysis.findings.length).toBeGreaterThan(0);
    expect(snapshots.some((s) => s.name === "SO_Stato")).toBe(false);
  });

  it("keeps the template's data validation, merges and widths, and opens on the title cell", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await newCardWorkbook(template)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Nuova scheda");
    const weight = template.validations.find((v) => v.rule.kind === "decimal")!;
    expect(ws?.getCell(weight.top + 1, weight.left + 1).dataValidation).toMatchObject({ type: "decimal", formulae: [0, 100], error: weight.error });
    const merge = template.merges[0]!;
    expect(ws?.getCell(merge.top + 1, merge.right + 1).isMerged).toBe(true);
    expect(ws?.getColumn(1).width).toBe(template.columnWidths[0]);
    const title = ws?.getCell(template.select.row + 1, template.select.col + 1).address;
    expect(ws?.views[0]).toMatchObject({ activeCell: title });
  });

  it("is what the file host offers, and the open workbook does not change", async () => {
    const host = await FileWorkbookHost.open(await fs.readFile(path.join(ROOT, "test/fixtures/casorate-segreteria.xlsx")));
    expect(host.capabilities).toMatchObject({ newCardWorkbook: true, insertCard: false, select: false, downloadCopy: true });
    const before = (await host.readSnapshots()).map((s) => s.name);
    const bytes = await host.newCardWorkbook(template);
    expect((await readWorkbookSnapshots(bytes)).map((s) => s.name)).toEqual(["Nuova scheda"]);
    expect((await host.readSnapshots()).map((s) => s.name)).toEqual(before);
  });
});
