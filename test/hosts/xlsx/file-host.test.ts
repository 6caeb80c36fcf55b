import { promises as fs } from "node:fs";
import path from "node:path";
import * as ExcelJS from "exceljs";
import { analyse } from "../../../src/engine/analyse";
import { FileWorkbookHost, freeSheetName, openWorkbookFile } from "../../../src/hosts/xlsx/file-host";
import { loadWorkbook, readWorkbookSnapshots } from "../../../src/hosts/xlsx/read";
import { buildNewCard } from "../../../src/ui/logic/new-card";

const ROOT = path.resolve(__dirname, "../../..");
const fixture = (name: string) => fs.readFile(path.join(ROOT, "test/fixtures", name));

describe("FileWorkbookHost", () => {
  it("reads the snapshots the CLI reads, applies the engine's plan and gives back an annotated .xlsx", async () => {
    const bytes = await fixture("casorate-segreteria.xlsx");
    const opened = await openWorkbookFile(new File([bytes], "casorate-segreteria.xlsx"));
    expect(opened.fileName).toBe("casorate-segreteria.xlsx");
    const snapshots = await opened.host.readSnapshots();
    expect(snapshots.map((s) => s.name)).toEqual((await readWorkbookSnapshots(bytes)).map((s) => s.name));

    const analysis = analyse(snapshots, { asOf: "2024-10-01" });
    const progress: number[] = [];
    const blob = await opened.annotatedCopy(analysis.writePlan, (p) => progress.push(p.fraction));
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(progress.at(-1)).toBe(1);
    const annotated = await readWorkbookSnapshots(new Uint8Array(await blob.arrayBuffer()));
    const names = annotated.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([...snapshots.map((s) => s.name), "Verifica"]));
  });

  it("offers no copy when the workbook must not be touched (a user's visible SO_Stato), with the Italian reason", async () => {
    const source = await loadWorkbook(await fixture("casorate-segreteria.xlsx"));
    source.addWorksheet("SO_Stato").getCell("A1").value = "il mio foglio";
    const bytes = new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer);
    const opened = await openWorkbookFile(new File([bytes], "piano.xlsx"));
    const analysis = analyse(await opened.host.readSnapshots(), { asOf: "2024-10-01" });
    await expect(opened.annotatedCopy(analysis.writePlan)).rejects.toMatchObject({ name: "UserFacingError", message: expect.stringContaining("SO_Stato") });
  });

  it("applies a second plan over the first without piling up sheets", async () => {
    const host = await FileWorkbookHost.open(await fixture("casorate-segreteria.xlsx"));
    const plan = analyse(await host.readSnapshots(), { asOf: "2024-10-01" }).writePlan;
    // Each write resolves to the xlsx host's report, the plan's messages first.
    const first = await host.applyWritePlan(plan);
    expect(first.sheetsWritten).toEqual(plan.sheets.map((s) => s.name));
    expect(first.flagsWritten).toBe(plan.flags.length);
    expect(first.messages.slice(0, plan.messages?.length ?? 0)).toEqual(plan.messages ?? []);
    const afterFirst = (await host.readSnapshots()).map((s) => s.name);
    const second = await host.applyWritePlan(analyse(await host.readSnapshots(), { asOf: "2024-10-01" }).writePlan);
    expect(second.sheetsRemoved).toEqual(expect.arrayContaining(["Verifica"]));
    expect(second.flagsRemoved).toBe(first.flagsWritten);
    expect((await host.readSnapshots()).map((s) => s.name)).toEqual(afterFirst);
    const cleared = await host.clearAddinContent();
    expect(cleared.sheetsRemoved).toEqual(expect.arrayContaining(second.sheetsWritten.filter((n) => n !== "Metodologia")));
    expect((await host.readSnapshots()).map((s) => s.name)).not.toContain("Verifica");
  });

  it("inserts the add-in's card with data validation, read back as layout addin", async () => {
    const host = await FileWorkbookHost.open(await fixture("casorate-segreteria.xlsx"));
    const template = buildNewCard({ year: 2024 });
    const first = await host.insertNewCard(template);
    const second = await host.insertNewCard(template);
    expect([first, second]).toEqual(["Nuova scheda", "Nuova scheda (2)"]);

    const objectives = analyse(await host.readSnapshots(), { asOf: "2024-10-01" }).plan.structures.flatMap((s) => s.objectives);
    expect(objectives.filter((o) => o.layout === "addin" && o.source.card?.sheet === first)).toHaveLength(1);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.toXlsx()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(first);
    const weight = template.validations.find((v) => v.rule.kind === "decimal")!;
    const dv = ws?.getCell(weight.top + 1, weight.left + 1).dataValidation;
    expect(dv).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 100], showErrorMessage: true, error: weight.error });
    const months = template.validations.find((v) => v.rule.kind === "list" && v.rule.values[0] === "X")!;
    expect(ws?.getCell(months.bottom + 1, months.right + 1).dataValidation).toMatchObject({ type: "list", formulae: ['"X"'] });
  });

  it.each([
    ["not-a-workbook.xlsx", "WorkbookUnreadableError"],
    ["encrypted.xlsx", "WorkbookEncryptedError"],
    ["empty.xlsx", "WorkbookEmptyError"],
  ])("refuses %s with %s", async (name, error) => {
    await expect(FileWorkbookHost.open(await fixture(name))).rejects.toMatchObject({ name: error });
  });
});

describe("freeSheetName", () => {
  it("adds a number when the name is taken, ignoring case, within 31 characters", () => {
    expect(freeSheetName("Nuova scheda", [])).toBe("Nuova scheda");
    expect(freeSheetName("Nuova scheda", ["nuova SCHEDA", "Nuova scheda (2)"])).toBe("Nuova scheda (3)");
    const long = "x".repeat(40);
    expect(freeSheetName(long, [])).toHaveLength(31);
    expect(freeSheetName(long, ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});
