import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { charsToPoints } from "../../../src/hosts/excel/cell-input";
import { freeSheetName } from "../../../src/hosts/excel/insert-card";
import { buildNewCard } from "../../../src/ui/logic/new-card";
import { FakeExcel } from "./fake-excel";

describe("ExcelWorkbookHost.insertNewCard", () => {
  let fake: FakeExcel;
  let uninstall: () => void;
  beforeEach(() => {
    fake = new FakeExcel();
    fake.addSheet("Schede").put("A1", [["1.OBIETTIVO"]]);
    uninstall = fake.install();
  });
  afterEach(() => uninstall());

  it("writes the template on a new sheet in one batch, with its validation, and selects the title", async () => {
    const template = buildNewCard({ year: 2025 });
    fake.addSheet(template.sheetName);
    const host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: () => true }) });
    fake.resetCounters();
    const name = await host.insertNewCard(template);
    expect(fake.syncs).toBe(2);
    expect(name).toBe(freeSheetName(template.sheetName, [template.sheetName]));
    expect(name).toMatch(/ \(2\)$/);
    const sheet = fake.sheet(name);
    for (const c of template.cells) {
      const cell = sheet.cell(c.row, c.col);
      expect(cell?.value).toBe(c.value);
      expect(cell?.formula ?? null).toBeNull();
      if (c.bold) expect(cell?.bold).toBe(true);
      if (c.border) expect(cell?.border).toBe(true);
      if (c.numberFormat) expect(cell?.numberFormat).toBe(c.numberFormat);
    }
    expect(sheet.merges).toEqual(template.merges);
    for (const v of template.validations) {
      const rule = sheet.cell(v.top, v.left)?.validation?.rule as Record<string, unknown>;
      expect(Object.keys(rule)).toEqual([v.rule.kind]);
      expect(sheet.cell(v.bottom, v.right)?.validation?.errorAlert).toMatchObject({ showAlert: true, style: "Stop", message: v.error });
    }
    expect(fake.activeSheet?.name).toBe(name);
    expect(fake.activeCell).toMatchObject({ row: template.select.row, col: template.select.col });
    expect(fake.batches[1]?.actions[0]).toBe("Runtime.enableEvents=false");
  });

  it("gives the cells their validation rules and messages, and the columns their widths, in the same batch", async () => {
    const template = buildNewCard({ year: 2025 });
    const host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: () => true }) });
    fake.resetCounters();
    const name = await host.insertNewCard(template);
    expect(fake.syncs).toBe(2);
    const sheet = fake.sheet(name);
    const rules = template.validations.map((v) => sheet.cell(v.top, v.left)?.validation);
    const byPrompt = (prompt: string) => rules.find((r) => (r?.prompt as { message?: string } | undefined)?.message === prompt);
    // Percent cells: a number between 0 and 100; the bonus flag: SI or NO; the months: X.
    expect(byPrompt("Peso della fase in % dell'obiettivo (0–100). I pesi delle fasi sommano a 100.")).toMatchObject({
      ignoreBlanks: true,
      rule: { decimal: { operator: "Between", formula1: 0, formula2: 100 } },
      errorAlert: { showAlert: true, style: "Stop", message: "Inserire una percentuale tra 0 e 100 (senza il simbolo %)." },
    });
    expect(byPrompt("SI o NO")).toMatchObject({ rule: { list: { inCellDropDown: true, source: "SI,NO" } }, errorAlert: { message: "Scrivere SI o NO." } });
    expect(byPrompt("Segnare con X i mesi in cui si svolge la fase.")).toMatchObject({ rule: { list: { source: "X" } } });
    // Every cell of a validated block, corners included.
    for (const v of template.validations) {
      expect(sheet.cell(v.bottom, v.right)?.validation).toEqual(sheet.cell(v.top, v.left)?.validation);
    }
    expect(Object.fromEntries(sheet.columnWidths)).toEqual(
      Object.fromEntries(Object.entries(template.columnWidths).map(([col, chars]) => [col, charsToPoints(chars)])),
    );
    // All of it in the second batch, with events off while the add-in writes.
    const batch = fake.batches[1]?.actions ?? [];
    expect(batch.filter((a) => a === "DataValidation.rule=")).toHaveLength(template.validations.length);
    expect(batch.filter((a) => a === "Range.merge")).toHaveLength(template.merges.length);
    expect(batch.filter((a) => a === "RangeFormat.columnWidth=")).toHaveLength(Object.keys(template.columnWidths).length);
    expect(fake.eventsEnabled).toBe(true);
  });

  it("picks the first free name, ignoring case and keeping to 31 characters", () => {
    expect(freeSheetName("Nuova scheda", ["nuova scheda", "Nuova scheda (2)"])).toBe("Nuova scheda (3)");
    expect(freeSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});
