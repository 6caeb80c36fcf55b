import { analyse } from "../../../src/engine/analyse";
import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { STATE_SHEET } from "../../../src/engine/write/types";
import { cardWorkbook } from "./workbooks";

describe("the engine's real write plan through the Excel host", () => {
  it("applies, re-applies the same result, and clears back to the user's workbook", async () => {
    const fake = cardWorkbook(12, 4);
    const before = fake.sheets.map((s) => fake.grid(s.name));
    const uninstall = fake.install();
    try {
      const host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: () => true }) });
      const first = analyse(await host.readSnapshots(), { asOf: "2024-06-30" });
      expect(first.writePlan.sheets.length).toBeGreaterThan(0);
      fake.resetCounters();
      await host.applyWritePlan(first.writePlan);
      expect(fake.syncs).toBe(3);
      const written = fake.sheets.map((s) => s.name);
      expect(written).toEqual(expect.arrayContaining(first.writePlan.sheets.map((s) => s.name)));
      expect(fake.findSheet(STATE_SHEET)?.visibility).toBe("VeryHidden");
      // Every owned sheet prints landscape, one page wide, the table header on every page.
      expect(fake.findSheet("Punteggi")?.page).toEqual({
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1 },
        titleRows: "$4:$4",
        leftHeader: "Schede Obiettivo · Punteggi",
        centerHeader: "",
        rightHeader: "Data di riferimento: 30/06/2024",
        leftFooter: "Punteggi",
        centerFooter: "Pagina &P di &N",
        rightFooter: "",
      });
      // Riepilogo: its data bars (none before a review) and a page break after each structure but the last.
      const summary = fake.findSheet("Riepilogo");
      expect(summary?.dataBars.length).toBe(first.writePlan.sheets.find((s) => s.key === "summary")?.dataBars?.length);
      expect(summary?.pageBreaks).toEqual((first.writePlan.sheets.find((s) => s.key === "summary")?.pageBreaks ?? []).map((r) => r + 1));

      // A second check of the same workbook sees its own sheets as its own and rewrites them.
      const second = analyse(await host.readSnapshots(), { asOf: "2024-06-30" });
      expect(second.findings).toEqual(first.findings);
      fake.resetCounters();
      await host.applyWritePlan(second.writePlan);
      expect(fake.syncs).toBe(3);
      expect(fake.sheets.map((s) => s.name)).toEqual(written);
      expect(host.lastReport?.messages.filter((m) => m.severity === "error")).toEqual([]);

      await host.clearAddinContent();
      expect(fake.sheets.map((s) => fake.grid(s.name))).toEqual(before);
      expect(fake.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.fill !== null))).toEqual([]);
      expect(fake.sheets.flatMap((s) => [...s.notes.keys()])).toEqual([]);
    } finally {
      uninstall();
    }
  });
});
