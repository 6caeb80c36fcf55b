/**
 * Data safety (issue 12): the add-in owns its sheets by identity, not by name. A user's sheet
 * that has one of the add-in's names, an owned sheet the user renamed to keep, a user sheet
 * whose A1 looks like the add-in's marker, a damaged record: none is deleted or changed.
 */
import type * as ExcelJS from "exceljs";
import { applyWritePlanToWorkbook, clearAddinContent, saveWorkbook, workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { findStateSheet, removeNote, sheetCell } from "../../../src/hosts/xlsx/ownership";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { OWNED_SHEET_MARKER } from "../../../src/engine/write/ownership";
import { analyseSnapshots, annotate, workbookBytes } from "./roundtrip-helpers";

const FIXTURE = "casorate-servizio-amministrativo" as const;

async function annotated(): Promise<ExcelJS.Workbook> {
  return loadWorkbook((await annotate(workbookBytes(FIXTURE))).bytes);
}

/** `tables` on the loaded workbook, then save and load again. */
async function tables(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; report: ReturnType<typeof applyWritePlanToWorkbook> }> {
  const analysis = analyseSnapshots(workbookSnapshots(wb));
  const report = applyWritePlanToWorkbook(wb, analysis.writePlan);
  return { wb: await loadWorkbook(await saveWorkbook(wb)), report };
}

async function clear(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; report: ReturnType<typeof clearAddinContent> }> {
  const report = clearAddinContent(wb);
  return { wb: await loadWorkbook(await saveWorkbook(wb)), report };
}

function userSheet(wb: ExcelJS.Workbook, name: string, a1 = "Le mie note"): void {
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = a1;
  ws.getCell("B2").value = 42;
}

function expectUserSheet(wb: ExcelJS.Workbook, name: string, a1 = "Le mie note"): void {
  const ws = wb.getWorksheet(name);
  expect(ws).toBeDefined();
  expect(sheetCell(ws as ExcelJS.Worksheet, 1, 1).value).toBe(a1);
  expect(sheetCell(ws as ExcelJS.Worksheet, 2, 2).value).toBe(42);
}

describe("ownership by identity (xlsx host)", () => {
  it("a user's own «Verifica», made after deleting the add-in's, survives clear and tables", async () => {
    for (const step of [clear, tables]) {
      const wb = await annotated();
      wb.removeWorksheet((wb.getWorksheet("Verifica") as ExcelJS.Worksheet).id);
      userSheet(wb, "Verifica");
      const after = await step(wb);
      expectUserSheet(after.wb, "Verifica");
    }
  });

  it("a user's own «Riepilogo» (the add-in's has no table: its identity is the record plus the A1 marker) survives clear and tables", async () => {
    for (const step of [clear, tables]) {
      const wb = await annotated();
      expect(wb.getWorksheet("Riepilogo")).toBeDefined();
      wb.removeWorksheet((wb.getWorksheet("Riepilogo") as ExcelJS.Worksheet).id);
      userSheet(wb, "Riepilogo");
      const after = await step(wb);
      expectUserSheet(after.wb, "Riepilogo");
    }
  });

  it("the add-in's own «Riepilogo» is replaced, not piled up, by a second tables", async () => {
    const wb = await annotated();
    const after = await tables(wb);
    expect(after.wb.worksheets.filter((w) => w.name.startsWith("Riepilogo")).map((w) => w.name)).toEqual(["Riepilogo"]);
  });

  it("a renamed «Punteggi» kept by the user and a new user «Punteggi» both survive", async () => {
    for (const step of [clear, tables]) {
      const wb = await annotated();
      (wb.getWorksheet("Punteggi") as ExcelJS.Worksheet).name = "Punteggi 2024";
      userSheet(wb, "Punteggi");
      const after = await step(wb);
      expectUserSheet(after.wb, "Punteggi");
      expect(after.wb.getWorksheet("Punteggi 2024")).toBeDefined();
    }
  });

  it("a user sheet whose A1 starts with the marker text is not the add-in's", async () => {
    const wb = await loadWorkbook(workbookBytes(FIXTURE));
    userSheet(wb, "Verifica", `${OWNED_SHEET_MARKER} appunti miei`);
    const after = await tables(wb);
    expectUserSheet(after.wb, "Verifica", `${OWNED_SHEET_MARKER} appunti miei`);
  });

  it("a damaged record: tables touches nothing and says so; the user's sheets stay", async () => {
    const wb = await annotated();
    const state = findStateSheet(wb) as ExcelJS.Worksheet;
    const chunk = sheetCell(state, 1, 1).value as string;
    // Same schema, one sheet name changed by hand: the checksum no longer matches.
    sheetCell(state, 1, 1).value = chunk.replace('"Verifica"', '"Servizio Amministrativo"');
    const names = wb.worksheets.map((ws) => ws.name);
    const { wb: after, report } = await tables(wb);
    expect(after.worksheets.map((ws) => ws.name)).toEqual(names);
    expect(report.messages.map((m) => m.code)).toContain("state-unreadable");
    expect(report.sheetsWritten).toEqual([]);
  });
});

describe("notes typed into the add-in's Verifica", () => {
  /** Row (1-based) of the header of the Verifica table, and the columns by header. */
  function layout(ws: ExcelJS.Worksheet): { header: number; col: (name: string) => number } {
    for (let r = 1; r <= 10; r++) {
      const names: string[] = [];
      sheetCell(ws, r, 1);
      ws.getRow(r).eachCell((c, n) => (names[n] = String(c.value)));
      if (names.includes("Note dell'utente")) return { header: r, col: (name) => names.indexOf(name) };
    }
    throw new Error("no header");
  }

  it("are carried over by finding identity; a note whose finding is gone is reported", async () => {
    const wb = await annotated();
    const ws = wb.getWorksheet("Verifica") as ExcelJS.Worksheet;
    const { header, col } = layout(ws);
    const first = header + 1;
    const second = header + 2;
    const identity = (w: ExcelJS.Worksheet, r: number): unknown[] => ["Foglio", "Cella", "Regola"].map((h) => sheetCell(w, r, col(h)).value);
    const kept = identity(ws, first);
    sheetCell(ws, first, col("Note dell'utente")).value = "risolto il 2/10";
    // A note on a finding that will not come back (its identity changed by hand).
    sheetCell(ws, second, col("Regola")).value = "regola-che-non-esiste";
    sheetCell(ws, second, col("Note dell'utente")).value = "vecchia nota";
    const { wb: after, report } = await tables(wb);
    const again = after.getWorksheet("Verifica") as ExcelJS.Worksheet;
    const rows = Array.from({ length: again.rowCount }, (_, i) => i + 1).filter((r) => JSON.stringify(identity(again, r)) === JSON.stringify(kept));
    expect(rows.map((r) => sheetCell(again, r, layout(again).col("Note dell'utente")).value)).toContain("risolto il 2/10");
    const dropped = report.messages.filter((m) => m.code === "user-note-dropped");
    expect(dropped).toHaveLength(1);
    expect(dropped[0]?.message).toContain("«vecchia nota»");
  });
});


describe("control characters", () => {
  it("in a user value survive a save, written as Excel writes them (_x0001_)", async () => {
    const wb = await loadWorkbook(workbookBytes(FIXTURE));
    const ws = wb.addWorksheet("Appunti");
    ws.getCell("A1").value = "prima\u0001dopo";
    const again = await loadWorkbook(await saveWorkbook(wb));
    expect(sheetCell(again.getWorksheet("Appunti") as ExcelJS.Worksheet, 1, 1).value).toBe("prima\u0001dopo");
  });

  it("quoted in a note of the add-in do not stop clear from recognising it", async () => {
    const { noteText } = await import("../../../src/engine/write/flags");
    expect(noteText("error", ["«a\u0001b»"])).toBe("Schede Obiettivo · Errore\n«ab»");
  });
});

describe("an empty flagged cell after clear", () => {
  it("has the style it had: no font, border or alignment left by the add-in", async () => {
    const wb0 = new (await import("exceljs")).Workbook();
    const ws0 = wb0.addWorksheet("Dati");
    ws0.getCell("A1").value = "Peso";
    ws0.getColumn(2).font = { bold: true, name: "Arial" };
    ws0.getColumn(2).border = { bottom: { style: "thin" } };
    const original = await loadWorkbook(await saveWorkbook(wb0));
    const styleOf = (wb: ExcelJS.Workbook): string => JSON.stringify(sheetCell(wb.getWorksheet("Dati") as ExcelJS.Worksheet, 5, 2).style ?? {});
    const before = styleOf(original);
    const plan = {
      version: 1 as const,
      sheets: [],
      flags: [{ sheet: "Dati", top: 4, left: 1, bottom: 4, right: 1, severity: "error" as const, fill: "#FFC7CE", note: "Schede Obiettivo · Errore\nManca il peso.", ruleIds: ["x"] }],
      addedCells: [],
      stats: { cells: 0, formulas: 0, flags: 1, tables: 0 },
    };
    applyWritePlanToWorkbook(original, plan);
    const annotatedWb = await loadWorkbook(await saveWorkbook(original));
    expect(styleOf(annotatedWb)).not.toBe(before);
    const cleared = await clear(annotatedWb);
    expect(styleOf(cleared.wb)).toBe(before);
    expect(sheetCell(cleared.wb.getWorksheet("Dati") as ExcelJS.Worksheet, 5, 2).note).toBeUndefined();
  });
});

describe("rows inserted above flags", () => {
  it("clear finds the flags where they moved: every user fill comes back, on the right cell", async () => {
    const wb0 = new (await import("exceljs")).Workbook();
    const ws0 = wb0.addWorksheet("Dati");
    ws0.getCell("A1").value = "Peso";
    ws0.getCell("B5").value = 10;
    ws0.getCell("B5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws0.getCell("B6").value = 20;
    const original = await loadWorkbook(await saveWorkbook(wb0));
    const flag = (top: number, note: string) => ({ sheet: "Dati", top, left: 1, bottom: top, right: 1, severity: "error" as const, fill: "#FFC7CE", note, ruleIds: ["x"] });
    const plan = {
      version: 1 as const,
      sheets: [],
      flags: [flag(4, "Schede Obiettivo · Errore\nPrimo."), flag(5, "Schede Obiettivo · Errore\nSecondo.")],
      addedCells: [],
      stats: { cells: 0, formulas: 0, flags: 2, tables: 0 },
    };
    applyWritePlanToWorkbook(original, plan);
    const annotatedWb = await loadWorkbook(await saveWorkbook(original));
    // A row inserted at the top, as Excel does it (ExcelJS's spliceRows leaves notes behind: moved by hand).
    const dati = annotatedWb.getWorksheet("Dati") as ExcelJS.Worksheet;
    const notes = [5, 6].map((r) => sheetCell(dati, r, 2).note);
    dati.spliceRows(1, 0, []);
    for (const r of [5, 6, 7]) removeNote(sheetCell(dati, r, 2));
    notes.forEach((n, i) => n !== undefined && (sheetCell(dati, 6 + i, 2).note = n));
    const { wb, report } = await clear(annotatedWb);
    const ws = wb.getWorksheet("Dati") as ExcelJS.Worksheet;
    expect(sheetCell(ws, 6, 2).value).toBe(10);
    expect(JSON.stringify(sheetCell(ws, 6, 2).fill)).toContain("FFFFFF00");
    expect(sheetCell(ws, 6, 2).note).toBeUndefined();
    expect(sheetCell(ws, 7, 2).value).toBe(20);
    expect(JSON.stringify(sheetCell(ws, 7, 2).fill ?? null)).not.toContain("FFC7CE");
    expect(sheetCell(ws, 7, 2).note).toBeUndefined();
    expect(report.messages.map((m) => m.code)).not.toContain("flag-not-found");
  });
});

describe("a value typed into a flagged cell, a re-coloured flag", () => {
  it("clear keeps the value and the user's colour, and puts back the rest", async () => {
    const wb0 = new (await import("exceljs")).Workbook();
    const ws0 = wb0.addWorksheet("Dati");
    ws0.getCell("A1").value = "Peso";
    ws0.getCell("B6").value = 20;
    ws0.getCell("B6").numFmt = "0%";
    ws0.getCell("B6").note = "nota mia";
    const original = await loadWorkbook(await saveWorkbook(wb0));
    const flag = (top: number, note: string) => ({ sheet: "Dati", top, left: 1, bottom: top, right: 1, severity: "error" as const, fill: "#FFC7CE", note, ruleIds: ["x"] });
    applyWritePlanToWorkbook(original, {
      version: 1,
      sheets: [],
      flags: [flag(4, "Schede Obiettivo · Errore\nManca il peso."), flag(5, "Schede Obiettivo · Errore\nPeso strano.")],
      addedCells: [],
      stats: { cells: 0, formulas: 0, flags: 2, tables: 0 },
    });
    const annotatedWb = await loadWorkbook(await saveWorkbook(original));
    const dati = annotatedWb.getWorksheet("Dati") as ExcelJS.Worksheet;
    sheetCell(dati, 5, 2).value = 0.3; // the fix, typed into the flagged empty cell
    sheetCell(dati, 6, 2).style = { ...sheetCell(dati, 6, 2).style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } } };
    const { wb } = await clear(annotatedWb);
    const ws = wb.getWorksheet("Dati") as ExcelJS.Worksheet;
    expect(sheetCell(ws, 5, 2).value).toBe(0.3);
    expect(JSON.stringify(sheetCell(ws, 5, 2).fill ?? null)).not.toContain("FFC7CE");
    expect(sheetCell(ws, 5, 2).note).toBeUndefined();
    expect(JSON.stringify(sheetCell(ws, 6, 2).fill)).toContain("FF00B050");
    expect(sheetCell(ws, 6, 2).value).toBe(20);
    expect(sheetCell(ws, 6, 2).numFmt).toBe("0%");
    expect(sheetCell(ws, 6, 2).note).toBe("nota mia");
  });
});
