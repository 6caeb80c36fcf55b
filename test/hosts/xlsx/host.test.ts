import { promises as fs } from "node:fs";
import path from "node:path";
import { analyse, type WorkbookHost } from "../../../src/engine";
import { openXlsxHost, WorkbookEmptyError, WorkbookUnreadableError } from "../../../src/hosts/xlsx";
import { readAnalysisSnapshots } from "../../../src/hosts/xlsx/apply";

const ROOT = path.resolve(__dirname, "../../..");
const fixture = (name: string) => fs.readFile(path.join(ROOT, "test/fixtures", name));

describe("openXlsxHost (the WorkbookHost the CLI uses)", () => {
  it("reads what the CLI always read, applies the plan, clears it, and gives the bytes back", async () => {
    const bytes = await fixture("casorate-segreteria.xlsx");
    const host = await openXlsxHost(bytes);
    const port: WorkbookHost = host;
    expect(port.kind).toBe("file");
    expect(host.unreadSheetsMessage()).toBeNull();

    const snapshots = await host.readSnapshots();
    expect(snapshots).toEqual(await readAnalysisSnapshots(bytes));

    const analysis = analyse(snapshots, { asOf: "2024-10-01" });
    const applied = await host.applyWritePlan(analysis.writePlan);
    expect(applied.messages.filter((m) => m.severity === "error")).toEqual([]);
    const annotated = await readAnalysisSnapshots(await host.saveBytes());
    expect(annotated.map((s) => s.name)).toEqual(expect.arrayContaining(["Verifica", "SO_Stato"]));
    // The host's own snapshots follow the workbook in memory.
    expect((await host.readSnapshots()).map((s) => s.name)).toEqual(annotated.map((s) => s.name));

    await host.clearAddinContent();
    const cleared = await readAnalysisSnapshots(await host.saveBytes());
    expect(cleared.map((s) => s.name)).toEqual(snapshots.map((s) => s.name));
  });

  it("refuses bytes that are not a workbook, or a workbook without values, with the reader's errors", async () => {
    await expect(openXlsxHost(new TextEncoder().encode("non è un file xlsx"))).rejects.toBeInstanceOf(WorkbookUnreadableError);
    const ExcelJS = await import("exceljs");
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Foglio1");
    const emptyBytes = new Uint8Array(await empty.xlsx.writeBuffer());
    await expect(openXlsxHost(emptyBytes)).rejects.toBeInstanceOf(WorkbookEmptyError);
  });
});
