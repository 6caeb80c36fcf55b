/**
 * Every sheet the add-in owns prints landscape, one page wide, its table header on every page,
 * with the sheet's title and the date of reference in the header and the page number in the
 * footer. ExcelJS writes it; LibreOffice, printing Punteggi to PDF, needs one page where the same
 * sheet without the page setup takes several (its columns split); the Riepilogo of the example
 * prints one structure per page.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ExcelJS from "exceljs";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { applyWritePlanToWorkbook, saveWorkbook } from "../../../src/hosts/xlsx/apply";
import { findSoffice } from "./libreoffice-support";
import { annotate, workbookBytes } from "./roundtrip-helpers";

let written: Uint8Array;
beforeAll(async () => {
  written = (await annotate(workbookBytes("casorate-servizio-amministrativo"))).bytes;
});

describe("page setup of the add-in's sheets (ExcelJS)", () => {
  it("landscape, one page wide, header row repeated, title and date in the header, page number in the footer", async () => {
    const wb = await loadWorkbook(written);
    for (const name of ["Punteggi", "Relazione", "Obiettivi", "Fasi", "Indicatori", "Verifica", "Metodologia"]) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      expect({ name, ...ws.pageSetup }).toMatchObject({ name, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "4:4" });
      // The title is the sheet's own A1 ("Schede Obiettivo · Punteggi").
      expect(String(ws.getCell("A1").value)).toMatch(/^Schede Obiettivo · /);
      expect(ws.headerFooter.oddHeader).toBe(`&L${String(ws.getCell("A1").value)}&C&RData di riferimento: 31/12/2024`);
      expect(ws.headerFooter.oddFooter).toBe(`&L${name}&CPagina &P di &N&R`);
    }
  });
});

describe("Riepilogo (ExcelJS)", () => {
  it("has data bars on the scores and a page break after each structure", async () => {
    const demo = await annotate(workbookBytes("demo"));
    const summary = demo.analysis.writePlan.sheets.find((x) => x.key === "summary");
    const structures = demo.analysis.plan.structures.length;
    expect(structures).toBeGreaterThan(1);
    expect(summary?.pageBreaks).toHaveLength(structures - 1);
    const wb = await loadWorkbook(demo.bytes);
    const ws = wb.getWorksheet("Riepilogo") as ExcelJS.Worksheet & { conditionalFormattings?: Array<{ ref: string; rules: Array<{ type: string }> }>; rowBreaks?: Array<{ id: number }> };
    const bars = (ws.conditionalFormattings ?? []).filter((cf) => cf.rules.some((r) => r.type === "dataBar"));
    expect(bars.map((b) => b.ref)).toEqual((summary?.dataBars ?? []).map((b) => `F${b.top + 1}:F${b.bottom + 1}`));
    expect(bars.length).toBeGreaterThanOrEqual(2 * structures);
  });
});

const soffice = findSoffice();
const describeLo = soffice ? describe : describe.skip;

/** Pages of each workbook printed to PDF by LibreOffice (one headless run). */
async function pdfPages(files: Map<string, Uint8Array>): Promise<Map<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "so-pdf-"));
  try {
    mkdirSync(path.join(dir, "in"));
    mkdirSync(path.join(dir, "out"));
    const inputs = [...files].map(([name, bytes]) => {
      const p = path.join(dir, "in", `${name}.xlsx`);
      writeFileSync(p, bytes);
      return p;
    });
    const args = [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", path.join(dir, "out"), ...inputs];
    await new Promise<void>((resolve, reject) => execFile(soffice as string, args, { timeout: 120_000 }, (e, _o, err) => (e ? reject(new Error(`${e.message}\n${err}`)) : resolve())));
    const out = new Map<string, number>();
    for (const name of files.keys()) {
      const pdf = readFileSync(path.join(dir, "out", `${name}.pdf`), "latin1");
      out.set(name, (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The written workbook with only Punteggi left, with or without its page setup. */
async function onlyScores(withSetup: boolean): Promise<Uint8Array> {
  const wb = await loadWorkbook(written);
  for (const ws of [...wb.worksheets]) if (ws.name !== "Punteggi") wb.removeWorksheet(ws.id);
  const ws = wb.getWorksheet("Punteggi") as ExcelJS.Worksheet;
  if (!withSetup) {
    ws.pageSetup = { ...ws.pageSetup, orientation: "portrait", fitToPage: false, printTitlesRow: undefined } as unknown as ExcelJS.PageSetup;
    ws.headerFooter = {} as ExcelJS.HeaderFooter;
  }
  return saveWorkbook(wb);
}

describeLo("printing with LibreOffice", () => {
  it("Punteggi prints on one page wide with the page setup, over several pages without it", async () => {
    const pages = await pdfPages(new Map([["with", await onlyScores(true)], ["without", await onlyScores(false)]]));
    expect(pages.get("with")).toBe(1);
    expect(pages.get("without") ?? 0).toBeGreaterThan(1);
  }, 120_000);

  it("the Riepilogo of the example prints one structure per page", async () => {
    // Written straight from the plan (ExcelJS does not read page breaks back), alone in its book.
    const demo = await annotate(workbookBytes("demo"));
    const plan = demo.analysis.writePlan;
    const wb = new ExcelJS.Workbook();
    applyWritePlanToWorkbook(wb, { ...plan, sheets: plan.sheets.filter((x) => x.key === "summary"), flags: [], addedCells: [] });
    for (const ws of [...wb.worksheets]) if (ws.name !== "Riepilogo") wb.removeWorksheet(ws.id);
    const pages = await pdfPages(new Map([["riepilogo", await saveWorkbook(wb)]]));
    expect(pages.get("riepilogo")).toBe(demo.analysis.plan.structures.length);
  }, 120_000);
});
